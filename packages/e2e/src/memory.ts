import { readdirSync, readFileSync } from 'node:fs';

interface ProcessInfo {
  parent: number;
  rssKiB: number;
  command: string[];
}

function processTable(): Map<number, ProcessInfo> {
  const table = new Map<number, ProcessInfo>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      table.set(pid, {
        parent: Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0),
        rssKiB: Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0),
        command: readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean),
      });
    } catch {
      // exited while we looked
    }
  }
  return table;
}

/** A process and all its descendants, from /proc. */
function processTree(rootPid: number): ProcessInfo[] {
  const table = processTable();
  const tree: ProcessInfo[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    const info = table.get(pid);
    if (info) tree.push(info);
    for (const [child, { parent }] of table) if (parent === pid) queue.push(child);
  }
  return tree;
}

/** Resident memory (MiB) of a process and all its descendants (those `include` accepts), from /proc. */
export function treeRssMiB(rootPid: number, include: (command: string[]) => boolean = () => true): number {
  const total = processTree(rootPid)
    .filter((info) => include(info.command))
    .reduce((sum, info) => sum + info.rssKiB, 0);
  return Math.round(total / 1024);
}

/** Next servers under a process: more than one while a supervisor's previous worker still drains. */
export function nextServerCount(rootPid: number): number {
  return processTree(rootPid).filter((info) => info.command[0]?.startsWith('next-server')).length;
}

/** Not the server: the `pnpm --filter <app> start` launcher and the shells between it and the app. */
const isLauncher = (command: string[]) =>
  command.some((arg) => /(^|\/)pnpm(\.c?js)?$/.test(arg)) || /(^|\/)(ba|da)?sh$/.test(command[0] ?? '');

/** Resident memory (MiB) of a server's own processes (supervisor + workers, or `next start`), without its launcher. */
export function serverRssMiB(rootPid: number): number {
  return treeRssMiB(rootPid, (command) => !isLauncher(command));
}
