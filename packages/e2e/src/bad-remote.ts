/**
 * A real HTTP server that plays a broken remote: one that answers 500, one
 * that never answers, or one that serves a corrupt remote entry.
 */
import http from 'node:http';
import type { Socket } from 'node:net';

export type Misbehaviour = 'error-500' | 'hang' | 'corrupt-entry';

export interface BadRemote {
  url: string;
  /** Requests it received: a test checks its hosts really reached it (not a refused port). */
  requests: () => number;
  stop: () => Promise<void>;
}

export async function startBadRemote(misbehaviour: Misbehaviour, port: number): Promise<BadRemote> {
  const sockets = new Set<Socket>();
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests += 1;
    if (misbehaviour === 'hang') return; // holds the request open until stopped
    if (misbehaviour === 'error-500') {
      res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Internal Server Error</h1>');
      return;
    }
    // A broken deploy: its code does not parse, and the rest of it (API, pages) fails.
    if (/\.js$/.test((req.url ?? '').split('?')[0] ?? '')) {
      res.writeHead(200, { 'content-type': 'application/javascript', etag: '"corrupt-1"' });
      res.end('this is { not javascript ((( at all');
      return;
    }
    res.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://localhost:${port}`,
    requests: () => requests,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
