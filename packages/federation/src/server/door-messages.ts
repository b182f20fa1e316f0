/**
 * What a supervisor and its production worker say to each other over their IPC
 * channel about connections (see door). Sockets travel as the message's handle.
 */
import type net from 'node:net';
import type { Health } from './health';

/** What the door needs to answer like the proxy: pushed on every watch poll and on every change. */
export interface DoorState {
  health: Health;
  /** True while this worker serves and the app is not stopping (health answers 503 otherwise). */
  serving: boolean;
  /** Each remote's current version, as the proxy sends it on every request (REMOTE_VERSIONS_HEADER). */
  remoteVersions: string;
  /** The app is shutting down: answers close their connection. */
  stopping: boolean;
}

export type ToWorker =
  /** A new connection (the handle), not read from yet. */
  | { door: 'connection' }
  | { door: 'state'; state: DoorState }
  /** Stop serving connections: hand each back when idle (a fresh worker took over), or close it (the app stops). */
  | { door: 'drain'; handBack: boolean };

export type ToSupervisor =
  /** The worker's server listens: it can take connections. */
  | { door: 'open' }
  /** A connection handed back between two requests (the handle): serve it elsewhere. */
  | { door: 'return' }
  /** What the worker renders of each remote, as its last page said (RENDERS_HEADER). */
  | { door: 'renders'; renders: string }
  /** Draining ended: no connection left. */
  | { door: 'drained' };

/** Settings the worker's door reads from its environment (DOOR_ENV), as JSON. */
export interface DoorConfig {
  build: string;
  /** The origins the Content-Security-Policy allows (every app's). */
  origins: string[];
}

export const DOOR_ENV = 'FEDERATION_DOOR';

/** Ours, not another message on the channel (the IPC channel also carries Node's own). */
const isDoorMessage = (message: unknown) =>
  typeof message === 'object' && message !== null && typeof (message as { door?: unknown }).door === 'string';

export const isToSupervisor = (message: unknown): message is ToSupervisor => isDoorMessage(message);
export const isToWorker = (message: unknown): message is ToWorker => isDoorMessage(message);

/** The part of Node's socket that stops reading it: not in its public API. */
interface ReadingSocket extends net.Socket {
  _handle?: { readStop?: () => number; reading?: boolean } | null;
}

/**
 * Stops reading a socket at once, so a client's next request waits in the
 * kernel while the socket travels to another process: a socket that arrived
 * over IPC reads from the start, and a send can wait in the channel's queue.
 * Resuming it (or a server taking it) reads again.
 */
export function holdReading(socket: net.Socket): boolean {
  const handle = (socket as ReadingSocket)._handle;
  if (!handle?.readStop || socket.destroyed) return false;
  handle.readStop();
  handle.reading = false;
  return true;
}
