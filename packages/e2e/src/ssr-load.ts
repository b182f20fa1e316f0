/**
 * Server-rendering throughput of several URLs at one fixed concurrency
 * (autocannon on loopback): rounds go through every URL in turn, so a slow
 * moment of the machine hits all of them alike, and each URL keeps its best
 * round (highest req/s).
 */
import autocannon from 'autocannon';

export interface SsrResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Non-2xx answers, errors and timeouts of the best round. */
  failures: number;
}

export interface SsrOptions {
  connections: number;
  durationSeconds: number;
  rounds: number;
}

async function round(url: string, { connections, durationSeconds }: SsrOptions): Promise<SsrResult> {
  const result = await autocannon({ url, connections, duration: durationSeconds, timeout: 30 });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

export async function measureSsr(
  urls: Record<string, string>,
  options: SsrOptions,
  onRound: (index: number) => void = () => {},
): Promise<Record<string, SsrResult>> {
  const best: Record<string, SsrResult> = {};
  for (let index = 0; index < options.rounds; index += 1) {
    onRound(index);
    for (const [key, url] of Object.entries(urls)) {
      const result = await round(url, options);
      const previous = best[key];
      if (!previous || result.requestsPerSecond > previous.requestsPerSecond) best[key] = result;
    }
  }
  return best;
}
