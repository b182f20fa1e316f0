/**
 * The cost benchmark's figures as printed tables (one row per route and
 * server, then the same rows as ratios against the floor and against the
 * route's owner app) and as a JSON file for later comparison.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LighthouseResult } from './lighthouse';
import type { ScriptLoad } from './page-cost';
import type { SsrResult } from './ssr-load';

export const FLOOR = 'floor';

export interface CostRow {
  route: string;
  /** The app serving it, or `floor`. */
  server: string;
  /** The app whose `federation.routes` lists the route. */
  owner: string;
  url: string;
  /** First visit, medians of the browser runs. */
  scriptBytes: number;
  scriptRequests: number;
  runtimeCopies: number;
  runtimeBytes: number;
  repeatBytes: number;
  repeatRequests: number;
  fcpMs: number | null;
  cls: number;
  hydratedMs: number | null;
  ssr: SsrResult;
  /** Median of the Lighthouse runs (by score); null when none ran. */
  lighthouse: LighthouseResult | null;
  /** Every Lighthouse run's performance score, in run order (JSON only: how far one audit swings). */
  lighthouseScores: (number | null)[];
  /** JSON only: the scripts of the first run's visits (what the bytes are). */
  scripts: { first: ScriptLoad[]; repeatFromNetwork: ScriptLoad[] };
}

export interface ServerMemory {
  server: string;
  idleMiB: number;
  afterLoadMiB: number;
}

export interface CostReport {
  startedAt: string;
  options: Record<string, unknown>;
  machine: { cpus: number; node: string };
  rows: CostRow[];
  memory: ServerMemory[];
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const ms = (value: number | null) => (value === null ? '-' : String(Math.round(value)));
const fixed = (value: number | null | undefined, digits: number) => (value === null || value === undefined ? '-' : value.toFixed(digits));

/** `75-94`: the lowest and highest score of a URL's Lighthouse runs (how far one audit swings). */
function scoreRange(scores: (number | null)[]): string {
  const known = scores.filter((score): score is number => score !== null);
  return known.length === 0 ? '-' : `${Math.min(...known)}-${Math.max(...known)}`;
}

type Column = [title: string, value: (row: CostRow) => string];

const COLUMNS: Column[] = [
  ['route', (row) => row.route],
  ['server', (row) => (row.server === row.owner ? `${row.server}*` : row.server)],
  ['JS KB', (row) => kb(row.scriptBytes)],
  ['JS req', (row) => String(row.scriptRequests)],
  ['MF rt', (row) => String(row.runtimeCopies)],
  ['MF KB', (row) => kb(row.runtimeBytes)],
  ['repeat KB', (row) => kb(row.repeatBytes)],
  ['repeat req', (row) => String(row.repeatRequests)],
  ['req/s', (row) => row.ssr.requestsPerSecond.toFixed(0)],
  ['p50 ms', (row) => String(row.ssr.p50Ms)],
  ['p99 ms', (row) => String(row.ssr.p99Ms)],
  ['fail', (row) => String(row.ssr.failures)],
  ['FCP ms', (row) => ms(row.fcpMs)],
  ['CLS', (row) => fixed(row.cls, 3)],
  ['hydr ms', (row) => ms(row.hydratedMs)],
  ['LH', (row) => (row.lighthouse?.score === null || row.lighthouse === null ? '-' : String(row.lighthouse.score))],
  ['LH range', (row) => scoreRange(row.lighthouseScores)],
  ['LH FCP', (row) => ms(row.lighthouse?.fcpMs ?? null)],
  ['LH LCP', (row) => ms(row.lighthouse?.lcpMs ?? null)],
  ['LH TBT', (row) => ms(row.lighthouse?.tbtMs ?? null)],
  ['LH CLS', (row) => fixed(row.lighthouse?.cls, 3)],
  ['a11y', (row) => String(row.lighthouse?.accessibility ?? '-')],
  ['BP', (row) => String(row.lighthouse?.bestPractices ?? '-')],
  ['SEO', (row) => String(row.lighthouse?.seo ?? '-')],
];

/** Metrics compared as ratios: for req/s and the Lighthouse score higher is better, for the rest lower. */
const RATIO_METRICS: [title: string, value: (row: CostRow) => number | null][] = [
  ['JS KB', (row) => row.scriptBytes],
  ['JS req', (row) => row.scriptRequests],
  ['repeat KB', (row) => row.repeatBytes],
  ['req/s', (row) => row.ssr.requestsPerSecond],
  ['p50', (row) => row.ssr.p50Ms],
  ['p99', (row) => row.ssr.p99Ms],
  ['FCP', (row) => row.fcpMs],
  ['hydr', (row) => row.hydratedMs],
  ['LH', (row) => row.lighthouse?.score ?? null],
  ['LH TBT', (row) => row.lighthouse?.tbtMs ?? null],
];

/** Columns padded to their widest cell: the first two left-aligned (names), the rest right-aligned (figures). */
export function table(header: string[], lines: string[][]): string {
  const widths = header.map((title, index) => Math.max(title.length, ...lines.map((line) => (line[index] ?? '').length)));
  const format = (cells: string[]) =>
    cells.map((cell, index) => (index < 2 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!))).join('  ');
  return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...lines.map(format)].join('\n');
}

export function costTable(rows: CostRow[]): string {
  return table(
    COLUMNS.map(([title]) => title),
    rows.map((row) => COLUMNS.map(([, value]) => value(row))),
  );
}

const ratio = (value: number | null, base: number | null) =>
  value === null || base === null || base === 0 ? '-' : `${(value / base).toFixed(2)}x`;

/** Each app row divided by the same route's row on the floor, or on the route's owner app. */
export function ratioTable(rows: CostRow[], against: 'floor' | 'owner'): string {
  const base = (row: CostRow) =>
    rows.find((other) => other.route === row.route && other.server === (against === 'floor' ? FLOOR : row.owner));
  const lines = rows
    .filter((row) => row.server !== FLOOR && !(against === 'owner' && row.server === row.owner))
    .map((row) => {
      const reference = base(row);
      return [
        row.route,
        row.server === row.owner ? `${row.server}*` : row.server,
        ...RATIO_METRICS.map(([, value]) => ratio(value(row), reference ? value(reference) : null)),
      ];
    });
  return table(['route', 'server', ...RATIO_METRICS.map(([title]) => title)], lines);
}

export function memoryTable(memory: ServerMemory[]): string {
  return table(
    ['server', 'processes', 'RSS idle MiB', 'RSS after load MiB'],
    memory.map((entry) => [
      entry.server,
      entry.server === FLOOR ? 'next start' : 'supervisor + worker',
      String(entry.idleMiB),
      String(entry.afterLoadMiB),
    ]),
  );
}

/** Writes the report under packages/e2e/bench-results/ and returns the file's path. */
export function writeReport(report: CostReport, folder: string): string {
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `cost-${report.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
