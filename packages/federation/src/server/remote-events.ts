/**
 * Dev only: tells a host's open pages that a remote has new code, over
 * Server-Sent Events on the host's own origin, so the page can load it afresh
 * without a reload (see hot-remotes). Fed by the supervisor's remote watch.
 */
import type http from 'node:http';
import type { RemoteStatus } from './remote-watch';

/** What open pages run of a remote: its browser build (its server's when not watched), null while it is down. */
function pageVersion(status: RemoteStatus): string | null {
  if (!status.ok) return null;
  return status.browserVersion === undefined ? status.version : status.browserVersion;
}

const serverVersion = (status: RemoteStatus): string | null => (status.ok ? status.version : null);

export class RemoteEvents {
  private readonly clients = new Set<http.ServerResponse>();
  /** The version of each remote its pages last heard of (null: not up). */
  private readonly announced = new Map<string, string | null>();
  /** The server version of each remote the worker was last asked to load. */
  private readonly loaded = new Map<string, string | null>();

  /** Records the versions the pages and the worker already have (the ones they were served with). */
  constructor(statuses: ReadonlyMap<string, RemoteStatus>) {
    for (const [name, status] of statuses) {
      this.announced.set(name, pageVersion(status));
      this.loaded.set(name, serverVersion(status));
    }
  }

  accept(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    this.clients.add(res);
    req.on('close', () => this.clients.delete(res));
  }

  /**
   * Tells the pages of every remote whose browser code changed: new code, back after an outage (a
   * page that rendered its fallback loads it now) or down (its parts remount and render the
   * fallback). Returns the remotes that are up with new server code (for the worker to load in place).
   */
  announce(statuses: ReadonlyMap<string, RemoteStatus>): string[] {
    const up: string[] = [];
    for (const [name, status] of statuses) {
      const page = pageVersion(status);
      if (page !== this.announced.get(name)) {
        this.announced.set(name, page);
        for (const client of this.clients) client.write(`event: remote\ndata: ${JSON.stringify({ name })}\n\n`);
      }
      const server = serverVersion(status);
      if (server !== this.loaded.get(name)) {
        this.loaded.set(name, server);
        if (server !== null) up.push(name);
      }
    }
    return up;
  }

  close(): void {
    for (const client of this.clients) client.end();
    this.clients.clear();
  }
}
