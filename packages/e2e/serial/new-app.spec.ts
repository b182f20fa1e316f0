import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { titleFor } from '@repo/federation/app-name';
import { discoverApps } from '@repo/federation/discover';
import { originEnvVar } from '@repo/federation/origins';
import { parseAllDocuments } from 'yaml';
import { repoRoot } from '../src/apps';
import { waitForHydration, watchConsole } from '../src/console';
import { markWindow, stillSameWindow } from '../src/no-reload';
import { originsEnv, startApp, type RunningApp } from '../src/servers';
import { waitUntilSettled } from '../src/settled';
import { run, treeState } from '../src/shell';

const name = `probe-${Date.now().toString(36)}`;
const title = titleFor(name);
const lockfile = path.join(repoRoot, 'pnpm-lock.yaml');
const sharedManifest = path.join(repoRoot, 'deploy/k8s/shared.yaml');
const BASE_PORT = 5100;

// A page of the generated app whose own code throws: a bug, which no host may dress up as an outage.
const brokenRoute = `/${name}-broken`;
const brokenPage = `export default function Broken() {
  return null;
}

Broken.getInitialProps = async (): Promise<Record<string, never>> => {
  const settings = undefined as unknown as { theme: { name: string } };
  return { theme: settings.theme.name } as never;
};
`;

function addBrokenPage(): void {
  const dir = path.join(repoRoot, 'apps', name);
  const pkgFile = path.join(dir, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  pkg.federation.routes.push(brokenRoute);
  writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
  writeFileSync(path.join(dir, 'pages', `${name}-broken.tsx`), brokenPage);
}

test.describe('pnpm new-app', () => {
  test.describe.configure({ mode: 'serial' });
  const running: RunningApp[] = [];
  const treeBefore = treeState();
  const lockBefore = readFileSync(lockfile, 'utf8');
  const sharedBefore = readFileSync(sharedManifest, 'utf8');

  test.afterAll(async () => {
    await Promise.all(running.map((app) => app.stop()));
    rmSync(path.join(repoRoot, 'apps', name), { recursive: true, force: true });
    rmSync(path.join(repoRoot, 'deploy/k8s', `${name}.yaml`), { force: true });
    writeFileSync(sharedManifest, sharedBefore);
    writeFileSync(lockfile, lockBefore);
    try {
      run('pnpm', ['install', '--prefer-offline']);
    } finally {
      // Even when the install failed: the suites after this one need builds of the registry as it was.
      run('pnpm', ['build']); // turbo restores the previous builds from its cache
    }
    expect(treeState()).toBe(treeBefore);
  });

  test('refuses bad names and writes nothing', () => {
    for (const bad of ['Bad_Name', 'shop', 'api', '1st']) {
      let failure = '';
      try {
        run('pnpm', ['--silent', 'new-app', bad]);
      } catch (error) {
        failure = String((error as { stderr?: string }).stderr);
      }
      expect(failure).toMatch(/federation: /);
      expect(treeState()).toBe(treeBefore);
    }
  });

  test('a generated app is served, with its data, by every app and linked in every nav', async ({ browser }) => {
    console.log(run('pnpm', ['new-app', name]));
    const registry = discoverApps(repoRoot);
    expect(registry.map((app) => app.name)).toContain(name);
    // Deployable as it stands: its manifest (the one every app has; schema-checked by deploy.test.ts) and its origin.
    const manifest = parseAllDocuments(readFileSync(path.join(repoRoot, 'deploy/k8s', `${name}.yaml`), 'utf8'));
    expect(manifest.map((doc) => doc.get('kind'))).toEqual(['Deployment', 'Service']);
    expect(manifest.map((doc) => doc.getIn(['metadata', 'name']))).toEqual([name, name]);
    expect(readFileSync(sharedManifest, 'utf8')).toContain(`${originEnvVar(name)}: https://${name}.example.com`);
    addBrokenPage();
    run('pnpm', ['build']);

    const ports = Object.fromEntries(registry.map((app, index) => [app.name, BASE_PORT + index]));
    for (const app of registry) running.push(startApp(app.name, { mode: 'start', port: ports[app.name] as number, env: originsEnv(ports) }));
    await waitUntilSettled(running.map((app) => app.url));

    const noScript = await browser.newContext({ javaScriptEnabled: false });
    for (const host of running) {
      const page = await noScript.newPage();
      const response = await page.goto(`${host.url}/${name}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expect(page.getByTestId(`${name}-card`)).toHaveText(`Served by the ${name} app, rendered wherever you are.`);
      await expect(page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: title })).toHaveAttribute('href', `/${name}`);
    }
    await noScript.close();

    for (const host of running.filter((app) => app.name !== name)) {
      const page = await browser.newPage();
      const problems = watchConsole(page);
      await page.goto(`${host.url}/`);
      await waitForHydration(page);
      await markWindow(page);
      await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: title }).click();
      await expect(page).toHaveURL(`${host.url}/${name}`);
      await expect(page.getByTestId(`${name}-card`)).toBeVisible();
      expect(await stillSameWindow(page)).toBe(true);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  test("an exception in the owner page's own code answers 500 everywhere, not a fallback", async () => {
    // Served by the apps the first test started: the generated one and every other.
    expect(running.map((host) => host.name), 'the apps this file started').toContain(name);
    expect(running.length, 'the apps this file started').toBeGreaterThan(1);
    for (const host of running) {
      const response = await fetch(`${host.url}${brokenRoute}`);
      const html = await response.text();
      expect(response.status, host.name).toBe(500);
      expect(html, host.name).not.toContain('data-remote-fallback');
      if (host.name !== name) {
        // Logged with the owner app and its route, where the host's operators look.
        expect(host.output(), host.name).toContain(`[federation] ${name} page ${brokenRoute} threw at ${brokenRoute}`);
      }
    }
  });
});
