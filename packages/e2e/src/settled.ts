import { registry } from './apps';

interface HealthBody {
  settled: boolean;
  remotes: Record<string, { ok: boolean }>;
}

/**
 * Waits until every app reports all its remotes up and a worker that started
 * with them: apps start in any order, and a host that started before a remote
 * swaps in a fresh worker once the remote is up.
 */
export async function waitUntilSettled(
  urls = registry.map((app) => app.url),
  timeoutMs = 60_000,
  /** Remotes a test keeps down or broken on purpose. */
  expectedDown: string[] = [],
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const url of urls) {
    for (;;) {
      try {
        const response = await fetch(`${url}/api/health`);
        const body = (await response.json()) as HealthBody;
        const up = Object.entries(body.remotes).every(([name, remote]) => remote.ok || expectedDown.includes(name));
        if (response.ok && body.settled && up) break;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) throw new Error(`${url} did not settle within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
