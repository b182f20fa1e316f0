/**
 * Cost benchmark (prints figures, asserts nothing): what federation costs each
 * route, on every app, against the "floor": the same pages built as ONE plain
 * Next app without Module Federation, generated from the apps' own files on
 * each run (src/floor.ts). Per route and server: first-visit script bytes and
 * requests, copies of the MF runtime, script bytes a repeat visit downloads
 * again, SSR throughput and latency, Chromium's FCP / CLS / hydration time,
 * a Lighthouse performance audit; per server: memory. Ratios against the
 * floor and against the route's owner app, the targets met or not (worst
 * pair of each); a JSON file of it all.
 *
 *   pnpm build && pnpm bench:cost [--rounds=8] [--duration=2] [--connections=10]
 *                                 [--browser-runs=3] [--lighthouse-runs=5] [--port=3310] [--reuse-floor]
 *
 * (or COST_ROUNDS, COST_DURATION, ... in the environment)
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { routeOwners } from '@repo/federation/routes';
import { registry, routes } from '../src/apps';
import { chromiumLaunchOptions } from '../src/chromium';
import { readCostOptions } from '../src/cost-options';
import { costTable, FLOOR, memoryTable, ratioTable, writeReport, type CostRow, type ServerMemory } from '../src/cost-report';
import { Fleet } from '../src/fleet';
import { checkTargets, targetsTable } from '../src/cost-targets';
import { buildFloor, floorDir, isFloorBuilt, startFloor, writeFloor } from '../src/floor';
import { LighthouseRunner, type LighthouseResult } from '../src/lighthouse';
import { lowerMedian, lowerMiddle } from '../src/median-interval';
import { nextServerCount, serverRssMiB } from '../src/memory';
import { measurePage, type PageCost } from '../src/page-cost';
import { appDir, originsEnv, waitFor, type RunningApp } from '../src/servers';
import { waitUntilSettled } from '../src/settled';
import { measureSsr } from '../src/ssr-load';

const options = readCostOptions();
const ports = Object.fromEntries(registry.map((app, index) => [app.name, options.port + index]));
const floorPort = options.port + registry.length;
const fleet = new Fleet(ports);
let floor: RunningApp | undefined;
const servers = [...registry.map((app) => app.name), FLOOR];
const serverUrl = (server: string) => (server === FLOOR ? `http://localhost:${floorPort}` : fleet.url(server));
const benchStart = Date.now();
const log = (line: string) => console.log(`[cost ${((Date.now() - benchStart) / 1000).toFixed(0).padStart(3)} s] ${line}`);

/** The demo's routes with the app that owns each (from the registry), every route of the registry covered. */
function routesToMeasure(): { path: string; heading: string; owner: string }[] {
  const measured = routes.map((route) => {
    const owner = routeOwners(registry)(route.path)?.app;
    if (!owner) throw new Error(`No app lists a route for ${route.path} in its federation.routes.`);
    return { path: route.path, heading: route.heading, owner };
  });
  for (const app of registry) {
    for (const route of app.routes) {
      if (!measured.some((m) => routeOwners([app])(m.path)?.route === route)) {
        log(`note: ${app.name}'s route ${route} has no sample path in packages/e2e/src/apps.ts: not measured`);
      }
    }
  }
  return measured;
}

const median = (values: number[]) => (values.length === 0 ? 0 : lowerMedian(values));
const medianOrNull = (values: (number | null)[]) => {
  const known = values.filter((value): value is number => value !== null);
  return known.length === 0 ? null : median(known);
};

/** Every URL answers 200 with its page's heading and no remote fallback, and has run once (remote code loaded). */
async function warmUp(targets: { url: string; heading: string }[]): Promise<void> {
  for (const { url, heading } of targets) {
    for (let i = 0; i < 3; i += 1) {
      const response = await fetch(url);
      const body = await response.text();
      if (response.status !== 200 || !body.includes(heading) || body.includes('data-remote-fallback')) {
        throw new Error(`${url} answered ${response.status} ${body.includes(heading) ? 'with a fallback' : `without "${heading}"`}`);
      }
    }
  }
}

/**
 * An app's supervisor swaps in a second worker at start (the first saw the other apps come up late)
 * and lets the first drain for up to FEDERATION_DRAIN_MS: idle memory is read once only one is left.
 */
async function startupWorkersGone(timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const app of registry) {
    const pid = fleet.get(app.name)?.pid;
    while (pid !== undefined && nextServerCount(pid) > 1) {
      if (Date.now() > deadline) throw new Error(`${app.name} still runs ${nextServerCount(pid)} Next servers after ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

function memoryOf(server: string): number {
  const pid = server === FLOOR ? floor?.pid : fleet.get(server)?.pid;
  return pid === undefined ? 0 : serverRssMiB(pid);
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const unbuilt = registry.filter((app) => !existsSync(path.join(appDir(app.name), '.next', 'BUILD_ID')));
  if (unbuilt.length > 0) throw new Error(`No production build of ${unbuilt.map((app) => app.name).join(', ')}: run pnpm build first.`);

  fleet.startAll();
  // Writing the floor starts from an empty folder: only skip it when its build is reused as it is.
  if (options.reuseFloor && isFloorBuilt()) log('floor: reusing the build in packages/e2e/.floor/.next');
  else {
    writeFloor();
    log(`floor: next build in ${path.relative(process.cwd(), floorDir)} ...`);
    const from = Date.now();
    await buildFloor();
    log(`floor: built in ${((Date.now() - from) / 1000).toFixed(0)} s`);
  }
  floor = startFloor(floorPort, originsEnv(ports));
  await waitUntilSettled(fleet.urls);
  await waitFor(`${serverUrl(FLOOR)}/checkout`, (status) => status === 200, 30_000);

  const measured = routesToMeasure();
  const targets = measured.flatMap((route) =>
    servers.map((server) => ({ ...route, server, url: `${serverUrl(server)}${route.path}`, key: `${server} ${route.path}` })),
  );
  await warmUp(targets);
  await startupWorkersGone();
  const idle = Object.fromEntries(servers.map((server) => [server, memoryOf(server)]));

  log(`Chromium: ${options.browserRuns} visit(s) of ${targets.length} URLs ...`);
  const pages = new Map<string, PageCost[]>(targets.map((target) => [target.key, []]));
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    for (let run = 0; run < options.browserRuns; run += 1) {
      for (const target of targets) pages.get(target.key)!.push(await measurePage(browser, target.url));
    }
  } finally {
    await browser.close();
  }

  const audits = new Map<string, LighthouseResult[]>(targets.map((target) => [target.key, []]));
  if (options.lighthouseRuns > 0) {
    log(`Lighthouse: ${options.lighthouseRuns} audit(s) of ${targets.length} URLs (mobile preset) ...`);
    const lighthouse = await LighthouseRunner.start();
    try {
      for (let run = 0; run < options.lighthouseRuns; run += 1) {
        for (const target of targets) {
          try {
            audits.get(target.key)!.push(await lighthouse.audit(target.url));
          } catch (error) {
            log(`Lighthouse gave up on ${target.url}: ${(error as Error).message}`);
          }
        }
      }
    } finally {
      await lighthouse.stop();
    }
  }

  log(`SSR: ${options.rounds} round(s) x ${targets.length} URLs x ${options.duration} s, ${options.connections} connections ...`);
  const ssr = await measureSsr(
    Object.fromEntries(targets.map((target) => [target.key, target.url])),
    { connections: options.connections, durationSeconds: options.duration, rounds: options.rounds },
    (index) => log(`SSR round ${index + 1}`),
  );
  const memory: ServerMemory[] = servers.map((server) => ({ server, idleMiB: idle[server] ?? 0, afterLoadMiB: memoryOf(server) }));

  const rows: CostRow[] = targets.map((target) => {
    const visits = pages.get(target.key)!;
    const pick = (value: (page: PageCost) => number) => median(visits.map(value));
    const runs = audits.get(target.key)!;
    const byScore = [...runs].sort((a, b) => (a.score ?? -1) - (b.score ?? -1));
    return {
      route: target.path,
      server: target.server,
      owner: target.owner,
      url: target.url,
      scriptBytes: pick((page) => page.first.scriptBytes),
      scriptRequests: pick((page) => page.first.networkRequests),
      runtimeCopies: pick((page) => page.runtimeCopies),
      runtimeBytes: pick((page) => page.runtimeBytes),
      repeatBytes: pick((page) => page.repeat.scriptBytes),
      repeatRequests: pick((page) => page.repeat.networkRequests),
      fcpMs: medianOrNull(visits.map((page) => page.first.fcpMs)),
      cls: pick((page) => page.first.cls),
      hydratedMs: medianOrNull(visits.map((page) => page.first.hydratedMs)),
      ssr: ssr[target.key]!,
      lighthouse: lowerMiddle(byScore) ?? null,
      lighthouseScores: runs.map((run) => run.score),
      scripts: {
        first: visits[0]?.first.scripts ?? [],
        repeatFromNetwork: visits[0]?.repeat.scripts.filter((script) => !script.fromCache) ?? [],
      },
    };
  });

  console.log('');
  console.log('Cost per route and server (* = the route\'s owner app; floor = the same pages as one Next app without federation)');
  console.log(costTable(rows));
  console.log('');
  console.log('JS KB / JS req: first visit, script bytes as transferred (gzip, with headers) and requests; MF rt / MF KB:');
  console.log('scripts holding a copy of the Module Federation runtime and their bytes; repeat: script bytes and requests a');
  console.log('second navigation in the same browser context fetches from the network; req/s, p50, p99: SSR at');
  console.log(`${options.connections} connections, best of ${options.rounds} round(s) of ${options.duration} s; FCP, CLS, hydr: Chromium on loopback, no throttling,`);
  console.log(`median of ${options.browserRuns}; LH: Lighthouse ${options.lighthouseRuns > 0 ? `performance score and metrics, mobile preset (simulated), median of ${options.lighthouseRuns} (LH range: lowest-highest score); a11y, BP, SEO: its accessibility, best-practices and SEO scores` : 'not run'}.`);
  const findings = rows.flatMap((row) => (row.lighthouse?.findings ?? []).map((finding) => `${row.server} ${row.route}: ${finding}`));
  if (findings.length > 0) console.log(`Lighthouse findings (audits that cost points):\n  ${findings.join('\n  ')}`);
  console.log('');
  console.log('Ratio to the floor (same route)');
  console.log(ratioTable(rows, 'floor'));
  console.log('');
  console.log('Ratio to the owner app (same route, served by the app that owns it)');
  console.log(ratioTable(rows, 'owner'));
  console.log('');
  console.log('Server memory (apps: federation supervisor + Next worker; floor: next start)');
  console.log(memoryTable(memory));
  console.log('');
  console.log('Targets (worst route x app pair of this run; one run\'s SSR and Lighthouse figures are noisy: compare several;');
  console.log('Lighthouse: the difference of medians and its 95% interval from resampling the audits, "undecided" when that');
  console.log('interval has values on both sides of the target: only more audits, --lighthouse-runs, can tell)');
  console.log(targetsTable(checkTargets(rows)));

  const file = writeReport(
    {
      startedAt,
      options: { ...options },
      machine: { cpus: os.cpus().length, node: process.version },
      rows,
      memory,
    },
    path.join(__dirname, '..', 'bench-results'),
  );
  console.log('');
  console.log(`written: ${path.relative(process.cwd(), file)}`);
}

const stopServers = () => Promise.all([fleet.stopAll(), floor?.stop()]);

// Ctrl-C in the middle still stops every server this run started (each runs in its own process group).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void stopServers().finally(() => process.exit(130)));
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(stopServers);
