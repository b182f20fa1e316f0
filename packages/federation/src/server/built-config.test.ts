import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILT_CONFIG_ENV, builtConfigEnv, MAX_CONFIG_BYTES } from './built-config';

const folders: string[] = [];
/** An app folder whose next.config.ts fails if anything loads it, with a build in `distDir`. */
function builtApp(distDir: string, serverFiles: string | undefined): string {
  const app = mkdtempSync(path.join(tmpdir(), 'built-config-'));
  folders.push(app);
  writeFileSync(path.join(app, 'next.config.ts'), "throw new Error('next.config.ts was loaded');\n");
  mkdirSync(path.join(app, distDir));
  if (serverFiles !== undefined) writeFileSync(path.join(app, distDir, 'required-server-files.json'), serverFiles);
  return app;
}
const serverFiles = (config: object) => JSON.stringify({ version: 1, config, files: [] });
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** Next's own config loading for `next start`, in a child process, with `env`: what it resolved, and whether typescript was loaded. */
function nextLoadsConfig(app: string, env: Record<string, string>): { distDir: string; marker: string; typescript: boolean } {
  const script = `
    const loadConfig = require(require.resolve('next/dist/server/config', { paths: [${JSON.stringify(__dirname)}] })).default;
    const { PHASE_PRODUCTION_SERVER } = require(require.resolve('next/constants', { paths: [${JSON.stringify(__dirname)}] }));
    loadConfig(PHASE_PRODUCTION_SERVER, process.cwd()).then((config) => console.log(JSON.stringify({
      distDir: config.distDir, marker: config.env.MARKER,
      typescript: Object.keys(require.cache).some((file) => file.includes('/node_modules/typescript/')),
    })));`;
  const out = execFileSync(process.execPath, ['-e', script], { cwd: app, env: { ...process.env, ...env }, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop() as string);
}

describe('built config', () => {
  it("hands Next the build's config, so next start never loads next.config.ts or typescript", () => {
    const app = builtApp('.next', serverFiles({ distDir: '.next', env: { MARKER: 'from the build' } }));
    expect(nextLoadsConfig(app, builtConfigEnv(app, {}))).toEqual({ distDir: '.next', marker: 'from the build', typescript: false });
  });

  it('reads the build in FEDERATION_DIST_DIR when one is set', () => {
    const app = builtApp('.next-b', serverFiles({ distDir: '.next-b', env: {} }));
    const env = builtConfigEnv(app, { FEDERATION_DIST_DIR: '.next-b' });
    expect(JSON.parse(env[BUILT_CONFIG_ENV] as string)).toEqual({ distDir: '.next-b', env: {} });
    expect(builtConfigEnv(app, {})).toEqual({}); // .next holds no build
  });

  it('leaves Next to load next.config.ts when the build wrote no config file', () => {
    expect(builtConfigEnv(builtApp('.next', undefined), {})).toEqual({});
  });

  it('leaves a config too large for one environment string to next.config.ts, and a worker still starts', () => {
    const app = builtApp('.next', serverFiles({ distDir: '.next', env: { BIG: 'x'.repeat(200_000) } }));
    expect(builtConfigEnv(app, {})).toEqual({});
    // What the bound guards against, on Linux (its limit per environment string): the same value handed over
    // anyway cannot start a process, while one at the bound can.
    if (process.platform !== 'linux') return;
    const value = JSON.stringify({ distDir: '.next', env: { BIG: 'x'.repeat(200_000) } });
    expect(Buffer.byteLength(value)).toBeGreaterThan(MAX_CONFIG_BYTES);
    expect(() => execFileSync(process.execPath, ['-e', ''], { env: { ...process.env, [BUILT_CONFIG_ENV]: value } })).toThrow(/E2BIG/);
    expect(() => execFileSync(process.execPath, ['-e', ''], { env: { ...process.env, [BUILT_CONFIG_ENV]: 'x'.repeat(MAX_CONFIG_BYTES) } })).not.toThrow();
  });

  it('refuses a half-written or foreign file, saying to rebuild', () => {
    expect(() => builtConfigEnv(builtApp('.next', '{"config": {"distDir"'), {})).toThrow(/required-server-files\.json is not JSON .*rebuild the app/);
    expect(() => builtConfigEnv(builtApp('.next', '{"version": 1}'), {})).toThrow(/has no config: rebuild the app/);
  });
});
