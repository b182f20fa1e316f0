/**
 * Resident memory of a process group, from /proc: a worker runs in a group of
 * its own (`next dev` serves from a child process), so its group is all of it.
 * null where /proc does not exist (not Linux): callers then skip the check.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const PAGE_BYTES = 4096;

export function groupRssMiB(groupId: number): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  let pages = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command (which may hold spaces): state ppid pgrp ... rss is the 24th field overall.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === groupId) pages += Number(fields[21]);
    } catch {
      // exited while we looked
    }
  }
  return Math.round((pages * PAGE_BYTES) / (1024 * 1024));
}
