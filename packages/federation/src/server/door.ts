/**
 * A production worker's own door. The supervisor accepts each connection on
 * the app's public port and hands the socket itself to the serving worker over
 * their IPC channel; the worker serves every request on it, with no proxy hop.
 * The hop had cost about 0.7-0.9 ms of CPU per page in the proxy process (a
 * second HTTP parse, the document written through the kernel twice), about a
 * fifth of a page's server time here (see README, "What federation costs").
 *
 * What the proxy did per request, the door does here, with the same code: the
 * SSR guard and /api/health (proxy-answers, health from the state the
 * supervisor pushes), the nonce and remote versions on the request, and the
 * answer's headers (answer-headers); what the page says it renders goes to the
 * supervisor. When a fresh worker takes over, each connection comes back to
 * the supervisor between two requests, so a kept-alive client never sees it
 * close and its next page comes from the fresh worker.
 *
 * Loaded into the worker before Next (`--require`, see door-loader.cjs), only
 * when DOOR_ENV is set: production from the monorepo and standalone artifacts.
 */
import http from 'node:http';
import type net from 'node:net';
import { NONCE_HEADER, REMOTE_VERSIONS_HEADER, RENDERS_HEADER } from '../header-names';
import { answerHeaders, documentNonce, isDocumentType, pathnameOf } from './answer-headers';
import { DOOR_ENV, holdReading, isToWorker, type DoorConfig, type DoorState, type ToSupervisor } from './door-messages';
import { proxyAnswers } from './proxy-answers';
import { policyFor } from './security-headers';

/** The part of Node's socket the hand-back needs: detach the HTTP parser that reads it. */
interface HandedSocket extends net.Socket {
  parser?: { unconsume?: () => void } | null;
}

type Send = (message: ToSupervisor, handle?: net.Socket) => void;

export function installDoor(config: DoorConfig, send: Send): void {
  let state: DoorState | null = null;
  let server: http.Server | null = null;
  let draining: { handBack: boolean } | null = null;
  let drainedSent = false;
  let lastRenders = '';
  const policy = policyFor(config.origins);
  /** Each handed-in connection and how many of its requests are in progress. */
  const sockets = new Map<HandedSocket, number>();

  const answerItself = proxyAnswers({
    secret: process.env.FEDERATION_SSR_SECRET || undefined,
    events: () => null,
    health: () => state?.health ?? { app: '', version: config.build, remotes: {}, settled: false },
    serving: () => state?.serving === true && draining === null,
  });

  const checkDrained = () => {
    if (draining && sockets.size === 0 && !drainedSent) {
      drainedSent = true;
      send({ door: 'drained' });
    }
  };

  /** Back to the supervisor between two requests: nothing of the next one has been read. */
  const handBack = (socket: HandedSocket) => {
    sockets.delete(socket);
    if (holdReading(socket)) {
      socket.parser?.unconsume?.();
      send({ door: 'return' }, socket);
    }
    checkDrained();
  };

  const settle = (socket: HandedSocket) => {
    if (!draining) return;
    if (!draining.handBack) return void socket.end();
    // After the answer: hand back unless the client already sent its next request.
    setImmediate(() => {
      if (sockets.get(socket) === 0) handBack(socket);
    });
  };

  const take = (req: http.IncomingMessage, res: http.ServerResponse): boolean => {
    const socket = req.socket as HandedSocket;
    const pathname = pathnameOf(req.url);
    if (answerItself(req, res, pathname)) return false;
    const nonce = documentNonce(pathname);
    // Set here, whatever the client sent: _document and the federation runtime trust them.
    if (nonce) req.headers[NONCE_HEADER] = nonce;
    else delete req.headers[NONCE_HEADER];
    if (state) req.headers[REMOTE_VERSIONS_HEADER] = state.remoteVersions;
    sockets.set(socket, (sockets.get(socket) ?? 0) + 1);
    res.once('close', () => {
      const inProgress = sockets.get(socket);
      if (inProgress === undefined) return;
      sockets.set(socket, inProgress - 1);
      if (inProgress === 1) settle(socket);
    });
    const writeHead = res.writeHead;
    res.writeHead = function (this: http.ServerResponse, ...args: unknown[]) {
      const given = args.find((arg): arg is http.OutgoingHttpHeaders => typeof arg === 'object' && arg !== null && !Array.isArray(arg));
      const renders = given?.[RENDERS_HEADER] ?? this.getHeader(RENDERS_HEADER);
      if (given) delete given[RENDERS_HEADER];
      this.removeHeader(RENDERS_HEADER);
      if (typeof renders === 'string' && renders !== lastRenders) {
        lastRenders = renders;
        send({ door: 'renders', renders });
      }
      const isDocument = isDocumentType(given?.['content-type'] ?? this.getHeader('content-type'));
      const settings = {
        build: config.build,
        policy,
        stopping: state?.stopping === true || draining?.handBack === false,
      };
      const headers = answerHeaders(req.url ?? '/', isDocument, nonce, settings);
      for (const name in headers) {
        const value = headers[name] as string;
        // Given headers win over set ones, but set ones make writeHead merge them case-insensitively.
        if (given) given[name] = value;
        this.setHeader(name, value);
      }
      return writeHead.apply(this, args as Parameters<typeof writeHead>);
    } as typeof res.writeHead;
    return true;
  };

  const open = (listening: http.Server) => {
    server = listening;
    send({ door: 'open' });
  };
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'listening' && server === null) open(this);
    if (event === 'request' && this === server) {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      if (sockets.has(req.socket as HandedSocket) && !take(req, res)) return true;
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  };

  process.on('message', (message: unknown, handle?: net.Socket) => {
    if (!isToWorker(message)) return;
    if (message.door === 'state') state = message.state;
    if (message.door === 'connection' && handle) {
      const socket = handle as HandedSocket;
      if (!server || draining) {
        holdReading(socket);
        return void send({ door: 'return' }, socket);
      }
      sockets.set(socket, 0);
      socket.once('close', () => {
        sockets.delete(socket);
        checkDrained();
      });
      server.emit('connection', socket);
    }
    if (message.door === 'drain') {
      draining = { handBack: message.handBack };
      for (const [socket, inProgress] of sockets) {
        if (inProgress > 0) continue;
        if (message.handBack) handBack(socket);
        else socket.end();
      }
      checkDrained();
    }
  });
}

const raw = process.env[DOOR_ENV];
if (raw && process.send) {
  const channel = process.send.bind(process);
  installDoor(JSON.parse(raw) as DoorConfig, (message, handle) =>
    // A handed-back socket is the supervisor's now: this copy only leaves the server's books.
    channel(message, handle, undefined, () => handle?.destroy()),
  );
}
