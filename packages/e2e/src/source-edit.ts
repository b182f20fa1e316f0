/**
 * Edits of an app's source file that a benchmark makes and reverts: each puts
 * a marker (text, or a colour) in place of one known snippet.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { appDir } from './servers';

export interface SourceEdit {
  apply: (marker: string) => void;
  revert: () => void;
}

export function sourceEdit(app: string, file: string, snippet: string, replacement: (marker: string) => string): SourceEdit {
  const fullPath = path.join(appDir(app), file);
  const original = readFileSync(fullPath, 'utf8');
  // Exactly once: a snippet that also sits in, say, a meta description would put the marker where no tab shows it.
  const count = original.split(snippet).length - 1;
  if (count !== 1) throw new Error(`${app}/${file} contains ${JSON.stringify(snippet)} ${count} times, not once: update the benchmark.`);
  return {
    apply: (marker) => writeFileSync(fullPath, original.replace(snippet, replacement(marker))),
    revert: () => writeFileSync(fullPath, original),
  };
}
