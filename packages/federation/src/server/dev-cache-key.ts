/**
 * Dev: keeps webpack's cache across `pnpm dev` runs everywhere. Next salts the
 * cache's version with its Server Actions key, which it stores in the build's
 * `cache` folder, except where it guesses it runs in a container (is-docker):
 * there each `next dev` draws a new key, webpack throws its whole cache away,
 * and every start compiles from nothing (dev containers, Codespaces, CI). The
 * apps have no Server Actions (Pages Router), so a key kept beside the dev
 * builds changes nothing else; shop alone restarts in 8.5 s instead of 15 s.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEV_DIST_DIR } from '../dist-dir';

export const KEY_ENV = 'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY';

/** The env a dev worker needs for a stable cache: the developer's own key if set, else the kept one. */
export function devCacheKeyEnv(appDir: string, env: Record<string, string | undefined>): Record<string, string> {
  if (env[KEY_ENV]) return {};
  const file = path.join(appDir, DEV_DIST_DIR, 'server-actions-key');
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept) return { [KEY_ENV]: kept };
  } catch {
    // first run (or the dev builds were deleted): make one
  }
  const key = randomBytes(32).toString('base64');
  mkdirSync(path.dirname(file), { recursive: true });
  // Written whole or not at all: two apps never share a folder, but a crash must not leave half a key.
  writeFileSync(`${file}.tmp`, key, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
  return { [KEY_ENV]: key };
}
