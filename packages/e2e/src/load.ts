/**
 * A steady loopback load on one URL that counts what fails. Bounded in
 * requests and time; it stops by itself when either runs out.
 */
export interface LoadResult {
  total: number;
  ok: number;
  non2xx: number;
  errors: number;
  firstFailures: string[];
}

export interface Load {
  stop: () => Promise<LoadResult>;
}

export function startLoad(url: string, { concurrency = 4, maxRequests = 20_000, maxMs = 180_000 } = {}): Load {
  const result: LoadResult = { total: 0, ok: 0, non2xx: 0, errors: 0, firstFailures: [] };
  const deadline = Date.now() + maxMs;
  let stopped = false;
  const note = (failure: string) => {
    if (result.firstFailures.length < 5) result.firstFailures.push(failure);
  };

  async function loop(): Promise<void> {
    while (!stopped && result.total < maxRequests && Date.now() < deadline) {
      result.total += 1;
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
        await response.arrayBuffer();
        if (response.status >= 200 && response.status < 300) result.ok += 1;
        else {
          result.non2xx += 1;
          note(`status ${response.status}`);
        }
      } catch (error) {
        result.errors += 1;
        note((error as Error).message);
      }
    }
  }

  const loops = Array.from({ length: concurrency }, () => loop());
  return {
    async stop() {
      stopped = true;
      await Promise.all(loops);
      return result;
    },
  };
}
