import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isServerCodePath } from '../origins';
import { isServerCodeRequest, mayReadServerCode } from './ssr-guard';

const ENTRY = '/_next/static/ssr/remoteEntry.js';
const hex = (char: string) => char.charCodeAt(0).toString(16).padStart(2, '0');
const upper = (char: string) => `%${hex(char).toUpperCase()}`;
const lower = (char: string) => `%${hex(char).toLowerCase()}`;
const double = (char: string) => `%25${hex(char).toUpperCase()}`;

/** ENTRY with its character at `index` spelled otherwise. */
const respelled = (index: number, spell: (char: string) => string) =>
  ENTRY.slice(0, index) + spell(ENTRY.charAt(index)) + ENTRY.slice(index + 1);

/** Every character of "/_next/static/ssr", percent-encoded in upper and lower case, and double-encoded. */
const encodedPrefixChars = [...'/_next/static/ssr'].flatMap((_, index) => [
  respelled(index, upper),
  respelled(index, lower),
  respelled(index, double),
]);

const hostile = [
  ENTRY,
  '/_next/static/ssr',
  '/_next/static/ssr/',
  `${ENTRY}?t=1`,
  `${ENTRY}#x`,
  // the reported bypasses and their relatives
  '/_next/static/%73sr/remoteEntry.js',
  '/_next/static/ss%72/remoteEntry.js',
  '/_next/static/%73%73%72/remoteEntry.js',
  '/%5F%6E%65%78%74/%73%74%61%74%69%63/%73%73%72/remoteEntry.js',
  // double and deeper encoding
  '/_next/static/%2573sr/remoteEntry.js',
  '/_next/static/%252573sr/remoteEntry.js',
  '/_next/static/%25%37%33sr/remoteEntry.js',
  '/_next/static%252fssr/remoteEntry.js',
  // repeated slashes
  '//_next/static/ssr/remoteEntry.js',
  '/_next//static/ssr/remoteEntry.js',
  '/_next/static//ssr/remoteEntry.js',
  '//localhost/_next/static/ssr/remoteEntry.js',
  // dot segments, literal and encoded, also from outside /_next/
  '/./_next/static/ssr/remoteEntry.js',
  '/_next/./static/./ssr/remoteEntry.js',
  '/_next/static/chunks/../ssr/remoteEntry.js',
  '/_next/static/chunks/%2e%2e/ssr/remoteEntry.js',
  '/_next/static/chunks/%2E%2E/ssr/remoteEntry.js',
  '/_next/static/chunks/.%2e/ssr/remoteEntry.js',
  '/_next/static/chunks/%252e%252e/ssr/remoteEntry.js',
  '/_next/static/chunks/%2e%2e%2fssr/remoteEntry.js',
  '/shop/../_next/static/ssr/remoteEntry.js',
  '/shop/..%2f_next/static/ssr/remoteEntry.js',
  '/shop/..%2F_next/static/ssr/remoteEntry.js',
  '/_next/data/x/../../_next/static/ssr/remoteEntry.js',
  '/_next/data/x/%2e%2e/%2e%2e/_next/static/ssr/remoteEntry.js',
  '/_next/data/%2e%2e/static/ssr/remoteEntry.js',
  // backslashes, literal and encoded
  '/_next\\static\\ssr\\remoteEntry.js',
  '\\_next/static/ssr/remoteEntry.js',
  '/_next/static%5cssr/remoteEntry.js',
  '/_next/static%5Cssr/remoteEntry.js',
  '/_next/static/chunks%5c..%5cssr/remoteEntry.js',
  // `;` parameters
  '/_next/static/ssr;x=1/remoteEntry.js',
  '/_next;/static/ssr/remoteEntry.js',
  '/_next/static/chunks/..;/ssr/remoteEntry.js',
  // trailing dots and spaces
  '/_next/static/ssr./remoteEntry.js',
  '/_next/static/ssr%2e/remoteEntry.js',
  '/_next/static/ssr%20/remoteEntry.js',
  '/_next/static/ssr../remoteEntry.js',
  // overlong UTF-8 for "/", "\", ".", "s", "_"
  '/_next/static%c0%afssr/remoteEntry.js',
  '/_next/static%C0%AFssr/remoteEntry.js',
  '/_next/static%e0%80%afssr/remoteEntry.js',
  '/_next/static%f0%80%80%afssr/remoteEntry.js',
  '/_next/static%c1%9cssr/remoteEntry.js',
  '/_next/static/chunks/%c0%ae%c0%ae/ssr/remoteEntry.js',
  '/_next/static/%c1%b3sr/remoteEntry.js',
  '/%c1%9fnext/static/ssr/remoteEntry.js',
  // the same overlong bytes sent raw (no `%`, no `_next` as such: the guard must still decode)
  '/\xc1\x9fnext/static/ssr/remoteEntry.js',
  '/_next/static\xc0\xafssr/remoteEntry.js',
  // mixed case
  '/_next/static/SSR/remoteEntry.js',
  '/_next/static/Ssr/remoteEntry.js',
  '/_NEXT/STATIC/SSR/remoteEntry.js',
  // absolute-form targets
  `http://localhost${ENTRY}`,
  `HTTP://x:80${ENTRY}`,
  `http:${ENTRY}`,
  // under /_next/ but spelled as no browser would, even where no decoder reaches the folder
  '/_next/static/chunks/%72emoteEntry.js',
  '/_next/static/chunks/%zz/remoteEntry.js',
  '/_next/static/chunks/%',
  '/_next/static/chunks/%00remoteEntry.js',
  '/_next/static/chunks/%ff.js',
  `/_next/static/${'%25'.repeat(12)}73sr/remoteEntry.js`,
];

const legit = [
  '/',
  '/shop',
  '/shop?sort=price&q=%2e%2e',
  '/p/enamel-mug',
  '/p/enamel%20mug',
  '/p/caf%C3%A9',
  '/api/health',
  '/_next/static/chunks/remoteEntry.js',
  '/_next/static/chunks/remoteEntry.js?t=1712345678901',
  '/_next/static/chunks/pages/p/%5Bslug%5D-0a1b2c.js',
  '/_next/static/chunks/pages/p/%5bslug%5d-0a1b2c.js',
  '/_next/static/chunks/pages/p/[slug]-0a1b2c.js',
  '/_next/static/chunks/pages/%5B...federatedPath%5D-d047d2c38c82ed11.js',
  '/_next/static/chunks/pages/[...federatedPath]-d047d2c38c82ed11.js',
  '/_next/static/css/app.css',
  '/_next/static/ssrx/remoteEntry.js',
  '/_next/static/chunks/ssr/remoteEntry.js',
  '/_next/data/build-1/p/enamel%20mug.json',
  '/_next/data/build-1/shop.json?x=../../ssr',
  '/_next/image?url=%2F_next%2Fstatic%2Fmedia%2Fmug.png&w=64&q=75',
  '/static/ssr/remoteEntry.js',
];

describe('isServerCodeRequest', () => {
  it.each([...hostile, ...encodedPrefixChars])('needs the credential for %s', (target) => {
    expect(isServerCodeRequest(target)).toBe(true);
  });

  it.each(legit)('serves %s to anyone', (target) => {
    expect(isServerCodeRequest(target)).toBe(false);
  });

  it('needs the credential for any encoding of any server code path', () => {
    const file = fc.oneof(
      fc.constantFrom('remoteEntry.js', 'mf-manifest.json', 'mf-stats.json', 'pages/shop.js', '112.js'),
      fc.stringMatching(/^[A-Za-z0-9_-]{1,12}(\/[A-Za-z0-9_-]{1,8})?\.(js|json)$/),
    );
    const char = (c: string) => fc.constantFrom(c, upper(c), lower(c), double(c));
    const slash = fc.constantFrom('/', '//', '/./', '/x/../', '/%2e/', '/x/%2e%2e/', '\\', '%5c', '%2F', '%252f');
    const spelled = file.chain((name) => {
      const parts = [...`/_next/static/ssr/${name}`].slice(1).map((c) => (c === '/' ? slash : char(c)));
      return fc.tuple(...parts).map((chars) => `/${chars.join('')}`);
    });
    fc.assert(
      fc.property(spelled, fc.constantFrom('', '?t=1', '#top'), (path, suffix) => {
        expect(isServerCodeRequest(path + suffix)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it('serves the plain spelling of any browser chunk name', () => {
    // What Next puts in its HTML: each segment through encodeURIComponent. File names never
    // hold `/`, `\`, `%`, `;` or control characters, and are never `.` or `..`.
    const name = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 16 })
      .filter((s) => !/[/\\%;]/.test(s) && !/\p{Cc}/u.test(s) && s !== '.' && s !== '..');
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 3 }), (segments) => {
        const target = `/_next/static/chunks/${segments.map(encodeURIComponent).join('/')}`;
        expect(isServerCodeRequest(target)).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('server code guard', () => {
  it('covers the ssr folder only', () => {
    expect(isServerCodePath('/_next/static/ssr/remoteEntry.js')).toBe(true);
    expect(isServerCodePath('/_next/static/chunks/remoteEntry.js')).toBe(false);
    expect(isServerCodePath('/shop')).toBe(false);
  });

  it('with a secret: only callers that present it, wherever they are', () => {
    expect(mayReadServerCode('10.0.0.7', 's3cret', 's3cret')).toBe(true);
    expect(mayReadServerCode('127.0.0.1', undefined, 's3cret')).toBe(false);
    expect(mayReadServerCode('127.0.0.1', 'wrong', 's3cret')).toBe(false);
    expect(mayReadServerCode('127.0.0.1', ['s3cret', 's3cret'], 's3cret')).toBe(false);
  });

  it('without a secret: loopback callers only', () => {
    expect(mayReadServerCode('127.0.0.1', undefined, undefined)).toBe(true);
    expect(mayReadServerCode('::1', undefined, undefined)).toBe(true);
    expect(mayReadServerCode('::ffff:127.0.0.1', undefined, undefined)).toBe(true);
    expect(mayReadServerCode('10.0.0.7', undefined, undefined)).toBe(false);
    expect(mayReadServerCode('192.168.1.20', 'anything', undefined)).toBe(false);
    expect(mayReadServerCode(undefined, undefined, undefined)).toBe(false);
  });
});
