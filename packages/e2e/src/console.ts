import type { ConsoleMessage, Page } from '@playwright/test';

/** Collects console errors, warnings and uncaught exceptions of a page. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`${message.type()}: ${message.text()} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

/**
 * Waits until React has hydrated every element of the page, remote parts
 * included: the shell marks <html> when the app has hydrated, but a remote
 * part (a Suspense boundary) hydrates only once its code has arrived and run,
 * and a click on it before then is a plain link (a full page load). An element
 * React has hydrated carries its fiber; the same test as `pnpm bench:cost`'s.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.getElementById('__next');
    const hydrated = (element: Element) => Object.keys(element).some((key) => key.startsWith('__reactFiber$'));
    return root !== null && document.documentElement.dataset.hydrated === 'true' && [...root.querySelectorAll('*')].every(hydrated);
  });
  await page.waitForLoadState('networkidle');
}
