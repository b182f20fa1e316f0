/**
 * Stopping on SIGINT/SIGTERM without dropping a request: the public port stops
 * accepting connections, the proxy's close (idle ones now, busy ones once
 * answered, dev's WebSocket tunnels at once), then every worker drains (the
 * connections it took likewise) and stops, then the process exits. A second
 * signal while stopping changes nothing.
 */
import type net from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { Proxy } from './proxy';

export interface ShutdownParts {
  /** The public port's server. */
  listener: net.Server;
  proxy: Proxy;
  drainMs: number;
  /** Stops what feeds the proxy (the remote watch, event streams). */
  quiet: () => void;
  /** Drains and stops every worker. */
  stopWorkers: () => Promise<void>;
  log: (line: string) => void;
}

export class Shutdown {
  /** True from the first signal on: the proxy then closes each connection after its answer. */
  stopping = false;

  /** Stops the app on the first SIGINT or SIGTERM. */
  listen(parts: ShutdownParts): void {
    const stop = async (signal: string) => {
      if (this.stopping) return;
      this.stopping = true;
      parts.log(`${signal}: finishing requests in flight (up to ${parts.drainMs} ms), then stopping`);
      parts.quiet();
      parts.listener.close();
      const closed = new Promise<void>((resolve) => parts.proxy.close(() => resolve()));
      parts.proxy.closeTunnels();
      await Promise.race([closed, delay(parts.drainMs)]);
      await parts.stopWorkers();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
  }
}
