import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registry } from './apps';
import { pageFile, remoteAliases } from './floor';
import { appDir } from './servers';

describe('the floor app', () => {
  it('aliases every exposed module to the exposing app\'s own file', () => {
    const aliases = remoteAliases();
    for (const app of registry) {
      for (const [key, file] of Object.entries(app.exposes)) {
        expect(aliases[`${app.name.replace(/-/g, '_')}/${key.slice(2)}$`]).toBe(path.resolve(appDir(app.name), file));
      }
    }
  });

  it('finds the page file of every route in the registry', () => {
    for (const app of registry) {
      for (const route of app.routes) expect(pageFile(app.name, route)).toMatch(new RegExp(`apps/${app.name}/pages/`));
    }
  });
});
