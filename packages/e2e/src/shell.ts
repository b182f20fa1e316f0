import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { repoRoot } from './apps';

/** Runs a command in the repo root; throws with its output if it fails. */
export function run(command: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync(command, args, {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
}

/** Every change git sees in the working tree, including untracked files. */
export function treeState(): string {
  return run('git', ['status', '--porcelain', '--untracked-files=all']);
}

/** Like `run`, without blocking the test process (its sockets and timers keep working). */
export async function runAsync(command: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await promisify(execFile)(command, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}
