import { describe, expect, it } from 'vitest';
import type { CostRow } from './cost-report';
import { checkTargets } from './cost-targets';

function row(route: string, server: string, owner: string, figures: { bytes: number; rps: number; score: number; cls?: number; copies?: number; scores?: number[] }): CostRow {
  return {
    route,
    server,
    owner,
    url: `http://localhost/${server}${route}`,
    scriptBytes: figures.bytes,
    scriptRequests: 10,
    runtimeCopies: figures.copies ?? (server === 'floor' ? 0 : 1),
    runtimeBytes: 0,
    repeatBytes: 0,
    repeatRequests: 0,
    fcpMs: 100,
    cls: figures.cls ?? 0,
    hydratedMs: 200,
    ssr: { requestsPerSecond: figures.rps, p50Ms: 10, p99Ms: 20, failures: 0 },
    lighthouse: { score: figures.score, fcpMs: 1, lcpMs: 1, tbtMs: 1, cls: 0, accessibility: 100, bestPractices: 100, seo: 100, findings: [] },
    lighthouseScores: figures.scores ?? [figures.score],
    scripts: { first: [], repeatFromNetwork: [] },
  };
}

describe('cost targets', () => {
  it('names the worst pair of each target and whether it is met', () => {
    const rows = [
      row('/', 'home', 'home', { bytes: 140, rps: 500, score: 90 }),
      row('/', 'shop', 'home', { bytes: 160, rps: 430, score: 86, cls: 0.05 }),
      row('/', 'floor', 'home', { bytes: 100, rps: 520, score: 95 }),
      row('/shop', 'shop', 'shop', { bytes: 120, rps: 400, score: 80 }),
      row('/shop', 'home', 'shop', { bytes: 125, rps: 380, score: 79, copies: 2 }),
      row('/shop', 'floor', 'shop', { bytes: 100, rps: 450, score: 95 }),
    ];
    expect(checkTargets(rows).map((result) => [result.worst, result.value, result.met, result.decided])).toEqual([
      ['/ on shop', '1.600x', false, true],
      ['/shop on home', '2', false, true],
      ['/ on home', '0.0 KB', true, true],
      ['/ on shop', '0.860x', false, true],
      ['/ on shop', '0.827x', true, true],
      ['/ on shop', '0.050', false, true],
      ['/ on shop', '-4 points (95%: -4 points to -4 points)', false, true],
    ]);
  });

  it("says a Lighthouse miss is undecided when the audits' spread reaches the target", () => {
    const rows = [
      row('/', 'home', 'home', { bytes: 100, rps: 100, score: 84, scores: [81, 84, 87, 80, 92] }),
      row('/', 'shop', 'home', { bytes: 100, rps: 100, score: 79, scores: [78, 96, 79, 93, 75] }),
    ];
    const lighthouse = checkTargets(rows).find((result) => result.target.startsWith('Lighthouse'));
    expect(lighthouse).toMatchObject({ worst: '/ on shop', met: false, decided: false });
    expect(lighthouse?.value).toMatch(/^-5 points \(95%: -\d+ points to \+\d+ points\)$/);
  });

  it('says "not measured" rather than met when a run has no figure for a target', () => {
    const rows = [row('/', 'home', 'home', { bytes: 100, rps: 100, score: 90 }), row('/', 'floor', 'home', { bytes: 100, rps: 100, score: 90 })];
    const owner = checkTargets(rows).find((result) => result.target.includes("owner's") && result.target.startsWith('SSR'));
    expect(owner).toMatchObject({ worst: '-', value: 'not measured', met: false });
  });
});
