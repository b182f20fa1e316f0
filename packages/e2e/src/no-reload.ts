import type { Page } from '@playwright/test';

/** Marks the window: if the mark survives a click, the page did not reload. */
export async function markWindow(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { __noReload: true }));
}

export async function stillSameWindow(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload === true);
}
