import { execFileSync } from 'node:child_process';
import { repoRoot } from './apps';

/** Runs a command in the repo root; throws with its output if it fails. */
export function run(command: string, args: string[]): string {
  return execFileSync(command, args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Every change git sees in the working tree, including untracked files. */
export function treeState(): string {
  return run('git', ['status', '--porcelain', '--untracked-files=all']);
}
