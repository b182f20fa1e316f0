import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Two copies of next (pnpm makes one per distinct set of peers) means two
// router contexts: remote pages then crash with "NextRouter was not mounted".
// It happens silently when one workspace package depends on next plus an
// optional peer of next's tree (esbuild, for one) that the apps do not have.
describe('the workspace', () => {
  it('resolves exactly one copy of next', () => {
    const lockfile = readFileSync(path.resolve(__dirname, '../../../pnpm-lock.yaml'), 'utf8');
    const snapshots = lockfile.split(/^snapshots:$/m)[1] ?? '';
    const copies = snapshots.match(/^ {2}next@\S+:$/gm) ?? [];
    expect(copies).toHaveLength(1);
  });
});
