/**
 * What a page costs the user, as Chromium sees it: script bytes that came over
 * the network (not from the cache), layout shifts while it loads, and the
 * issues Chromium files in its Issues panel (a CSP violation a page catches
 * never reaches the console, but shows there).
 */
import type { CDPSession, Page } from '@playwright/test';

export interface ScriptTransfer {
  /** Script bytes transferred (compressed, headers included) since the watch began. */
  bytes: number;
  /** Script responses that came over the network. */
  fromNetwork: string[];
}

export async function watchScriptTransfer(page: Page): Promise<() => ScriptTransfer> {
  const session: CDPSession = await page.context().newCDPSession(page);
  await session.send('Network.enable');
  const scripts = new Map<string, { url: string; cached: boolean }>();
  const transfer: ScriptTransfer = { bytes: 0, fromNetwork: [] };
  const servedFromCache = new Set<string>();
  session.on('Network.requestServedFromCache', (event) => servedFromCache.add(event.requestId));
  session.on('Network.responseReceived', (event) => {
    if (event.type !== 'Script') return;
    const cached = event.response.fromDiskCache === true || servedFromCache.has(event.requestId);
    scripts.set(event.requestId, { url: event.response.url, cached });
  });
  session.on('Network.loadingFinished', (event) => {
    const script = scripts.get(event.requestId);
    if (!script || script.cached || event.encodedDataLength === 0) return;
    transfer.bytes += event.encodedDataLength;
    transfer.fromNetwork.push(script.url);
  });
  return () => ({ bytes: transfer.bytes, fromNetwork: [...transfer.fromNetwork] });
}

/** Issues Chromium reports for the page (CSP violations, mixed content, …), as short strings. */
export async function watchIssues(page: Page): Promise<string[]> {
  const session = await page.context().newCDPSession(page);
  const issues: string[] = [];
  session.on('Audits.issueAdded', ({ issue }) => {
    const details = JSON.stringify(issue.details);
    issues.push(`${issue.code}: ${details.length > 300 ? `${details.slice(0, 300)}…` : details}`);
  });
  await session.send('Audits.enable');
  return issues;
}

declare global {
  interface Window {
    __layoutShift?: { total: number; sources: string[] };
  }
}

/** Starts summing the page's layout shifts (Cumulative Layout Shift, without user input) before it loads. */
export async function watchLayoutShift(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shift = (window.__layoutShift = { total: 0, sources: [] as string[] });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources?: { node?: Node | null }[];
      })[]) {
        if (entry.hadRecentInput) continue;
        shift.total += entry.value;
        for (const source of entry.sources ?? []) {
          const node = source.node as Element | null | undefined;
          shift.sources.push(node ? `${node.nodeName.toLowerCase()}.${String(node.className ?? '')}` : '?');
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

export async function layoutShift(page: Page): Promise<{ total: number; sources: string[] }> {
  return page.evaluate(() => window.__layoutShift ?? { total: 0, sources: [] });
}
