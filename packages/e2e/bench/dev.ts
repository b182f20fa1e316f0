/**
 * Benchmark of the dev loop (prints figures, asserts nothing):
 *
 *   pnpm bench:dev          (EDITS=5 edits of each kind, MEMORY_EDITS=50 by default)
 *
 * Starts every app's dev server at once (what `pnpm dev` runs, one process per
 * app so one can be stopped), on ports of its own, then measures:
 * - cold start: until every app serves `/` with all its remote parts;
 * - what the terminal shows meanwhile (lines printed);
 * - edits to shop's exposed component, shop's /shop page and the component's CSS module,
 *   each made and reverted: time until each open Chromium tab shows it, whether the tab
 *   reloaded in full (a window marker is lost; the tab's Fast Refresh/HMR console lines are printed
 *   then), and time until each host's server HTML shows it;
 * - shop stopped and started again: time until hosts render the fallback, then shop again;
 * - the host's memory (home: proxy + workers) before and after MEMORY_EDITS edits;
 * - a restart of every app with the webpack caches the first run wrote.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { DEV_DIST_DIR } from '@repo/federation/dist-dir';
import { chromiumLaunchOptions } from '../src/chromium';
import { treeRssMiB } from '../src/memory';
import { markWindow, stillSameWindow } from '../src/no-reload';
import { appDir, originsEnv, startApp, type RunningApp } from '../src/servers';
import { sourceEdit, type SourceEdit } from '../src/source-edit';

const EDITS = Number(process.env.EDITS ?? 5);
const MEMORY_EDITS = Number(process.env.MEMORY_EDITS ?? 50);
const WAIT_MS = 120_000;
const ports = { checkout: 4200, home: 4201, shop: 4202 };
const url = (name: keyof typeof ports, route = '/') => `http://localhost:${ports[name]}${route}`;
const env = originsEnv(ports);
const running = new Map<string, RunningApp>();
const edits: SourceEdit[] = [];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function html(target: string): Promise<string> {
  try {
    return await (await fetch(target, { signal: AbortSignal.timeout(30_000) })).text();
  } catch {
    return '';
  }
}

/** ms until `check` holds, or null when it never did within WAIT_MS. */
async function timeUntil(from: number, check: () => Promise<boolean>): Promise<number | null> {
  while (Date.now() - from < WAIT_MS) {
    if (await check().catch(() => false)) return Date.now() - from;
    await sleep(100);
  }
  return null;
}

const fullyComposed = (body: string) =>
  body.includes('aria-label="Cart, 0 items"') && !body.includes('data-remote-fallback') && body.includes('<nav');

async function everyAppComposed(): Promise<boolean> {
  const pages = await Promise.all((Object.keys(ports) as (keyof typeof ports)[]).map((name) => html(url(name))));
  return pages.every((body) => fullyComposed(body) && body.includes('data-testid="product-card"'));
}

interface Tab {
  name: string;
  page: Page;
}

interface EditKind {
  name: string;
  edit: SourceEdit;
  marker: (i: number) => string;
  tabs: string[];
  /** What a tab shows once the edit arrived. */
  arrived: (page: Page, marker: string) => Promise<boolean>;
  servers: string[];
}

const figures: Record<string, number[]> = {};
const reloads: Record<string, number> = {};
/** Each tab's last console lines: why Next reloaded a tab in full is only said there. */
const consoleTails = new Map<Page, string[]>();
const HMR_LINE = /fast refresh|hmr|reload/i;
const note = (key: string, value: number | null) => {
  (figures[key] ??= []).push(value ?? Number.NaN);
};

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const missed = sorted.filter(Number.isNaN).length;
  const seen = sorted.filter((value) => !Number.isNaN(value));
  if (seen.length === 0) return `never (within ${WAIT_MS} ms)`;
  const median = seen[Math.floor(seen.length / 2)];
  return `${seen[0]} / ${median} / ${seen[seen.length - 1]} ms${missed ? ` (${missed} never)` : ''}`;
};

/** Marks a tab's window, waiting out a reload in progress. */
async function mark(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    try {
      await page.waitForLoadState('load');
      await markWindow(page);
      return;
    } catch {
      await sleep(250);
    }
  }
}

async function playEdits(kind: EditKind, tabs: Tab[]): Promise<void> {
  for (let i = 0; i < EDITS; i += 1) {
    const marker = kind.marker(i);
    const open = tabs.filter((tab) => kind.tabs.includes(tab.name));
    for (const tab of open) await mark(tab.page);
    const from = Date.now();
    kind.edit.apply(marker);
    await Promise.all([
      ...open.map(async (tab) => {
        note(`${kind.name} | tab ${tab.name}`, await timeUntil(from, () => kind.arrived(tab.page, marker)));
        await sleep(2_000); // a reload would come right after the update
        if (!(await stillSameWindow(tab.page).catch(() => false))) {
          reloads[`${kind.name} | tab ${tab.name}`] = (reloads[`${kind.name} | tab ${tab.name}`] ?? 0) + 1;
          const said = (consoleTails.get(tab.page) ?? []).filter((line) => HMR_LINE.test(line));
          console.log(`full reload: tab ${tab.name}, ${kind.name} edit ${i + 1}; its console said: ${said.join(' | ') || 'nothing about it'}`);
        }
      }),
      ...kind.servers.map(async (target) => {
        note(`${kind.name} | server HTML ${target.replace(/^http:\/\/localhost:/, ':')}`, await timeUntil(from, async () => (await html(target)).includes(marker)));
      }),
    ]);
    kind.edit.revert();
    // Let the revert arrive everywhere before the next edit.
    await timeUntil(Date.now(), async () => fullyComposed(await html(url('home'))) && !(await html(url('home', '/shop'))).includes(marker));
  }
}

async function main(): Promise<void> {
  // A clean tree, as after a fresh clone: no dev build, no webpack cache.
  for (const name of Object.keys(ports)) rmSync(path.join(appDir(name), DEV_DIST_DIR), { recursive: true, force: true });
  const startedAt = Date.now();
  for (const name of Object.keys(ports) as (keyof typeof ports)[]) {
    running.set(name, startApp(name, { mode: 'dev', port: ports[name], env }));
  }
  const coldStart = await timeUntil(startedAt, everyAppComposed);
  const lines = [...running.values()].reduce((sum, app) => sum + app.output().split('\n').filter((line) => line.trim()).length, 0);
  console.log(`cold start (3 apps at once until every app serves / with every remote part): ${coldStart ?? 'never'} ms`);
  console.log(`terminal lines printed meanwhile: ${lines}`);

  const browser = await chromium.launch(chromiumLaunchOptions);
  const tabs: Tab[] = [];
  for (const [name, target] of [
    ['shop /shop (owner)', url('shop', '/shop')],
    ['home /', url('home')],
    ['home /shop', url('home', '/shop')],
    ['checkout /shop', url('checkout', '/shop')],
  ] as const) {
    const page = await browser.newPage();
    page.on('console', (message) => consoleTails.set(page, [...(consoleTails.get(page) ?? []), message.text()].slice(-30)));
    await page.goto(target);
    await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached', timeout: WAIT_MS });
    tabs.push({ name, page });
  }
  const textArrived = (page: Page, marker: string) => page.evaluate((text) => document.body.innerText.includes(text), marker);
  const kinds: EditKind[] = [
    {
      name: 'exposed component (shop/product-card)',
      edit: sourceEdit('shop', 'components/product-card.tsx', '<p className={styles.summary}>', (marker) => `<p className={styles.summary}>${marker} `),
      marker: (i) => `card-edit-${i}-${Date.now().toString(36)}`,
      tabs: ['shop /shop (owner)', 'home /', 'home /shop', 'checkout /shop'],
      arrived: textArrived,
      servers: [url('home'), url('checkout', '/shop')],
    },
    {
      name: 'owner page (shop /shop)',
      edit: sourceEdit('shop', 'pages/shop.tsx', '<p>Everything we sell', (marker) => `<p>${marker} Everything we sell`),
      marker: (i) => `page-edit-${i}-${Date.now().toString(36)}`,
      tabs: ['shop /shop (owner)', 'home /shop', 'checkout /shop'],
      arrived: textArrived,
      servers: [url('home', '/shop'), url('checkout', '/shop')],
    },
    {
      name: 'CSS module (product-card.module.css)',
      edit: sourceEdit('shop', 'components/product-card.module.css', 'background: #ffffff;', (marker) => `background: ${marker};`),
      marker: (i) => `rgb(255, 250, ${200 + i})`,
      tabs: ['shop /shop (owner)', 'home /', 'home /shop', 'checkout /shop'],
      arrived: (page, marker) =>
        page.evaluate(
          (colour) => getComputedStyle(document.querySelector('[data-testid="product-card"]') as Element).backgroundColor === colour,
          marker,
        ),
      servers: [],
    },
  ];
  edits.push(...kinds.map((kind) => kind.edit));
  for (const kind of kinds) await playEdits(kind, tabs);

  console.log(`\nedits (${EDITS} of each kind): min / median / max, and full reloads of the tab`);
  console.log('| edit | where | min / median / max | full reloads |\n|---|---|---|---|');
  for (const [key, values] of Object.entries(figures)) {
    const [edit, where] = key.split(' | ');
    console.log(`| ${edit} | ${where} | ${stats(values)} | ${where?.startsWith('tab') ? `${reloads[key] ?? 0} of ${values.length}` : '-'} |`);
  }
  await browser.close();

  const home = running.get('home') as RunningApp;
  const shop = running.get('shop') as RunningApp;
  await shop.stop();
  const stoppedAt = Date.now();
  const fallbackIn = await timeUntil(stoppedAt, async () => (await html(url('home'))).includes('The shop is unavailable right now'));
  running.set('shop', startApp('shop', { mode: 'dev', port: ports.shop, env }));
  const restartedAt = Date.now();
  const backIn = await timeUntil(restartedAt, async () => {
    const body = await html(url('home'));
    return fullyComposed(body) && body.includes('data-testid="product-card"');
  });
  console.log(`\nshop stopped: home renders its fallback after ${fallbackIn ?? 'never'} ms; started again: home renders shop after ${backIn ?? 'never'} ms (home never restarted: pid ${home.pid})`);

  const rssBefore = treeRssMiB(home.pid as number);
  const card = kinds[0] as EditKind;
  for (let i = 0; i < MEMORY_EDITS; i += 1) {
    const marker = `memory-edit-${i}-${Date.now().toString(36)}`;
    card.edit.apply(marker);
    await timeUntil(Date.now(), async () => (await html(url('home'))).includes(marker));
  }
  card.edit.revert();
  await sleep(10_000);
  console.log(`home dev memory (proxy + workers): ${rssBefore} MiB before, ${treeRssMiB(home.pid as number)} MiB after ${MEMORY_EDITS} edits of shop's card`);

  // What a developer does every morning: a second `pnpm dev`, with the webpack caches the first one wrote.
  await Promise.all([...running.values()].map((app) => app.stop()));
  const restartedAllAt = Date.now();
  for (const name of Object.keys(ports) as (keyof typeof ports)[]) {
    running.set(name, startApp(name, { mode: 'dev', port: ports[name], env }));
  }
  console.log(`restart (3 apps at once, webpack caches kept) until every app serves / with every remote part: ${(await timeUntil(restartedAllAt, everyAppComposed)) ?? 'never'} ms`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const edit of edits) edit.revert(); // the tree as it was, whatever happened
    await Promise.all([...running.values()].map((app) => app.stop()));
  });
