import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { groupRssMiB } from './group-memory';

describe('groupRssMiB', () => {
  it("counts every process of a group: a node process holding 64 MiB and its child", async () => {
    // The parent allocates and touches 64 MiB, then starts a child node in its group.
    const script = `const b = Buffer.alloc(64 << 20, 1); require('node:child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' }); process.stdout.write('ready\\n'); setTimeout(() => b.length, 30000);`;
    const group = spawn(process.execPath, ['-e', script], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      await new Promise((resolve) => group.stdout.once('data', resolve));
      // The child node is still starting when the parent says ready: read until it counts (bounded).
      let mib = groupRssMiB(group.pid as number);
      for (const deadline = Date.now() + 10_000; (mib ?? 0) <= 64 + 40 && Date.now() < deadline; mib = groupRssMiB(group.pid as number)) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // Two node processes (~40 MiB each at least) plus the 64 MiB buffer.
      expect(mib).toBeGreaterThan(64 + 40);
      expect(mib).toBeLessThan(1024);
    } finally {
      process.kill(-(group.pid as number), 'SIGKILL');
    }
  });

  it('is 0 for a group with no process', () => {
    expect(groupRssMiB(2 ** 22 + 12_345)).toBe(0);
  });
});
