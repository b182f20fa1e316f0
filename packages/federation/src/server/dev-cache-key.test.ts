import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEV_DIST_DIR } from '../dist-dir';
import { devCacheKeyEnv, KEY_ENV } from './dev-cache-key';

const folders: string[] = [];
const appFolder = () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'dev-cache-key-'));
  folders.push(folder);
  return folder;
};
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

describe('dev cache key', () => {
  it('draws a key once and gives the same one to every later dev run of the app', () => {
    const app = appFolder();
    const first = devCacheKeyEnv(app, {})[KEY_ENV];
    expect(first).toMatch(/^[A-Za-z0-9+/]{43}=$/); // 32 random bytes, as Next draws them
    expect(devCacheKeyEnv(app, {})[KEY_ENV]).toBe(first);
    const file = path.join(app, DEV_DIST_DIR, 'server-actions-key');
    expect(readFileSync(file, 'utf8')).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(devCacheKeyEnv(appFolder(), {})[KEY_ENV]).not.toBe(first); // each app folder its own
  });

  it("leaves a developer's own key alone", () => {
    expect(devCacheKeyEnv(appFolder(), { [KEY_ENV]: 'mine' })).toEqual({});
  });
});
