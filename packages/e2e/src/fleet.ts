/**
 * The apps in production mode on ports of a test's own, each told where the
 * others are: start, stop and restart them by name.
 */
import { registry } from './apps';
import { originsEnv, startApp, waitFor, type RunningApp } from './servers';

export class Fleet {
  private readonly running = new Map<string, RunningApp>();
  private readonly env: Record<string, string>;

  constructor(
    private readonly ports: Record<string, number>,
    env: Record<string, string> = {},
  ) {
    this.env = { ...originsEnv(ports), ...env };
  }

  url(name: string): string {
    return `http://localhost:${this.port(name)}`;
  }

  port(name: string): number {
    const port = this.ports[name];
    if (port === undefined) throw new Error(`No port for app "${name}" in this fleet.`);
    return port;
  }

  get urls(): string[] {
    return [...this.running.keys()].map((name) => this.url(name));
  }

  get(name: string): RunningApp | undefined {
    return this.running.get(name);
  }

  start(name: string, extraEnv: Record<string, string> = {}): RunningApp {
    const app = startApp(name, { mode: 'start', port: this.port(name), env: { ...this.env, ...extraEnv } });
    this.running.set(name, app);
    return app;
  }

  startAll(names = registry.map((app) => app.name)): void {
    for (const name of names) this.start(name);
  }

  async stop(name: string): Promise<void> {
    await this.running.get(name)?.stop();
    this.running.delete(name);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.running.keys()].map((name) => this.stop(name)));
  }

  /** Stops the app if it runs, starts it again and waits until it answers its health check. */
  async restart(name: string, extraEnv: Record<string, string> = {}): Promise<RunningApp> {
    await this.stop(name);
    const app = this.start(name, extraEnv);
    try {
      await waitFor(`${app.url}/api/health`, (status) => status === 200, 60_000);
    } catch (error) {
      // What the app said is what tells why it did not come up.
      const tail = app.output().split('\n').slice(-40).join('\n');
      throw new Error(`${(error as Error).message}\n--- ${name}'s output, last lines:\n${tail}`);
    }
    return app;
  }
}
