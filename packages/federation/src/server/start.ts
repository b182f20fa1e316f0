/**
 * Starting an app, from the monorepo (`federation dev|start`) or from its
 * standalone artifact (`node start.cjs`): refuse bad configuration with one
 * line, then run the supervisor.
 */
import { checkSecret } from './secret';
import { resolvePort } from './port';
import { originEnvVar, originsFromEnv } from '../origins';
import type { AppEntry } from '../registry';
import { runSupervisor } from './supervisor';
import type { Mode } from './worker';

export interface StartOptions {
  app: AppEntry;
  apps: AppEntry[];
  appDir: string;
  mode: Mode;
  /** Standalone artifacts run Next's generated server.js instead of `next start`, and fail closed (see secret). */
  serverScript?: string;
  /** A standalone artifact's bundled door (see door); the monorepo loads its source. */
  doorScript?: string;
}

/** nextjs-mf needs Next to use the app's own webpack (see README, "Version pins"). */
export function nextEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { NEXT_TELEMETRY_DISABLED: '1', ...env, NEXT_PRIVATE_LOCAL_WEBPACK: 'true' };
}

export async function startServer(options: StartOptions): Promise<void> {
  // Bad origins, secrets or ports fail here, naming the variable, not on the first request.
  originsFromEnv(options.apps, process.env);
  checkSecret(process.env, { deployed: options.serverScript !== undefined });
  const port = await resolvePort(process.env.PORT, options.app);
  // An app reaches itself (its own API, from its pages) where it listens, unless told otherwise.
  const ownOrigin = originEnvVar(options.app.name);
  const env = { ...process.env, [ownOrigin]: process.env[ownOrigin] || `http://localhost:${port}` };
  await runSupervisor({ ...options, port, env: nextEnv(env) });
}
