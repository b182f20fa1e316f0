/**
 * Spellings of a server-code path (`/_next/static/ssr/...`) that a client may
 * send hoping the proxy's guard reads them differently from Next, which
 * decodes and normalises the path before serving a static file. Shared so the
 * end-to-end sweep covers the same categories as the guard's unit tests.
 */
import fc from 'fast-check';

export const SERVER_CODE_PREFIX = '/_next/static/ssr/';

const hex = (char: string) => char.charCodeAt(0).toString(16).padStart(2, '0');
const upper = (char: string) => `%${hex(char).toUpperCase()}`;
const lower = (char: string) => `%${hex(char).toLowerCase()}`;
const double = (char: string) => `%25${hex(char).toUpperCase()}`;

/** The path with the character at `index` replaced by `spelling(char)`. */
function respell(path: string, index: number, spelling: (char: string) => string): string {
  return path.slice(0, index) + spelling(path.charAt(index)) + path.slice(index + 1);
}

/** Hostile spellings of `/_next/static/ssr/<file>`, one category per block. */
export function hostileSpellings(file: string): string[] {
  const canonical = `${SERVER_CODE_PREFIX}${file}`;
  const after = (segment: string) => `${segment}/${file}`;
  const spellings: string[] = [];

  // Each character of "/_next/static/ssr" percent-encoded, upper and lower case hex, and double-encoded.
  for (let index = 0; index < SERVER_CODE_PREFIX.length - 1; index += 1) {
    spellings.push(respell(canonical, index, upper), respell(canonical, index, lower), respell(canonical, index, double));
  }
  spellings.push(
    // Several layers of encoding.
    after('/_next/static/%25%37%33sr'),
    after('/_next/static/%252573sr'),
    after('/_next/static%252fssr'),
    after(`/_next/static/${[...'ssr'].map(upper).join('')}`),
    [...canonical].map((char) => (char === '/' ? char : upper(char))).join(''),
    // Repeated slashes.
    `//_next/static/ssr/${file}`,
    after('/_next//static/ssr'),
    after('/_next/static//ssr'),
    `/_next/static/ssr//${file}`,
    `//localhost/_next/static/ssr/${file}`,
    // Dot segments, literal and encoded, reaching the folder from elsewhere.
    after('/./_next/static/ssr'),
    after('/_next/./static/./ssr'),
    after('/_next/static/chunks/../ssr'),
    after('/shop/../_next/static/ssr'),
    after('/shop/..%2f_next/static/ssr'),
    after('/shop/..%2F_next/static/ssr'),
    after('/_next/static/chunks/%2e%2e/ssr'),
    after('/_next/static/chunks/%2E%2E/ssr'),
    after('/_next/static/chunks/.%2e/ssr'),
    after('/_next/static/chunks/%2e./ssr'),
    after('/_next/static/chunks/%252e%252e/ssr'),
    after('/_next/static/chunks/%2e%2e%2fssr'),
    after('/_next/static/%2e/ssr'),
    `/_next/static/ssr/x/../${file}`,
    // Backslashes, literal and encoded.
    `/_next\\static\\ssr\\${file}`,
    `\\_next/static/ssr/${file}`,
    after('/_next/static\\ssr'),
    after('/_next/static%5cssr'),
    after('/_next/static%5Cssr'),
    after('/_next/static/chunks\\..\\ssr'),
    after('/_next/static/chunks%5c..%5cssr'),
    // `;` parameters, which some normalisers drop from a segment.
    after('/_next/static/ssr;x=1'),
    after('/_next;/static/ssr'),
    after('/_next/static/chunks/..;/ssr'),
    after('/_next/static/ssr%3b'),
    // Trailing dots and spaces, which Windows-minded normalisers drop.
    after('/_next/static/ssr.'),
    after('/_next/static/ssr%2e'),
    after('/_next/static/ssr%20'),
    after('/_next/static/ssr..'),
    // Overlong UTF-8 for "/", "\", "." and "s" (a strict decoder refuses them, a naive one does not).
    after('/_next/static%c0%afssr'),
    after('/_next/static%C0%AFssr'),
    after('/_next/static%e0%80%afssr'),
    after('/_next/static%f0%80%80%afssr'),
    after('/_next/static%c1%9cssr'),
    after('/_next/static/chunks/%c0%ae%c0%ae/ssr'),
    after('/_next/static/%c1%b3sr'),
    // Mixed case, for case-insensitive file systems.
    after('/_next/static/SSR'),
    after('/_next/static/Ssr'),
    after('/_NEXT/STATIC/SSR'),
    // Through the data routes.
    after('/_next/data/x/../../_next/static/ssr'),
    after('/_next/data/x/%2e%2e/%2e%2e/_next/static/ssr'),
    after('/_next/data/%2e%2e/static/ssr'),
    // Query, fragment and absolute-form request targets.
    `${canonical}?`,
    `${canonical}?t=1`,
    `${canonical}#x`,
    after('/_next/static/ssr%3f/..'),
    after('/_next/static/ssr%23/..'),
    `http://localhost${canonical}`,
    `http://localhost:80${canonical}`,
    `HTTP://x${canonical}`,
    `http:${canonical}`,
    // Next's image optimizer fetches a local `url` itself, behind the proxy's back.
    `/_next/image?url=${encodeURIComponent(canonical)}&w=64&q=75`,
  );
  return [...new Set(spellings)];
}

/** Per character: as is, %XX, %xx or double-encoded. */
const spelledChar = (char: string) => fc.constantFrom(char, upper(char), lower(char), double(char));

/** A segment boundary left as is, doubled, or with a no-op `./` or `x/../` inserted after it. */
const spelledSlash = fc.constantFrom('/', '//', '/./', '/x/../', '/%2e/', '/x/%2e%2e/');

/** Random spellings of `path`: each character encoded or not, random no-op segments at slashes. */
export function randomSpelling(path: string): fc.Arbitrary<string> {
  const parts = [...path].map((char) => (char === '/' ? fc.oneof(spelledSlash, spelledChar(char)) : spelledChar(char)));
  // The leading slash stays literal: without it the target is not a path at all.
  return fc.tuple(...parts.slice(1)).map((chars) => `/${chars.join('')}`);
}
