import { describe, expect, it } from 'vitest';
import { Roll, type RolledWorker } from './roll';

/** A worker whose warm-up the test decides: it resolves or rejects when told. */
class FakeWorker implements RolledWorker {
  stopped = false;
  drained = false;
  private settle!: { resolve: () => void; reject: (error: Error) => void };
  readonly warming = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));

  constructor(readonly id: number) {}
  ready(): Promise<void> {
    return this.warming;
  }
  warm(): void {
    this.settle.resolve();
  }
  fail(): void {
    this.settle.reject(new Error('did not answer'));
  }
  async stop(): Promise<void> {
    this.stopped = true;
  }
  async drainAndStop(): Promise<void> {
    this.drained = true;
    this.stopped = true;
  }
}

/** `stillNeeded` as the supervisor answers it when something changed again while a worker started. */
function setup(stillNeeded: () => string | null = () => 'changed while starting') {
  const started: FakeWorker[] = [];
  const lines: string[] = [];
  const commits: string[] = [];
  let stopping = false;
  const roll = new Roll<FakeWorker>({
    start: async () => {
      const worker = new FakeWorker(started.length + 1);
      started.push(worker);
      return worker;
    },
    warmPath: '/',
    readyTimeoutMs: 1_000,
    drainMs: 1_000,
    retryMs: 1,
    begin: (reason) => () => commits.push(reason),
    stillNeeded,
    stopping: () => stopping,
    log: (line) => lines.push(line),
    detail: () => undefined,
  });
  /** Resolves once the n-th worker has been started. */
  const nth = async (n: number) => {
    while (started.length < n) await new Promise((resolve) => setTimeout(resolve, 1));
    return started[n - 1] as FakeWorker;
  };
  /** The first roll, warmed: worker 1 serves. */
  const serveFirst = async () => {
    const first = roll.roll('start');
    (await nth(1)).warm();
    await first;
  };
  return { roll, started, lines, commits, nth, serveFirst, stop: () => (stopping = true) };
}

describe('Roll', () => {
  it('switches to a fresh worker once it is warm, and drains the old one', async () => {
    const { roll, nth, commits, serveFirst } = setup();
    await serveFirst();
    const second = roll.roll('new code of shop');
    expect(roll.busy).toBe(true);
    const fresh = await nth(2);
    expect(roll.current?.id).toBe(1);
    fresh.warm();
    await second;
    expect(roll.current?.id).toBe(2);
    expect((await nth(1)).drained).toBe(true);
    expect(commits).toEqual(['start', 'new code of shop']);
    expect(roll.busy).toBe(false);
  });

  it('keeps the old worker when the fresh one fails to warm up, stops the failed one and tries again', async () => {
    const { roll, nth, lines, serveFirst } = setup();
    await serveFirst();
    const second = roll.roll('new code of shop');
    const failing = await nth(2);
    failing.fail();
    const retry = await nth(3);
    expect(failing.stopped).toBe(true);
    expect(roll.current?.id).toBe(1);
    expect(lines.some((line) => line.includes('worker 2 failed') && line.includes('keeping worker 1'))).toBe(true);
    retry.warm();
    await second;
    expect(roll.current?.id).toBe(3);
  });

  it('fails when the first worker never warms up: there is nothing to keep', async () => {
    const { roll, nth } = setup();
    const first = roll.roll('start');
    (await nth(1)).fail();
    await expect(first).rejects.toThrow('did not answer');
    expect(roll.current).toBeNull();
  });

  it('a roll asked for during a roll starts one more worker after it, not two at once', async () => {
    const { roll, nth, started, serveFirst } = setup();
    await serveFirst();
    const second = roll.roll('new code of shop');
    const fresh = await nth(2);
    // Asked twice while worker 2 warms up: one more swap after it, with the newest code.
    await roll.roll('new code of checkout');
    await roll.roll('new code of home');
    expect(started).toHaveLength(2);
    fresh.warm();
    const newest = await nth(3);
    expect(roll.current?.id).toBe(2);
    newest.warm();
    await second;
    expect(roll.current?.id).toBe(3);
    expect(started).toHaveLength(3);
  });

  it('a roll asked for during a roll starts no more worker when the fresh one already has what was asked', async () => {
    let needed: string | null = null;
    const { roll, nth, started, commits, serveFirst } = setup(() => needed);
    await serveFirst();
    const second = roll.roll('new code of shop');
    const fresh = await nth(2);
    // The watcher compares with the serving worker 1 and asks again; worker 2 is loading that code already.
    await roll.roll('new code of shop');
    fresh.warm();
    await second;
    expect(roll.current?.id).toBe(2);
    expect(started).toHaveLength(2);
    // Still needed (a remote changed again meanwhile): one more worker, for the reason given.
    const third = roll.roll('new code of checkout');
    const next = await nth(3);
    await roll.roll('new code of checkout');
    needed = 'new code of home';
    next.warm();
    (await nth(4)).warm();
    await third;
    expect(roll.current?.id).toBe(4);
    expect(commits.slice(-2)).toEqual(['new code of checkout', 'new code of home']);
  });

  it('stopping during a roll: the warming worker is stopped, not switched to, and no retry starts', async () => {
    const { roll, nth, started, stop, serveFirst } = setup();
    await serveFirst();
    const second = roll.roll('new code of shop');
    const fresh = await nth(2);
    stop();
    fresh.warm();
    await second;
    expect(roll.current?.id).toBe(1);
    expect(fresh.stopped).toBe(true);
    expect(started).toHaveLength(2);
  });
});
