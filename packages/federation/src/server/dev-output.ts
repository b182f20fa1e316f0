/**
 * What a developer reads in `pnpm dev`: Next's and the plugin's start-up
 * chatter is dropped (one line per app says where it is), and a remote that is
 * not up yet is news the supervisor tells once ("home: waiting for shop"), not
 * a stream of load errors with stack traces. Compile errors, warnings and any
 * other error stay. FEDERATION_DEBUG=1 shows everything.
 */
const NOISE: RegExp[] = [
  /^\s*▲ Next\.js /, // banner
  /^\s*- (Local|Network|Environments|Experiments):/, // the worker's internal port, not the app's address
  /^\s*✓ Starting\.\.\./,
  /^\s*✓ Ready in /,
  /^\s*○ Compiling /,
  /Module Federation Manifest Plugin/, // "manifest will use absolute path resolution" on every compile
  /opted-out of Automatic Static Optimization|opt-out-auto-static-optimization/, // every page has getInitialProps by design
  /^\s*(GET|HEAD) \/ 200 in /, // the supervisor's warm-up request
  /React encountered an empty buffer/, // React on Node 20 (no ArrayBuffer.prototype.detached): harmless
  /The remote "[^"]+" is already registered/, // our own reload of a remote's new code (hot-remotes)
  /^\S+\/\S+ offline$/, // nextjs-mf's note for a remote that is not up: "waiting for" says it
  // eslint-disable-next-line no-control-regex -- matching terminal escape codes is the point
  /^(\s|\x1b\[[0-9;?]*[a-zA-Z])*$/, // terminal control codes alone
];

/** Load failures of a remote that is not up: the supervisor says "waiting for <app>" instead. */
const REMOTE_DOWN: RegExp[] = [
  /\[federation\] \S+ is unavailable:/,
  /^\s*flush error:/,
  // RemoteDownError's words, however a page logs it ("featured products unavailable: shop/products-api is unavailable (...)")
  /\bis unavailable \((its last call failed|its code did not load|it is starting up)/,
];

/** A line that continues the one before it: stack frames, an error's fields, Next's source frame ("> 43 | code", "   | ^"). */
const CONTINUATION = /^(\s{2,}\S|\s*[}\]]\s*$|\s*>?\s*\d*\s+\|)/;

export function devOutputFilter(): (line: string) => boolean {
  let skipping = false;
  return (line) => {
    if (skipping && CONTINUATION.test(line)) return false;
    skipping = REMOTE_DOWN.some((pattern) => pattern.test(line));
    return !skipping && !NOISE.some((pattern) => pattern.test(line));
  };
}
