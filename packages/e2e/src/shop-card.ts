/**
 * Tests and benchmarks that play "a remote changed" edit shop's product card:
 * a marker text in front of the summary, easy to find in any host's HTML.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { appDir } from './servers';

const cardFile = path.join(appDir('shop'), 'components', 'product-card.tsx');
const original = readFileSync(cardFile, 'utf8');

export function markShopCard(marker: string): void {
  writeFileSync(cardFile, original.replace('<p className={styles.summary}>', `<p className={styles.summary}>${marker} `));
}

export function restoreShopCard(): void {
  writeFileSync(cardFile, original);
}
