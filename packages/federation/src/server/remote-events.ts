/**
 * Dev only: tells a host's open pages that a remote has new code, over
 * Server-Sent Events on the host's own origin, so the page can load it afresh
 * without a reload (see hot-remotes). Fed by the supervisor's remote watch.
 */
import type http from 'node:http';
import type { RemoteStatus } from './remote-watch';

export class RemoteEvents {
  private readonly clients = new Set<http.ServerResponse>();
  /** The version of each remote its pages last heard of (null: not up). */
  private readonly announced = new Map<string, string | null>();

  /** Records the versions the pages already have (the ones they were served with). */
  constructor(statuses: ReadonlyMap<string, RemoteStatus>) {
    for (const [name, status] of statuses) this.announced.set(name, status.ok ? status.version : null);
  }

  accept(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    this.clients.add(res);
    req.on('close', () => this.clients.delete(res));
  }

  /**
   * Tells the pages of every remote whose version changed: new code, back after an outage (a page
   * that rendered its fallback loads it now) or down (its parts remount and render the fallback).
   * Returns the ones that are up with new code (for the server to load in place).
   */
  announce(statuses: ReadonlyMap<string, RemoteStatus>): string[] {
    const changed: string[] = [];
    const up: string[] = [];
    for (const [name, status] of statuses) {
      const version = status.ok ? status.version : null;
      const before = this.announced.get(name);
      this.announced.set(name, version);
      if (version === before) continue;
      changed.push(name);
      if (version !== null) up.push(name);
    }
    for (const name of changed) {
      for (const client of this.clients) client.write(`event: remote\ndata: ${JSON.stringify({ name })}\n\n`);
    }
    return up;
  }

  close(): void {
    for (const client of this.clients) client.end();
    this.clients.clear();
  }
}
