/**
 * What one page costs a browser: the scripts of a first visit (bytes as
 * transferred, request count, copies of the Module Federation runtime among
 * them), the script bytes a repeat visit downloads again, and Chromium's First
 * Contentful Paint, Cumulative Layout Shift and the time until React has
 * hydrated every element of the server HTML.
 */
import type { Browser, CDPSession, Page } from '@playwright/test';

/**
 * Strings every copy of the MF runtime carries: the first code of its error
 * table (@module-federation/error-codes) and its global instance list. Checked
 * on these builds: the apps' browser bundles take the runtime from one script
 * (federation-runtime-core-*.js, see @repo/federation's runtime-core-script),
 * which alone holds both; before, each webpack runtime chunk and
 * remoteEntry.js did. No script of the floor holds them.
 */
export const MF_RUNTIME_MARKERS = ['RUNTIME-001', '__INSTANCES__'];

export interface ScriptLoad {
  url: string;
  status: number;
  /** Bytes received from the network (headers + gzip body); 0 when a cache answered. */
  bytes: number;
  fromCache: boolean;
  hasRuntime: boolean;
}

export interface Visit {
  scripts: ScriptLoad[];
  scriptBytes: number;
  /** Script requests that went to the network (cache hits excluded). */
  networkRequests: number;
  fcpMs: number | null;
  cls: number;
  hydratedMs: number | null;
}

export interface PageCost {
  first: Visit;
  repeat: Visit;
  runtimeCopies: number;
  /** Bytes transferred for the scripts that carry a runtime copy (first visit). */
  runtimeBytes: number;
}

/**
 * Runs in every document before its scripts: paint and layout-shift entries,
 * and the moment every element under #__next carries React's fiber key (a
 * Suspense boundary still dehydrated has none: its contents wait for their code).
 */
const OBSERVE = `(() => {
  const cost = (window.__cost = { fcp: null, cls: 0, hydrated: null });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') cost.fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) cost.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const hydrated = (element) => Object.keys(element).some((key) => key.startsWith('__reactFiber$'));
  const check = () => {
    const root = document.getElementById('__next');
    if (root && document.documentElement.dataset.hydrated === 'true' && [...root.querySelectorAll('*')].every(hydrated)) {
      cost.hydrated = performance.now();
      return;
    }
    setTimeout(check, 5);
  };
  check();
})();`;

/**
 * A script request: Chromium's type Script, or a `.js` file fetched as a prefetch
 * (Next's `<link rel="prefetch">` of a page or remote chunk: the later `<script>`
 * then comes from that cache, so its bytes count where they were transferred).
 */
export function isScriptRequest(type: string | undefined, url: string): boolean {
  if (type === 'Script') return true;
  if (type !== 'Prefetch' && type !== 'Other') return false;
  return /\.m?js$/.test(new URL(url).pathname);
}

interface PendingScript {
  url: string;
  status: number;
  fromCache: boolean;
  bytes: number | null;
}

/** Collects the Script requests of one navigation through CDP. */
class ScriptRecorder {
  private readonly pending = new Map<string, PendingScript>();
  /** Chromium reports a cache hit before the response it belongs to. */
  private readonly servedFromCache = new Set<string>();
  private readonly inFlight = new Set<string>();
  private lastActivity = Date.now();

  constructor(private readonly session: CDPSession) {
    session.on('Network.requestWillBeSent', (event) => {
      if (!isScriptRequest(event.type, event.request.url)) return;
      this.inFlight.add(event.requestId);
      this.lastActivity = Date.now();
    });
    const ended = (requestId: string) => {
      if (this.inFlight.delete(requestId)) this.lastActivity = Date.now();
    };
    session.on('Network.loadingFailed', (event) => ended(event.requestId));
    session.on('Network.requestServedFromCache', (event) => this.servedFromCache.add(event.requestId));
    session.on('Network.responseReceived', (event) => {
      if (!isScriptRequest(event.type, event.response.url)) return;
      const { response } = event;
      const fromCache =
        this.servedFromCache.has(event.requestId) ||
        Boolean(response.fromDiskCache || response.fromPrefetchCache || response.fromServiceWorker);
      this.pending.set(event.requestId, { url: response.url, status: response.status, fromCache, bytes: null });
    });
    session.on('Network.loadingFinished', (event) => {
      const script = this.pending.get(event.requestId);
      if (script) script.bytes = event.encodedDataLength;
      ended(event.requestId);
    });
  }

  /** Resolves once no script has been requested or finished for `quietMs` (faster than Playwright's 500 ms networkidle). */
  async settled(quietMs = 250, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.inFlight.size > 0 || Date.now() - this.lastActivity < quietMs) {
      if (Date.now() > deadline) throw new Error(`scripts still loading after ${timeoutMs} ms: ${this.inFlight.size}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  reset(): void {
    this.pending.clear();
    this.servedFromCache.clear();
    this.inFlight.clear();
    this.lastActivity = Date.now();
  }

  /** The scripts so far; bodies are read (for the runtime marker) only when asked. */
  async scripts(readBodies: boolean): Promise<ScriptLoad[]> {
    const loads: ScriptLoad[] = [];
    for (const [requestId, script] of this.pending) {
      let hasRuntime = false;
      if (readBodies) {
        try {
          const { body, base64Encoded } = await this.session.send('Network.getResponseBody', { requestId });
          const text = base64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
          hasRuntime = MF_RUNTIME_MARKERS.every((marker) => text.includes(marker));
        } catch {
          // no body kept (a prefetch): the script that uses it carries the marker
        }
      }
      const bytes = script.fromCache ? 0 : (script.bytes ?? 0);
      loads.push({ url: script.url, status: script.status, bytes, fromCache: script.fromCache, hasRuntime });
    }
    return loads;
  }
}

async function visit(page: Page, url: string, recorder: ScriptRecorder, readBodies: boolean): Promise<Visit> {
  recorder.reset();
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
  await page.waitForFunction(() => (window as unknown as { __cost: { hydrated: number | null } }).__cost.hydrated !== null, null, {
    timeout: 20_000,
    polling: 50,
  });
  await recorder.settled();
  const marks = await page.evaluate(() => (window as unknown as { __cost: { fcp: number | null; cls: number; hydrated: number | null } }).__cost);
  const scripts = await recorder.scripts(readBodies);
  return {
    scripts,
    scriptBytes: scripts.reduce((sum, script) => sum + script.bytes, 0),
    networkRequests: scripts.filter((script) => !script.fromCache).length,
    fcpMs: marks.fcp,
    cls: marks.cls,
    hydratedMs: marks.hydrated,
  };
}

/** A first visit in a fresh context, then a second navigation to the same URL in it (warm HTTP cache). */
export async function measurePage(browser: Browser, url: string): Promise<PageCost> {
  const context = await browser.newContext();
  try {
    await context.addInitScript(OBSERVE);
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    await session.send('Network.enable');
    const recorder = new ScriptRecorder(session);
    const first = await visit(page, url, recorder, true);
    const repeat = await visit(page, url, recorder, false);
    // A prefetched chunk shows up twice (the prefetch, then the script from cache): one copy,
    // its bytes on the prefetch (whose body Chromium does not keep), its marker on the script.
    const runtimeUrls = new Set(first.scripts.filter((script) => script.hasRuntime).map((script) => script.url));
    return {
      first,
      repeat,
      runtimeCopies: runtimeUrls.size,
      runtimeBytes: first.scripts.filter((script) => runtimeUrls.has(script.url)).reduce((sum, script) => sum + script.bytes, 0),
    };
  } finally {
    await context.close();
  }
}
