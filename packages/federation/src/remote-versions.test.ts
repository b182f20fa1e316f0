import { describe, expect, it } from 'vitest';
import { versionedEntry, versionsFromHeader } from './remote-versions';

describe('versionsFromHeader', () => {
  it('reads the proxy’s versions, null for a remote that does not answer', () => {
    expect(versionsFromHeader('{"shop":"B1","checkout":null}')).toEqual({ shop: 'B1', checkout: null });
  });

  it('treats a missing or unreadable header as no versions', () => {
    expect(versionsFromHeader(undefined)).toBeNull();
    expect(versionsFromHeader(['{}', '{}'])).toBeNull();
    expect(versionsFromHeader('not json')).toBeNull();
    expect(versionsFromHeader('[1,2]')).toBeNull();
    expect(versionsFromHeader('{"shop":42}')).toEqual({ shop: null });
  });
});

describe('versionedEntry', () => {
  const entry = 'http://localhost:3002/_next/static/chunks/remoteEntry.js';

  it('names the version so the URL changes with every build', () => {
    expect(versionedEntry(entry, 'xYz_1-2')).toBe(`${entry}?t=xYz_1-2`);
  });

  it('escapes a version that is an ETag', () => {
    expect(versionedEntry(entry, 'W/"a-1"')).toBe(`${entry}?t=W%2F%22a-1%22`);
  });

  it('leaves the entry alone when the version is unknown', () => {
    expect(versionedEntry(entry, null)).toBe(entry);
    expect(versionedEntry(entry, undefined)).toBe(entry);
  });
});
