/**
 * What a raw request target means once some layer behind the proxy has decoded
 * and normalised it. Next decodes the path (decodeURIComponent) before it looks
 * up a file under /_next/static/, `send` decodes again, other servers and
 * proxies collapse `//`, turn `\` into `/`, resolve dot segments or drop
 * `;params`. A guard that reads the raw path sees a different file than the one
 * served, so it reads this canonical form instead, which errs towards the most
 * forgiving interpretation any of those layers could take.
 */

/** More layers of encoding than this are an attack, not a file name. */
const MAX_DECODE_ROUNDS = 8;

/** The path part of a request target: no query or fragment, no `scheme://authority` of an absolute-form target. */
export function pathOf(target: string): string {
  const path = target.split(/[?#]/, 1)[0] ?? '';
  // Node hands absolute-form targets (`GET http://host/path`) through as they are; Next still finds the path in them.
  return path.replace(/^[a-z][a-z0-9+.-]*:(\/\/[^/\\]*)?/i, '');
}

/**
 * One lenient round of percent-decoding: every `%XX` becomes its byte (as a
 * latin1 character), and overlong UTF-8 forms (`%c0%af` for `/`) become the
 * character a naive decoder would make of them. Never throws, unlike
 * decodeURIComponent, so a malformed escape cannot hide what follows it.
 */
function decodeOnce(path: string): string {
  return path
    .replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/[\xc0-\xc1][\x80-\xbf]|\xe0[\x80-\x9f][\x80-\xbf]|\xf0[\x80-\x8f][\x80-\xbf]{2}/g, (bytes) => {
      const lead = bytes.charCodeAt(0);
      const mask = lead >= 0xf0 ? 0x07 : lead >= 0xe0 ? 0x0f : 0x1f;
      let code = lead & mask;
      for (const byte of bytes.slice(1)) code = (code << 6) | (byte.charCodeAt(0) & 0x3f);
      return String.fromCharCode(code);
    });
}

/** Decoded until stable (double encoding), or null if it is still changing after MAX_DECODE_ROUNDS. */
export function decodeFully(path: string): string | null {
  let current = path;
  for (let round = 0; round < MAX_DECODE_ROUNDS; round += 1) {
    const next = decodeOnce(current);
    if (next === current) return current;
    current = next;
  }
  return null;
}

/**
 * The file a decoded path may reach: `\` as `/`, `;params` dropped, empty
 * segments collapsed, dot segments resolved, trailing dots and spaces dropped
 * (as Windows does), lower-cased (as case-insensitive file systems match).
 */
export function canonicalPath(decoded: string): string {
  const segments: string[] = [];
  for (const raw of decoded.replace(/\\/g, '/').split('/')) {
    const segment = (raw.split(';', 1)[0] ?? '').trimEnd();
    if (segment === '..') segments.pop();
    else if (segment !== '.') {
      const name = segment.replace(/[.\s]+$/, '');
      if (name) segments.push(name);
    }
  }
  return `/${segments.join('/')}`.toLowerCase();
}

/**
 * Escapes no client has a reason to send in a path Next serves: encodeURIComponent
 * leaves letters, digits and `-._~` alone, and an escaped `/`, `\`, `%`, `;` or
 * control character only means something to a layer that decodes before it splits.
 * Escaped brackets, spaces and the like stay allowed: Next's own chunk URLs use them.
 */
function isNeedlessEscape(byte: number): boolean {
  return byte < 0x20 || byte === 0x7f || /[\w\-.~/\\%;]/.test(String.fromCharCode(byte));
}

/** Shapes of a raw path that layers disagree on, so it never is a spelling a browser needs. */
const AMBIGUOUS = [
  /^[^/]/, // not origin-form (absolute-form, `*`)
  /[^\x21-\x7e]/, // whitespace, control characters, raw non-ASCII bytes
  /[\\;]/, // a separator to some layers, `;params` to others
  /\/\//, // collapsed by some layers, redirected by Next
  /(^|\/)\.\.?(\/|$)/, // dot segments
  /%(?![0-9a-f]{2})/i, // a stray `%`, which decoders handle each their own way
];

/** Whether a raw target is spelled the one way a browser or Next itself would spell it. */
export function isPlainSpelling(target: string): boolean {
  const path = target.split(/[?#]/, 1)[0] ?? '';
  if (AMBIGUOUS.some((pattern) => pattern.test(path))) return false;
  for (const [, hex] of path.matchAll(/%([0-9a-f]{2})/gi)) {
    const byte = parseInt(hex ?? '', 16);
    if (isNeedlessEscape(byte)) return false;
  }
  try {
    // Multi-byte escapes must be valid UTF-8: overlong and truncated forms are how `/` gets smuggled.
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
