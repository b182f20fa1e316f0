import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { requestChunksPreload } from './request-chunks';

/** A server whose handler records its own id, waits, then reads the set as flushChunks does. */
const server = `
const http = require('node:http');
const { usedChunks } = globalThis;
const srv = http.createServer(async (req, res) => {
  const id = req.url.slice(1);
  usedChunks.add(id);
  await new Promise((r) => setTimeout(r, 50 + Math.random() * 50));
  usedChunks.add(id + '.css');
  const seen = [...usedChunks];
  usedChunks.clear();
  res.end(JSON.stringify(seen));
});
srv.listen(0, '127.0.0.1', () => process.stdout.write(String(srv.address().port) + '\\n'));
`;

describe('per-request usedChunks', () => {
  it('gives each of many concurrent requests only what its own render recorded', async () => {
    const child = spawn(process.execPath, ['--import', requestChunksPreload, '-e', server], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const port = await new Promise<number>((resolve) => child.stdout.once('data', (data: Buffer) => resolve(Number(String(data).trim()))));
      const ids = Array.from({ length: 20 }, (_, index) => `page-${index}`);
      const seen = await Promise.all(ids.map(async (id) => (await fetch(`http://127.0.0.1:${port}/${id}`)).json()));
      expect(seen).toEqual(ids.map((id) => [id, `${id}.css`]));
    } finally {
      child.kill();
    }
  });
});
