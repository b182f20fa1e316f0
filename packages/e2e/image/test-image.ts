/**
 * `pnpm test:image [app]`: builds an app's image from deploy/Dockerfile, runs
 * it with env alone and checks what a platform relies on: `/api/health`, a
 * page the app composes with its own API and other apps' parts, HEALTHCHECK
 * kept in the image, and a process that is not root. Without a container
 * engine it says so and exits 0 ("skipped").
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { registry, repoRoot, routes } from '../src/apps';
import { makeBaseImage } from './base-image';
import { findEngine, hasImage, type Engine } from './engine';

const app = registry.find((candidate) => candidate.name === (process.argv[2] ?? 'shop'));
if (!app) {
  console.error(`test:image: no app "${process.argv[2]}"; apps: ${registry.map((candidate) => candidate.name).join(', ')}.`);
  process.exit(1);
}
// Not the registry port: the app must reach its own API where it really listens.
const PORT = 3902;
const TAG = `nextjs-mf-template/${app.name}:test`;
const dockerfile = path.join(repoRoot, 'deploy/Dockerfile');

const log = (line: string) => console.log(`[test:image] ${line}`);

function engineRun(engine: Engine, args: string[], inherit = false): string {
  return execFileSync(engine.command, args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', inherit ? 'inherit' : 'pipe', 'inherit'], maxBuffer: 64 << 20 }) ?? '';
}

function baseImage(): string {
  const version = /^ARG NODE_VERSION=(\S+)/m.exec(readFileSync(dockerfile, 'utf8'))?.[1];
  if (!version) throw new Error('deploy/Dockerfile has no "ARG NODE_VERSION=<version>"');
  return `node:${version}-bookworm-slim`;
}

function ensureBaseImage(engine: Engine): void {
  const image = baseImage();
  const named = engine.command === 'podman' ? `docker.io/library/${image}` : image;
  if (hasImage(engine, named)) return;
  const pulled = spawnSync(engine.command, ['pull', named], { stdio: 'ignore', timeout: 120_000 }).status === 0;
  if (!pulled) makeBaseImage(engine, named, log);
}

async function waitForHealth(deadline: number): Promise<{ app?: string }> {
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${PORT}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return (await response.json()) as { app?: string };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no healthy answer on port ${PORT} within 90 s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`failed: ${what}`);
  log(`ok: ${what}`);
}

async function main(): Promise<void> {
  const engine = findEngine();
  if (!engine) {
    console.log('test:image skipped: no container engine (docker or podman) on this machine.');
    return;
  }
  const started = Date.now();
  ensureBaseImage(engine);
  log(`building ${TAG} with ${engine.command} ...`);
  engineRun(engine, ['build', ...engine.buildFlags, '-f', dockerfile, '--build-arg', `APP=${app!.name}`, '-t', TAG, '.'], true);
  log(`built in ${Math.round((Date.now() - started) / 1000)} s`);
  const healthcheck = engineRun(engine, ['image', 'inspect', '--format', '{{json .Config.Healthcheck}}', TAG]).trim();
  check(healthcheck !== 'null' && healthcheck.includes('/api/health'), 'the image keeps its HEALTHCHECK');

  const name = `template-test-${app!.name}-${process.pid}`;
  const id = engineRun(engine, [
    'run', '-d', '--rm', '--network', 'host', ...engine.runFlags, '--name', name,
    '-e', `PORT=${PORT}`, '-e', `FEDERATION_SSR_SECRET=${randomBytes(24).toString('hex')}`,
    TAG,
  ]).trim();
  try {
    const health = await waitForHealth(Date.now() + 90_000);
    check(health.app === app!.name, `/api/health answers 200 for ${app!.name}`);
    // A page the app owns, with its data: the app reaches its own API where it really listens (PORT).
    const own = routes.find((route) => route.owner === app!.name);
    if (own) {
      const page = await fetch(`http://127.0.0.1:${PORT}${own.path}`);
      const html = await page.text();
      check(page.status === 200 && html.includes(`>${own.heading}</h1>`), `${own.path} renders "${own.heading}" (status ${page.status})`);
      if (own.path === '/shop') check((html.match(/data-testid="product-card"/g) ?? []).length === 4, '/shop lists its four products');
      // The other apps do not run here: their parts render as labelled fallbacks, and the page still answers.
      check(html.includes('data-remote-fallback='), `${own.path} renders the other apps' parts as fallbacks`);
    }
    const uid = engineRun(engine, ['exec', id, 'node', '-e', 'process.stdout.write(String(process.getuid()))']).trim();
    check(uid !== '' && uid !== '0', `the server runs as a non-root user (uid ${uid})`);
  } catch (error) {
    console.error(engineRun(engine, ['logs', id]).slice(-4_000));
    throw error;
  } finally {
    spawnSync(engine.command, ['stop', '-t', '5', id], { stdio: 'ignore' });
  }
  log(`passed in ${Math.round((Date.now() - started) / 1000)} s`);
}

main().catch((error: unknown) => {
  console.error(`test:image: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
