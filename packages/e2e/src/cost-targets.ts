/**
 * The cost targets the template holds itself to, checked against one run's
 * rows: for each, the worst route x app pair and whether it is met. Printed
 * after the tables so a run answers "still within budget?" without reading
 * sixteen rows; nothing fails on a miss, because one run's SSR and Lighthouse
 * figures are noisy here (compare several runs before calling a target lost).
 */
import { FLOOR, table, type CostRow } from './cost-report';
import { medianDifferenceInterval } from './median-interval';

export interface TargetResult {
  target: string;
  /** The pair furthest from the target, e.g. `/shop on home`, or `-` when nothing was measured. */
  worst: string;
  value: string;
  met: boolean;
  /** False when the run cannot tell: the 95% interval of the worst pair's figure has values on both sides of the target. */
  decided: boolean;
}

interface Target {
  target: string;
  /** The figure of one app row (null: not measured), and how to print it. */
  measure: (row: CostRow, rows: CostRow[]) => number | null;
  format: (value: number) => string;
  /** Worst is the lowest (`min`) or the highest (`max`) figure. */
  worst: 'min' | 'max';
  met: (value: number) => boolean;
  /** For a figure from a few noisy samples: the 95% interval around it (null: none). */
  interval?: (row: CostRow, rows: CostRow[]) => [number, number] | null;
}

const same = (rows: CostRow[], route: string, server: string) => rows.find((row) => row.route === route && row.server === server);
const ratio = (value: number | undefined | null, base: number | undefined | null) =>
  value === undefined || value === null || base === undefined || base === null || base === 0 ? null : value / base;
const times = (value: number) => `${value.toFixed(3)}x`;
const isScore = (score: number | null): score is number => score !== null;

const TARGETS: Target[] = [
  {
    target: 'first-visit script <= 1.5x the floor',
    measure: (row, rows) => ratio(row.scriptBytes, same(rows, row.route, FLOOR)?.scriptBytes),
    format: times,
    worst: 'max',
    met: (value) => value <= 1.5,
  },
  {
    target: 'exactly one MF runtime per page',
    measure: (row) => row.runtimeCopies,
    format: String,
    worst: 'max',
    met: (value) => value === 1,
  },
  {
    target: 'repeat visit re-downloads 0 KB of script',
    measure: (row) => row.repeatBytes,
    format: (value) => `${(value / 1024).toFixed(1)} KB`,
    worst: 'max',
    met: (value) => value === 0,
  },
  {
    target: "SSR req/s >= 0.9x the owner's",
    measure: (row, rows) => (row.server === row.owner ? null : ratio(row.ssr.requestsPerSecond, same(rows, row.route, row.owner)?.ssr.requestsPerSecond)),
    format: times,
    worst: 'min',
    met: (value) => value >= 0.9,
  },
  {
    target: "SSR req/s >= 0.8x the floor's",
    measure: (row, rows) => ratio(row.ssr.requestsPerSecond, same(rows, row.route, FLOOR)?.ssr.requestsPerSecond),
    format: times,
    worst: 'min',
    met: (value) => value >= 0.8,
  },
  {
    target: 'CLS <= 0.02 (Chromium, and Lighthouse)',
    measure: (row) => Math.max(row.cls, row.lighthouse?.cls ?? 0),
    format: (value) => value.toFixed(3),
    worst: 'max',
    met: (value) => value <= 0.02,
  },
  {
    target: "Lighthouse performance within 3 points of the owner's",
    measure: (row, rows) => {
      const score = row.lighthouse?.score;
      const owner = same(rows, row.route, row.owner)?.lighthouse?.score;
      return row.server === row.owner || score === null || score === undefined || owner === null || owner === undefined ? null : score - owner;
    },
    format: (value) => `${value > 0 ? '+' : ''}${value} points`,
    worst: 'min',
    met: (value) => value >= -3,
    interval: (row, rows) => medianDifferenceInterval(row.lighthouseScores.filter(isScore), same(rows, row.route, row.owner)?.lighthouseScores.filter(isScore) ?? []),
  },
];

export function checkTargets(rows: CostRow[]): TargetResult[] {
  const appRows = rows.filter((row) => row.server !== FLOOR);
  return TARGETS.map(({ target, measure, format, worst, met, interval }) => {
    let found: { row: CostRow; value: number } | undefined;
    for (const row of appRows) {
      const value = measure(row, rows);
      if (value === null) continue;
      if (!found || (worst === 'min' ? value < found.value : value > found.value)) found = { row, value };
    }
    if (!found) return { target, worst: '-', value: 'not measured', met: false, decided: true };
    const range = interval?.(found.row, rows) ?? null;
    return {
      target,
      worst: `${found.row.route} on ${found.row.server}`,
      value: range ? `${format(found.value)} (95%: ${format(range[0])} to ${format(range[1])})` : format(found.value),
      met: met(found.value),
      decided: range === null || met(range[0]) === met(range[1]),
    };
  });
}

export function targetsTable(results: TargetResult[]): string {
  return table(
    ['target', 'worst pair', 'value', 'met'],
    results.map((result) => [result.target, result.worst, result.value, `${result.met ? 'yes' : 'NO'}${result.decided ? '' : ' (undecided: more audits)'}`]),
  );
}
