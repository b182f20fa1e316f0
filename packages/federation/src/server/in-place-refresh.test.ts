import { describe, expect, it } from 'vitest';
import { InPlaceRefresh } from './in-place-refresh';

function setup(stale: string[] = []) {
  const calls: { resolve: () => void; reject: (error: Error) => void }[] = [];
  let after = 0;
  const refresh = new InPlaceRefresh({
    refresh: () => new Promise<void>((resolve, reject) => calls.push({ resolve, reject })),
    stale: () => stale,
    retryMs: 60_000,
    afterRefresh: () => (after += 1),
    log: () => undefined,
    detail: () => undefined,
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { refresh, calls, after: () => after, settle };
}

describe('InPlaceRefresh', () => {
  it('does nothing when no remote changed and none is stale', () => {
    const { refresh, calls } = setup();
    refresh.request([]);
    expect(calls).toHaveLength(0);
  });

  it('loads a change seen during a refresh right after it, once, and checks memory after each', async () => {
    const { refresh, calls, after, settle } = setup();
    refresh.request(['shop']);
    refresh.request(['shop']);
    refresh.request(['checkout']);
    expect(calls).toHaveLength(1);
    calls[0]!.resolve();
    await settle();
    expect(calls).toHaveLength(2);
    expect(after()).toBe(1);
    calls[1]!.reject(new Error('compile error'));
    await settle();
    expect(calls).toHaveLength(2);
    expect(after()).toBe(2);
  });

  it('retries a remote rendered as its fallback, not more often than retryMs', async () => {
    const { refresh, calls, settle } = setup(['shop']);
    refresh.request([]);
    expect(calls).toHaveLength(1);
    calls[0]!.resolve();
    await settle();
    refresh.request([]);
    expect(calls).toHaveLength(1);
  });

  it('keeps a change seen while no worker serves, and loads it once one does', async () => {
    let serving = false;
    let refreshed = 0;
    const refresh = new InPlaceRefresh({
      refresh: () => (serving ? Promise.resolve(void (refreshed += 1)) : false),
      stale: () => [],
      retryMs: 60_000,
      log: () => undefined,
      detail: () => undefined,
    });
    refresh.request(['shop']);
    refresh.request([]);
    expect(refreshed).toBe(0);
    serving = true;
    refresh.request([]);
    expect(refreshed).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    refresh.request([]);
    expect(refreshed, 'once: nothing new since').toBe(1);
  });
});
