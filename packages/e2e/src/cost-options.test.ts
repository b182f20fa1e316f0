import { describe, expect, it } from 'vitest';
import { readCostOptions } from './cost-options';

describe('cost benchmark options', () => {
  it('takes flags over environment over defaults', () => {
    const options = readCostOptions(['--rounds=5', '--reuse-floor'], { COST_ROUNDS: '3', COST_BROWSER_RUNS: '1' });
    expect(options).toMatchObject({ rounds: 5, browserRuns: 1, reuseFloor: true, connections: 10 });
  });

  it('refuses unknown flags and bad numbers', () => {
    expect(() => readCostOptions(['--round=2'], {})).toThrow(/Unknown option --round/);
    expect(() => readCostOptions(['--duration=fast'], {})).toThrow(/--duration \(COST_DURATION\) must be a whole number/);
  });
});
