import { describe, expect, it } from 'vitest';
import { catchAllFile, catchAllFileProblem } from './catch-all-file';

const having = (...files: string[]) => (file: string) => files.includes(file);

describe('catch-all file', () => {
  it('is optional (matching `/` too) in apps that do not own `/`, required beside the owner of `/`', () => {
    expect(catchAllFile(false)).toBe('pages/[[...federatedPath]].tsx');
    expect(catchAllFile(true)).toBe('pages/[...federatedPath].tsx');
  });

  it('accepts the file that fits the app', () => {
    expect(catchAllFileProblem('shop', false, having('pages/[[...federatedPath]].tsx'))).toBeNull();
    expect(catchAllFileProblem('home', true, having('pages/[...federatedPath].tsx'))).toBeNull();
  });

  it('says which file to rename, and why, when an app gains or loses `/`', () => {
    expect(catchAllFileProblem('shop', false, having('pages/[...federatedPath].tsx'))).toBe(
      'apps/shop/pages/[...federatedPath].tsx: rename it to pages/[[...federatedPath]].tsx: "shop" does not own "/" (federation.routes), so its catch-all must also match "/" to serve the owner\'s page there.',
    );
    expect(catchAllFileProblem('home', true, having('pages/[[...federatedPath]].tsx'))).toMatch(
      /^apps\/home\/pages\/\[\[\.\.\.federatedPath\]\]\.tsx: rename it to pages\/\[\.\.\.federatedPath\]\.tsx: "home" owns "\/"/,
    );
  });

  it('names the missing file and its one line, and a second file to delete', () => {
    expect(catchAllFileProblem('shop', false, having())).toContain("add pages/[[...federatedPath]].tsx with `export { default } from '@repo/federation/catch-all';`");
    expect(catchAllFileProblem('shop', false, having('pages/[[...federatedPath]].tsx', 'pages/[...federatedPath].tsx'))).toBe(
      'apps/shop has both pages/[[...federatedPath]].tsx and pages/[...federatedPath].tsx: delete pages/[...federatedPath].tsx.',
    );
  });
});
