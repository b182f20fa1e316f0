/**
 * The issues Chromium files in its Issues panel for a page (a CSP violation,
 * mixed content, …). A violation the page's code catches never reaches the
 * console, but it shows there.
 */
import type { Page } from '@playwright/test';

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
