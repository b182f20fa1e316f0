/**
 * How far apart two noisy series really are: the difference of their medians,
 * and a 95% bootstrap interval around it. One Lighthouse audit's score swings
 * by 10-20 points here, so the difference of two medians of five can be
 * anything within about ±10: the interval says whether a run can tell.
 * Seeded, so a report computed again from the same JSON says the same.
 */

/** The cost report's one rule for a median: the middle of sorted values, the lower middle of an even count. */
export function lowerMiddle<T>(sorted: T[]): T | undefined {
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

export function lowerMedian(values: number[]): number {
  return lowerMiddle([...values].sort((a, b) => a - b)) as number;
}

/** mulberry32: a small, well-mixed 32-bit generator. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 95% interval of `lowerMedian(a) - lowerMedian(b)`, from resampling each series; null without data. */
export function medianDifferenceInterval(a: number[], b: number[], resamples = 4000, seed = 1): [number, number] | null {
  if (a.length === 0 || b.length === 0) return null;
  const next = random(seed);
  const resample = (values: number[]) => values.map(() => values[Math.floor(next() * values.length)] as number);
  const differences = Array.from({ length: resamples }, () => lowerMedian(resample(a)) - lowerMedian(resample(b))).sort((x, y) => x - y);
  return [differences[Math.floor(resamples * 0.025)] as number, differences[Math.ceil(resamples * 0.975) - 1] as number];
}
