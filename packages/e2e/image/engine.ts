/**
 * The container engine on this machine: Docker if its daemon answers, else
 * podman, else none. Podman on these VMs needs runc and pinned limits (crun
 * fails on setrlimit and hybrid cgroups), and builds in docker format, the
 * only one that keeps HEALTHCHECK.
 */
import { execFileSync } from 'node:child_process';

export interface Engine {
  command: 'docker' | 'podman';
  /** Flags `build` needs on this engine. */
  buildFlags: string[];
  /** Flags `run` needs on this engine. */
  runFlags: string[];
}

function works(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

export function findEngine(): Engine | null {
  if (works('docker', ['info'])) return { command: 'docker', buildFlags: [], runFlags: [] };
  if (works('podman', ['--version'])) {
    const runc = works('runc', ['--version']) ? ['--runtime', 'runc'] : [];
    return {
      command: 'podman',
      buildFlags: ['--pull=never', '--network', 'host', '--format', 'docker', ...runc],
      runFlags: [...runc, '--ulimit', 'nofile=20000:20000', '--ulimit', 'nproc=32768:32768'],
    };
  }
  return null;
}

export function hasImage(engine: Engine, image: string): boolean {
  return works(engine.command, ['image', 'inspect', image]);
}
