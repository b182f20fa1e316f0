/**
 * How the supervisor speaks. `pnpm dev` tells a developer what happens in
 * plain lines ("home: waiting for shop"); production and FEDERATION_DEBUG
 * keep every detail, workers' output included.
 */
import type { Mode } from './worker';

export interface SupervisorLog {
  quiet: boolean;
  /** A line always printed. */
  log: (line: string) => void;
  /** A line printed only when not quiet. */
  detail: (line: string) => void;
}

export function supervisorLog(app: string, mode: Mode, env: NodeJS.ProcessEnv): SupervisorLog {
  const quiet = mode === 'dev' && !env.FEDERATION_DEBUG;
  const log = (line: string) => console.log(quiet ? `${app}: ${line}` : `[${app}] ${line}`);
  return { quiet, log, detail: (line) => (quiet ? undefined : log(line)) };
}
