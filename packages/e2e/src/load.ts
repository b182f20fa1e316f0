/**
 * A steady loopback load on one or more URLs (taken in turn) that counts what
 * fails and how long the slowest answer took. Bounded in requests and time;
 * it stops by itself when either runs out.
 */
export interface LoadResult {
  total: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** The slowest request, in ms, and what it was. */
  slowestMs: number;
  slowest: string;
  firstFailures: string[];
}

/** One request of the load: when it was sent, when it ended, whether it got a 2xx. */
export interface LoadRequest {
  startedAt: number;
  endedAt: number;
  ok: boolean;
}

export interface Load {
  stop: () => Promise<LoadResult>;
  /** Every request so far, in the order they ended. */
  requests: LoadRequest[];
}

export function startLoad(
  urls: string | string[],
  { concurrency = 4, maxRequests = 20_000, maxMs = 180_000 } = {},
): Load {
  const targets = Array.isArray(urls) ? urls : [urls];
  const result: LoadResult = { total: 0, ok: 0, non2xx: 0, errors: 0, slowestMs: 0, slowest: '', firstFailures: [] };
  const requests: LoadRequest[] = [];
  const deadline = Date.now() + maxMs;
  let stopped = false;
  const note = (failure: string) => {
    if (result.firstFailures.length < 5) result.firstFailures.push(failure);
  };

  async function loop(offset: number): Promise<void> {
    for (let i = offset; !stopped && result.total < maxRequests && Date.now() < deadline; i += 1) {
      const url = targets[i % targets.length] as string;
      result.total += 1;
      const startedAt = Date.now();
      let ok = false;
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
        await response.arrayBuffer();
        ok = response.status >= 200 && response.status < 300;
        if (ok) result.ok += 1;
        else {
          result.non2xx += 1;
          note(`${url}: status ${response.status}`);
        }
      } catch (error) {
        result.errors += 1;
        note(`${url}: ${(error as Error).message}`);
      }
      requests.push({ startedAt, endedAt: Date.now(), ok });
      const tookMs = Date.now() - startedAt;
      if (tookMs > result.slowestMs) {
        result.slowestMs = tookMs;
        result.slowest = url;
      }
    }
  }

  const loops = Array.from({ length: concurrency }, (_, index) => loop(index));
  return {
    requests,
    async stop() {
      stopped = true;
      await Promise.all(loops);
      return result;
    },
  };
}
