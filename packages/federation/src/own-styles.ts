/**
 * An app renders its own exposed modules through their federated name
 * (`import('shop/product-card')`) or a shell module's (`import('@repo/federation/nav')`
 * in the shell, home's own nav in home), which next-config resolves to the local file: a lazy chunk whose CSS Next leaves out of the
 * server HTML (it adds only next/dynamic's). The styles then arrived after
 * hydration and every page of the owner jumped (CLS 0.3-0.6 on home).
 * _document links them instead, from Next's own record of lazy imports.
 * Production only: dev injects CSS with the JS.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { productionDistDir } from './dist-dir';
import { SHELL_MODULES } from './shell-modules';

const LAZY_IMPORTS_MANIFEST = 'react-loadable-manifest.json';

let styles: string[] | undefined;

/** `/_next/static/css/….css` of every module `self` exposes and imports itself. */
export function ownExposeStyles(self: string): string[] {
  if (process.env.NODE_ENV !== 'production') return [];
  styles ??= readOwnExposeStyles(self, path.join(process.cwd(), productionDistDir(process.env), LAZY_IMPORTS_MANIFEST));
  return styles;
}

/** The manifest maps `<importing file> -> <request>` to the files that import loads. */
export function readOwnExposeStyles(self: string, manifestPath: string): string[] {
  let manifest: Record<string, { files?: string[] }>;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch {
    return []; // No record (an unusual build layout): the styles load with the code, as before.
  }
  const files = Object.entries(manifest)
    .filter(([key]) => {
      const request = key.split(' -> ')[1] ?? '';
      // A shell module is a remote in every app but its provider, where it has files of its own.
      return request.startsWith(`${self}/`) || request in SHELL_MODULES;
    })
    .flatMap(([, entry]) => entry.files ?? [])
    .filter((file) => file.endsWith('.css'));
  return [...new Set(files)].map((file) => `/_next/${file}`);
}
