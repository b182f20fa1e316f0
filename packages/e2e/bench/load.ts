/**
 * Load benchmark (prints figures, asserts nothing): 50 concurrent connections,
 * 10,000 requests on loopback against a federated route of a host (home
 * rendering shop's page), with the host's memory before and after.
 *
 *   pnpm build && pnpm bench:load
 */
import autocannon from 'autocannon';
import { Fleet } from '../src/fleet';
import { treeRssMiB } from '../src/memory';
import { waitUntilSettled } from '../src/settled';

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const REQUESTS = Number(process.env.LOAD_REQUESTS ?? 10_000);
const ROUTE = process.env.LOAD_ROUTE ?? '/shop';
const fleet = new Fleet({ checkout: 4700, home: 4701, shop: 4702 });

async function main(): Promise<void> {
  fleet.startAll();
  const host = fleet.get('home')!;
  await waitUntilSettled(fleet.urls);
  await fetch(`${host.url}${ROUTE}`); // warm: remote code loaded once
  const rssBefore = treeRssMiB(host.pid as number);

  const result = await autocannon({
    url: `${host.url}${ROUTE}`,
    connections: CONNECTIONS,
    amount: REQUESTS,
    timeout: 30,
  });
  const rssAfter = treeRssMiB(host.pid as number);

  console.log(`GET ${ROUTE} on home (shop's page, nav from home, cart badge from checkout)`);
  console.log(`requests: ${result.requests.total}, 2xx: ${result['2xx']}, non-2xx: ${result.non2xx}, errors: ${result.errors}, timeouts: ${result.timeouts}`);
  console.log(`throughput: ${result.requests.average} req/s average over ${result.duration.toFixed(1)} s`);
  console.log(`latency: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
  console.log(`home memory (supervisor + worker): ${rssBefore} MiB before, ${rssAfter} MiB after`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await fleet.stopAll();
  });
