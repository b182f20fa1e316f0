/** The version /api/health reports: Next's build id (`development` in dev). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { productionDistDir } from '../dist-dir';
import type { Mode } from './worker';

export function buildVersion(appDir: string, mode: Mode, env: NodeJS.ProcessEnv): string {
  if (mode === 'dev') return 'development';
  const distDir = productionDistDir(env);
  const buildIdFile = path.join(appDir, distDir, 'BUILD_ID');
  if (!existsSync(buildIdFile)) {
    throw new Error(`no production build in apps/${path.basename(appDir)}/${distDir}: run \`pnpm build\` first.`);
  }
  return readFileSync(buildIdFile, 'utf8').trim();
}
