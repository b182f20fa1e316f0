/**
 * Tests and benchmarks that play "a remote changed" edit shop's product card:
 * a marker text in front of the summary, easy to find in any host's HTML.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { appDir } from './servers';

const cardFile = path.join(appDir('shop'), 'components', 'product-card.tsx');
const SUMMARY = '<p className={styles.summary}>';
const original = readFileSync(cardFile, 'utf8');
// A run stopped between mark and restore leaves its marker: taking that file as the original would keep it for good.
if (!original.includes(`${SUMMARY}{`)) {
  throw new Error(`${path.relative(process.cwd(), cardFile)} still holds a test's marker after ${SUMMARY} (an interrupted run): restore it with git checkout.`);
}

export function markShopCard(marker: string): void {
  writeFileSync(cardFile, original.replace(SUMMARY, `${SUMMARY}${marker} `));
}

export function restoreShopCard(): void {
  writeFileSync(cardFile, original);
}
