import { expect, test } from '@playwright/test';
import { registry, routes } from '../src/apps';
import { Fleet } from '../src/fleet';
import { waitFor } from '../src/servers';

interface Health {
  settled: boolean;
  remotes: Record<string, { ok: boolean; renders: 'remote' | 'fallback' | null }>;
}

// All three apps started at the same moment: each waits for the others.
const fleet = new Fleet({ checkout: 5000, home: 5001, shop: 5002 });

async function health(name: string): Promise<{ status: number; body: Health }> {
  const response = await fetch(`${fleet.url(name)}/api/health`);
  return { status: response.status, body: (await response.json()) as Health };
}

test.describe.serial('health tells what the serving worker renders', () => {
  test.describe.configure({ timeout: 180_000 });

  test.afterAll(async () => {
    await fleet.stopAll();
  });

  test('started together, an app says settled only once its pages render every remote', async () => {
    fleet.startAll();
    const pending = new Set(registry.map((app) => app.name));
    const deadline = Date.now() + 90_000;
    while (pending.size > 0 && Date.now() < deadline) {
      for (const name of [...pending]) {
        const { body } = await health(name).catch(() => ({ body: { settled: false, remotes: {} } as Health }));
        // Settled with a remote still down is honest (it renders that remote's fallback); wait for all up.
        if (!body.settled || !Object.values(body.remotes).every((remote) => remote.ok)) continue;
        // The moment it says settled with every remote up, every route must show the real remote parts.
        for (const route of routes) {
          const html = await (await fetch(`${fleet.url(name)}${route.path}`)).text();
          expect(html, `${name} ${route.path} right after settled`).toContain(route.heading);
          expect(html, `${name} ${route.path} right after settled`).not.toContain('data-remote-fallback');
        }
        expect(Object.keys(body.remotes).sort(), `${name}'s remotes`).toEqual(registry.filter((app) => app.name !== name).map((app) => app.name).sort());
        for (const [remote, state] of Object.entries(body.remotes)) {
          expect(state.renders, `${name} renders ${remote}`).toBe('remote');
        }
        pending.delete(name);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect([...pending], 'apps that never settled').toEqual([]);
  });

  test('a remote that is down: readiness stays 200, the remote is reported as rendered by its fallback', async () => {
    await fleet.stop('checkout');
    const body = await waitFor(
      `${fleet.url('home')}/api/health`,
      (status, text) => {
        const state = JSON.parse(text) as Health;
        // Right after the stop the worker still renders checkout's parts from memory; past
        // FEDERATION_DOWN_AFTER_MS a fresh worker renders the fallback, and says so.
        return status === 200 && state.settled && state.remotes.checkout?.ok === false && state.remotes.checkout.renders === 'fallback';
      },
      30_000,
    );
    expect(JSON.parse(body)).toMatchObject({ remotes: { checkout: { ok: false, renders: 'fallback' } } });
    expect((await health('home')).status).toBe(200);
    expect(await (await fetch(`${fleet.url('home')}/`)).text()).toContain('data-remote-fallback="Cart"');

    await fleet.restart('checkout');
    await waitFor(
      `${fleet.url('home')}/api/health`,
      (_, text) => {
        const state = JSON.parse(text) as Health;
        return state.settled && state.remotes.checkout?.renders === 'remote';
      },
      30_000,
    );
  });
});
