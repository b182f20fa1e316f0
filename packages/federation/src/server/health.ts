import type { RemoteStatus } from './remote-watch';

export interface Health {
  app: string;
  version: string;
  remotes: Record<string, RemoteStatus>;
  /** false while a fresh worker is being started for a changed remote. */
  settled: boolean;
}

export function healthBody(
  app: string,
  version: string,
  statuses: ReadonlyMap<string, RemoteStatus>,
  settled: boolean,
): Health {
  return { app, version, remotes: Object.fromEntries(statuses), settled };
}
