import { expect, test } from '@playwright/test';
import { registry, routes } from '../src/apps';
import { waitUntilSettled } from '../src/settled';

test.beforeAll(async () => waitUntilSettled());

for (const app of registry) {
  test(`${app.name} answers /api/health with its version and every remote's state`, async ({ request }) => {
    const response = await request.get(`${app.url}/api/health`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/json');
    const body = await response.json();
    expect(body.app).toBe(app.name);
    expect(typeof body.version).toBe('string');
    expect(body.version.length).toBeGreaterThan(0);
    const others = registry.filter((other) => other.name !== app.name).map((other) => other.name);
    expect(Object.keys(body.remotes).sort()).toEqual(others.sort());
    for (const remote of Object.values(body.remotes) as { ok: boolean; version: string | null; checkedAt: string }[]) {
      expect(remote.ok).toBe(true);
      expect(typeof remote.version).toBe('string');
      expect(new Date(remote.checkedAt).toISOString()).toBe(remote.checkedAt);
    }
  });

  test(`${app.name} serves its federation entries for revalidation (for good when named by its build) and hashed chunks as immutable`, async ({ request }) => {
    for (const target of ['ssr', 'chunks']) {
      for (const file of ['remoteEntry.js', 'mf-manifest.json']) {
        const response = await request.get(`${app.url}/_next/static/${target}/${file}`);
        expect(response.status(), `${target}/${file}`).toBe(200);
        expect(response.headers()['cache-control'], `${target}/${file}`).toBe('no-cache');
        expect(response.headers()['etag'], `${target}/${file}`).toBeTruthy();
      }
    }
    // Named by the build that serves it (what hosts put in their pages), an entry is kept for good.
    const build = (await (await request.get(`${app.url}/api/health`)).json()).version as string;
    const named = await request.get(`${app.url}/_next/static/chunks/remoteEntry.js?t=${build}`);
    expect(named.headers()['x-federation-build']).toBe(build);
    expect(named.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    const stale = await request.get(`${app.url}/_next/static/chunks/remoteEntry.js?t=${build}x`);
    expect(stale.headers()['cache-control'], 'an entry named by another build').toBe('no-cache');
    // The same file spelled otherwise (Next decodes the path) never gets Next's year-long cache.
    const escaped = await request.get(`${app.url}/_next/static/chunks/%72emoteEntry.js`);
    expect(escaped.status()).toBe(200);
    expect(escaped.headers()['cache-control'], 'an escaped spelling of the entry').toBe('no-cache');
    const manifest = await (await request.get(`${app.url}/_next/static/chunks/mf-manifest.json`)).json();
    const hashed = JSON.stringify(manifest).match(/static\/chunks\/[^"]+[.-][0-9a-f]{16}\.js/)?.[0];
    expect(hashed, 'a content-hashed chunk in the manifest').toBeTruthy();
    const chunk = await request.get(`${app.url}/_next/${hashed}`);
    expect(chunk.status()).toBe(200);
    expect(chunk.headers()['cache-control']).toContain('immutable');
  });
}

/**
 * The policy runs an inline script only with the nonce: each one the document writes must carry it (files
 * come from the origins the policy names, and `__NEXT_DATA__` is JSON, not run).
 */
function expectInlineScriptsCarry(html: string, nonce: string, label: string): void {
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)(?![^>]*type="application\/json")[^>]*>/g)];
  expect(inline.length, `${label}: inline scripts in the document`).toBeGreaterThan(0);
  for (const [tag] of inline) expect(tag, label).toContain(`nonce="${nonce}"`);
}

test('documents carry a Content-Security-Policy naming exactly the registered origins, with a fresh nonce', async ({ request }) => {
  const origins = registry.map((app) => app.url).sort().join(' ');
  const nonces = new Set<string>();
  // Each app twice: a nonce fixed at start would differ between apps but repeat within one.
  for (const app of [...registry, ...registry]) {
    const response = await request.get(`${app.url}/shop`);
    const policy = response.headers()['content-security-policy'] ?? '';
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1] ?? '';
    expect(nonce.length, 'a nonce in the policy').toBeGreaterThan(15);
    expect(policy).toContain(`script-src 'self' 'nonce-${nonce}' ${origins};`);
    expect(policy).toContain(`connect-src 'self' ${origins};`);
    expectInlineScriptsCarry(await response.text(), nonce, `${app.name} /shop`);
    nonces.add(nonce);
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    expect(response.headers()['x-frame-options']).toBe('DENY');
    expect(response.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
  }
  expect(nonces.size).toBe(2 * registry.length);
});

test("every document's inline scripts carry its nonce: every route on every app, spelled otherwise, and a missing page", async ({ request }) => {
  const paths = [...routes.map((route) => route.path), '/p/enamel%2Dmug', '/no-such-page'];
  for (const app of registry) {
    for (const path of paths) {
      const response = await request.get(`${app.url}${path}`);
      expect(response.status(), `${app.name} ${path}`).toBe(path === '/no-such-page' ? 404 : 200);
      const nonce = /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1] ?? '';
      expect(nonce.length, `${app.name} ${path}: a nonce in the policy`).toBeGreaterThan(15);
      expectInlineScriptsCarry(await response.text(), nonce, `${app.name} ${path}`);
    }
  }
});
