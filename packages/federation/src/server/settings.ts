/**
 * The supervisor's FEDERATION_*_MS settings, read once at start: a value that
 * is not a positive number stops the server with one line naming it.
 */
import { DEFAULT_REMOTE_TIMEOUT_MS } from '../runtime/server-fetch';
import type { Mode } from './worker';

export interface Settings {
  pollMs: number;
  downAfterMs: number;
  probeTimeoutMs: number;
  readyTimeoutMs: number;
  drainMs: number;
  /** Dev: a worker whose process group holds more (MiB) after loading new remote code is replaced by a fresh one. */
  devMaxRssMb: number;
  /** Read by the runtime plugin in the worker; checked here so a bad value fails at start. */
  remoteTimeoutMs: number;
}

function numberFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name}="${raw}" is not a positive number of milliseconds: fix it or unset it.`);
  }
  return value;
}

export function settingsFromEnv(env: NodeJS.ProcessEnv, mode: Mode): Settings {
  return {
    // Dev: a remote's edit reaches open tabs one poll after its compile, so poll often (local HEADs are cheap).
    pollMs: numberFromEnv(env, 'FEDERATION_POLL_MS', mode === 'dev' ? 250 : 1_000),
    downAfterMs: numberFromEnv(env, 'FEDERATION_DOWN_AFTER_MS', 3_000),
    probeTimeoutMs: numberFromEnv(env, 'FEDERATION_PROBE_TIMEOUT_MS', 1_500),
    readyTimeoutMs: numberFromEnv(env, 'FEDERATION_READY_TIMEOUT_MS', mode === 'dev' ? 180_000 : 30_000),
    drainMs: numberFromEnv(env, 'FEDERATION_DRAIN_MS', 30_000),
    remoteTimeoutMs: numberFromEnv(env, 'FEDERATION_REMOTE_TIMEOUT_MS', DEFAULT_REMOTE_TIMEOUT_MS),
    devMaxRssMb: numberFromEnv(env, 'FEDERATION_DEV_MAX_RSS_MB', 2_048),
  };
}
