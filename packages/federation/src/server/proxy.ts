/**
 * Forwards requests to the current worker, so workers can be swapped without
 * dropping a request, and fixes the headers Next cannot set on its files. It
 * serves dev (whose WebSocket it tunnels) and any connection no worker's door
 * takes (before the first worker serves, while stopping); in production the
 * worker's door serves connections itself (see door).
 */
import http from 'node:http';
import net from 'node:net';
import { RENDERS_HEADER, STARTING_HEADER } from '../header-names';
import { answerHeaders, documentNonce, isDocumentType, pathnameOf } from './answer-headers';
import { NONCE_HEADER } from './security-headers';
import type { Worker } from './worker';

/** What the proxy needs of a worker: where it listens, and its request bookkeeping. */
export type ProxiedWorker = Pick<Worker, 'port' | 'agent' | 'inFlight' | 'noteRenders'>;

export interface ProxyHooks {
  /** The production build this app serves (null in dev): names it on entry files, decides their cache. */
  build: string | null;
  /** The Content-Security-Policy for a document served with this nonce, or null for none. */
  policy: (nonce: string) => string | null;
  /** True once the app is shutting down: answers then close their connection. */
  stopping: () => boolean;
  /** The worker that takes new requests, or null while none is ready. */
  current: () => ProxiedWorker | null;
  /** Headers the proxy adds to every request it forwards to the worker. */
  requestHeaders: () => Record<string, string>;
  /** Answers a request itself (health, refusals); returns true if it did. */
  intercept: (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => boolean;
}

/** The proxy server; `closeTunnels` ends the WebSocket tunnels, which `server.close()` would wait for. */
export type Proxy = http.Server & { closeTunnels: () => void };

export function createProxy(hooks: ProxyHooks): Proxy {
  const tunnels = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    const pathname = pathnameOf(req.url);
    if (hooks.intercept(req, res, pathname)) return;
    const worker = hooks.current();
    if (!worker) {
      res
        .writeHead(503, { 'content-type': 'text/plain', 'retry-after': '1', [STARTING_HEADER]: '1' })
        .end('Starting up, try again shortly.\n');
      return;
    }
    forward(worker, req, res, pathname, hooks);
  });
  server.on('upgrade', (req, socket, head) => {
    // Dev HMR uses a WebSocket: tunnel it to the current worker as raw TCP.
    const worker = hooks.current();
    if (!worker) return socket.destroy();
    tunnels.add(socket as net.Socket);
    socket.on('close', () => tunnels.delete(socket as net.Socket));
    const upstream = net.connect(worker.port, '127.0.0.1', () => {
      const headerLines = Object.entries(req.headers).flatMap(([name, value]) =>
        Array.isArray(value) ? value.map((v) => `${name}: ${v}`) : [`${name}: ${value ?? ''}`],
      );
      upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${headerLines.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  return Object.assign(server, {
    closeTunnels: () => {
      for (const socket of tunnels) socket.destroy();
    },
  });
}

function forward(
  worker: ProxiedWorker,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  pathname: string,
  hooks: ProxyHooks,
): void {
  const nonce = documentNonce(pathname);
  worker.inFlight += 1;
  let done = false;
  const finish = () => {
    if (!done) {
      done = true;
      worker.inFlight -= 1;
    }
  };
  res.on('close', finish);

  const headers = {
    ...req.headers,
    'x-forwarded-for': req.socket.remoteAddress ?? '',
    'x-forwarded-host': req.headers.host ?? '',
    'x-forwarded-proto': 'http',
    // _document puts it on the page's scripts; the policy below allows exactly it.
    ...(nonce ? { [NONCE_HEADER]: nonce } : {}),
    ...hooks.requestHeaders(),
  };
  const send = (retried: boolean) => {
    const upstream = http.request(
      { host: '127.0.0.1', port: worker.port, method: req.method, path: req.url, agent: worker.agent, headers },
      (response) => answer(response, worker, req, res, nonce, hooks),
    );
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      // A kept-alive connection the worker closed just as this request reused it (its idle timeout):
      // nothing was processed, so a request without a body goes again on a fresh connection.
      if (!retried && upstream.reusedSocket && error.code === 'ECONNRESET' && !res.headersSent && BODYLESS.has(req.method ?? '')) {
        return send(true);
      }
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'text/plain' }).end(`Upstream error: ${error.message}\n`);
      } else {
        res.destroy(error);
      }
      finish();
    });
    if (retried) upstream.end();
    else req.pipe(upstream);
  };
  send(false);
}

/** Requests that carry no body: safe to send again when their connection was reset before an answer. */
const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The worker's answer, with the headers Next cannot set on its files. */
function answer(
  response: http.IncomingMessage,
  worker: ProxiedWorker,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  nonce: string | null,
  hooks: ProxyHooks,
): void {
  const { [RENDERS_HEADER]: renders, ...upstreamHeaders } = response.headers;
  if (typeof renders === 'string') worker.noteRenders(renders);
  const isDocument = isDocumentType(response.headers['content-type']);
  const settings = { build: hooks.build, policy: hooks.policy, stopping: hooks.stopping() };
  const headers = { ...upstreamHeaders, ...answerHeaders(req.url ?? '/', isDocument, nonce, settings) };
  res.writeHead(response.statusCode ?? 502, headers);
  response.pipe(res);
}
