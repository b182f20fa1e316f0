/**
 * The start command refuses bad configuration before it listens: exit code 1
 * and one line naming the variable or app and what to do.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '../../..');
const bin = path.resolve(__dirname, '../bin/federation.cjs');

function startIn(cwd: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, [bin, 'start'], {
    cwd,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: result.status, lines: result.stderr.trim().split('\n') };
}

/** A port nothing listens on: a start that wrongly got past its checks would not take an app's own port. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const homeDir = path.join(repoRoot, 'apps', 'home');

describe('federation start refuses bad configuration', () => {
  it.each([
    [{ SHOP_ORIGIN: 'shop internal' }, /^federation: SHOP_ORIGIN="shop internal" is not a URL/],
    [{ SHOP_ORIGIN: 'shop.internal:3002' }, /^federation: SHOP_ORIGIN="shop.internal:3002" must use http or https/],
    [{ CHECKOUT_ORIGIN: 'ftp://checkout.test' }, /^federation: CHECKOUT_ORIGIN=.* must use http or https/],
    [{ PORT: 'eighty' }, /^federation: PORT="eighty" is not a port number/],
    [{ FEDERATION_SSR_SECRET_REQUIRED: 'true' }, /^federation: FEDERATION_SSR_SECRET is not set but FEDERATION_SSR_SECRET_REQUIRED is/],
    [{ FEDERATION_SSR_SECRET: 'short' }, /^federation: FEDERATION_SSR_SECRET is too short/],
    [{ FEDERATION_REMOTE_TIMEOUT_MS: 'soon' }, /^federation: FEDERATION_REMOTE_TIMEOUT_MS="soon" is not a positive number/],
  ])('%o', async (env, message) => {
    const { status, lines } = startIn(homeDir, { PORT: String(await freePort()), ...env });
    expect(status).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });

  it('a port that is in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const { status, lines } = startIn(homeDir, { PORT: String(port) });
      expect(status).toBe(1);
      expect(lines).toEqual([
        `federation: port ${port} for app "home" is already in use: stop what listens there or set PORT to a free port.`,
      ]);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  describe('a registry conflict', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'registry-conflict-'));
    afterAll(() => rmSync(copy, { recursive: true, force: true }));

    it('names both apps and the field', () => {
      writeFileSync(path.join(copy, 'pnpm-workspace.yaml'), 'packages: [apps/*]\n');
      for (const name of ['home', 'shop']) {
        cpSync(path.join(repoRoot, 'apps', name, 'package.json'), path.join(copy, 'apps', name, 'package.json'), { recursive: true });
      }
      const shopPkg = path.join(copy, 'apps', 'shop', 'package.json');
      const pkg = JSON.parse(readFileSync(shopPkg, 'utf8'));
      pkg.federation.routes.push('/');
      writeFileSync(shopPkg, JSON.stringify(pkg));
      const { status, lines } = startIn(path.join(copy, 'apps', 'shop'), {});
      expect(status).toBe(1);
      expect(lines).toEqual([
        'federation: Federation registry: route "/" is owned by both "home" and "shop" in "federation.routes": keep it in one app.',
      ]);
    });
  });
});
