import { describe, expect, it } from 'vitest';
import { lowerMedian, medianDifferenceInterval } from './median-interval';

describe('medianDifferenceInterval', () => {
  it('is the difference itself when neither series varies', () => {
    expect(medianDifferenceInterval([80, 80, 80], [84, 84, 84, 84, 84])).toEqual([-4, -4]);
  });

  it('spans the noise of series that swing, and holds the difference of their medians', () => {
    const pair = [78, 96, 80, 93, 91];
    const owner = [81, 84, 87, 80, 78];
    const [low, high] = medianDifferenceInterval(pair, owner)!;
    const difference = lowerMedian(pair) - lowerMedian(owner);
    expect(low).toBeLessThanOrEqual(difference);
    expect(high).toBeGreaterThanOrEqual(difference);
    expect(high - low).toBeGreaterThan(10);
  });

  it('narrows with more audits of the same spread', () => {
    const swing = (centre: number, count: number) => Array.from({ length: count }, (_, index) => centre + ((index * 7) % 21) - 10);
    const [fewLow, fewHigh] = medianDifferenceInterval(swing(85, 5), swing(85, 5))!;
    const [manyLow, manyHigh] = medianDifferenceInterval(swing(85, 60), swing(85, 60))!;
    expect(manyHigh - manyLow).toBeLessThan(fewHigh - fewLow);
  });

  it('says the same for the same data, and nothing without data', () => {
    expect(medianDifferenceInterval([70, 90, 80], [85, 75, 95])).toEqual(medianDifferenceInterval([70, 90, 80], [85, 75, 95]));
    expect(medianDifferenceInterval([], [80])).toBeNull();
  });

  it('takes the lower middle of an even count, as the cost report does', () => {
    expect(lowerMedian([4, 1, 3, 2])).toBe(2);
    expect(lowerMedian([5])).toBe(5);
  });
});
