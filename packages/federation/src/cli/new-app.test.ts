/**
 * `federation new-app` is all or nothing, install included: run as a real
 * process in a temporary copy of a minimal repo, with a fake `pnpm` first on
 * PATH that half-does an install (rewrites the lockfile, writes into the new
 * app's node_modules) and then fails or is interrupted. The real repo is only
 * read.
 */
import { spawn } from 'node:child_process';
import {
  chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const realRepo = path.resolve(__dirname, '../../../..');
const bin = path.resolve(__dirname, '../../bin/federation.cjs');
const LOCKFILE = "lockfileVersion: '9.0'\n\nimporters:\n  apps/home: {}\n";
const WORKSPACE = 'packages: [apps/*]\n';

/** What a half-done install leaves, before the fake pnpm fails in its own way. */
const HALF_INSTALL = `echo "  apps/gift-cards: {}" >> pnpm-lock.yaml
echo "allowBuilds: {}" >> pnpm-workspace.yaml
mkdir -p apps/gift-cards/node_modules && echo x > apps/gift-cards/node_modules/x
`;

let repo: string;
let fakeBin: string;

beforeEach(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'new-app-repo-'));
  fakeBin = mkdtempSync(path.join(tmpdir(), 'new-app-bin-'));
  writeFileSync(path.join(repo, 'pnpm-workspace.yaml'), WORKSPACE);
  writeFileSync(path.join(repo, 'package.json'), '{ "name": "root", "private": true }\n');
  writeFileSync(path.join(repo, 'pnpm-lock.yaml'), LOCKFILE);
  for (const name of ['home', 'shop', 'checkout']) {
    mkdirSync(path.join(repo, 'apps', name), { recursive: true });
    cpSync(path.join(realRepo, 'apps', name, 'package.json'), path.join(repo, 'apps', name, 'package.json'));
  }
  cpSync(path.join(realRepo, 'deploy', 'k8s'), path.join(repo, 'deploy', 'k8s'), { recursive: true });
});

afterEach(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(fakeBin, { recursive: true, force: true });
});

function fakePnpm(script: string): void {
  const file = path.join(fakeBin, 'pnpm');
  writeFileSync(file, `#!/bin/sh\necho "$@" > "${fakeBin}/args"\n${script}`);
  chmodSync(file, 0o755);
}

/** Every path in the temp repo with its content, so any change shows up. */
function tree(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(repo, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(repo, full)] = entry.isFile() ? readFileSync(full, 'base64') : '(dir)';
  }
  return files;
}

/** Runs `federation new-app gift-cards`; `during` gets the child once the fake install has half-run. */
async function newApp(
  during?: (child: ReturnType<typeof spawn>) => void,
  PATH = `${fakeBin}${path.delimiter}${process.env.PATH}`,
) {
  const child = spawn(process.execPath, [bin, 'new-app', 'gift-cards'], {
    cwd: repo,
    env: { PATH, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  if (during) {
    while (!existsSync(path.join(repo, 'apps', 'gift-cards', 'node_modules', 'x'))) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    during(child);
  }
  return { status: await closed, stdout, stderr: stderr.trim().split('\n') };
}

describe('federation new-app rolls back when the install does not complete', () => {
  async function expectNothingChanged(run: () => ReturnType<typeof newApp>, message: RegExp) {
    const before = tree();
    const { status, stderr } = await run();
    expect(status).not.toBe(0);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(message);
    expect(stderr[0]).toMatch(/nothing was changed; fix the cause and run pnpm new-app gift-cards again\.$/);
    expect(existsSync(path.join(repo, 'apps', 'gift-cards'))).toBe(false);
    expect(readdirSync(path.join(repo, 'apps')).sort()).toEqual(['checkout', 'home', 'shop']);
    expect(readFileSync(path.join(repo, 'pnpm-lock.yaml'), 'utf8')).toBe(LOCKFILE);
    expect(tree()).toEqual(before);
  }

  it('install exits non-zero', async () => {
    fakePnpm(`${HALF_INSTALL}exit 1\n`);
    await expectNothingChanged(() => newApp(), /^federation: pnpm install failed \(exit 1\): /);
  }, 30_000);

  it('Ctrl-C during the install (SIGINT to the command and to pnpm)', async () => {
    fakePnpm(`${HALF_INSTALL}kill -INT $PPID $$\nexec sleep 20\n`);
    await expectNothingChanged(() => newApp(), /^federation: pnpm install was interrupted \(SIGINT\): /);
  }, 30_000);

  it('SIGTERM to the command during the install', async () => {
    fakePnpm(`${HALF_INSTALL}exec sleep 20\n`);
    await expectNothingChanged(
      () => newApp((child) => child.kill('SIGTERM')),
      /^federation: pnpm install was interrupted \(SIGTERM\): /,
    );
  }, 30_000);

  it('pnpm cannot be found', async () => {
    await expectNothingChanged(
      () => newApp(undefined, fakeBin), // no fake pnpm written, and no other folder on PATH
      /^federation: pnpm install could not be run \(spawn pnpm ENOENT\): /,
    );
  }, 30_000);
});

describe('federation new-app with a working install', () => {
  it('creates the app and runs pnpm install', async () => {
    fakePnpm('exit 0\n');
    const { status, stdout } = await newApp();
    expect(status).toBe(0);
    expect(stdout).toContain('Created apps/gift-cards');
    const pkg = JSON.parse(readFileSync(path.join(repo, 'apps', 'gift-cards', 'package.json'), 'utf8'));
    expect(pkg.name).toBe('gift-cards');
    const args = readFileSync(path.join(fakeBin, 'args'), 'utf8').trim();
    expect(args).toBe('install --prefer-offline --no-frozen-lockfile');
    expect(readdirSync(path.join(repo, 'apps')).sort()).toEqual(['checkout', 'gift-cards', 'home', 'shop']);
  }, 30_000);

  it('adds the app to deploy/k8s: its manifest, and its origin beside the others in the shared config', async () => {
    fakePnpm('exit 0\n');
    const sharedBefore = readFileSync(path.join(repo, 'deploy/k8s/shared.yaml'), 'utf8');
    const { status, stdout } = await newApp();
    expect(status).toBe(0);
    expect(stdout).toContain('Added deploy/k8s/gift-cards.yaml and GIFT_CARDS_ORIGIN in deploy/k8s/shared.yaml');
    const manifest = readFileSync(path.join(repo, 'deploy/k8s/gift-cards.yaml'), 'utf8');
    expect(manifest).toBe(readFileSync(path.join(realRepo, 'deploy/k8s/shop.yaml'), 'utf8').replaceAll('shop', 'gift-cards'));
    const shared = readFileSync(path.join(repo, 'deploy/k8s/shared.yaml'), 'utf8');
    expect(shared).toBe(
      sharedBefore.replace(/(CHECKOUT_ORIGIN: .*\n)/, '$1  GIFT_CARDS_ORIGIN: https://gift-cards.example.com\n'),
    );
  }, 30_000);

  it('writes nothing when the shared config has no origins to add to', async () => {
    fakePnpm('exit 0\n');
    const shared = path.join(repo, 'deploy/k8s/shared.yaml');
    writeFileSync(shared, readFileSync(shared, 'utf8').replace(/^\s+\w+_ORIGIN:.*\n/gm, ''));
    const before = tree();
    const { status, stderr } = await newApp();
    expect(status).not.toBe(0);
    expect(stderr.join('\n')).toMatch(/deploy\/k8s\/shared\.yaml lists no \*_ORIGIN/);
    expect(tree()).toEqual(before);
  }, 30_000);
});
