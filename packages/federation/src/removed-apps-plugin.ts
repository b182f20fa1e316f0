/**
 * Lets an app build after another app's folder is removed: an import of
 * `<name>/<module>` where `<name>` is neither a registered app nor an installed
 * package resolves to a stub that renders the remote fallback, with a warning.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Compiler } from 'webpack';

const REMOTE_REQUEST = /^([a-z][a-z0-9_]*)\/[a-z0-9][a-z0-9-]*$/;
export const REMOVED_APP_MODULE = path.join(__dirname, 'removed-app.tsx');

export function isUnknownRemoteRequest(request: string, containers: Set<string>, isPackage: (name: string) => boolean): boolean {
  const match = REMOTE_REQUEST.exec(request);
  if (!match) return false;
  const scope = match[1] as string;
  return !containers.has(scope) && !isPackage(scope);
}

export class RemovedAppsPlugin {
  constructor(
    private readonly containers: Set<string>,
    private readonly appDir: string,
  ) {}

  private isPackage = (name: string): boolean => {
    for (let dir = this.appDir; ; dir = path.dirname(dir)) {
      if (existsSync(path.join(dir, 'node_modules', name))) return true;
      if (path.dirname(dir) === dir) return false;
    }
  };

  apply(compiler: Compiler): void {
    const warned = new Set<string>();
    compiler.hooks.normalModuleFactory.tap('RemovedAppsPlugin', (factory) => {
      factory.hooks.beforeResolve.tap('RemovedAppsPlugin', (data) => {
        if (!isUnknownRemoteRequest(data.request, this.containers, this.isPackage)) return;
        if (!warned.has(data.request)) {
          warned.add(data.request);
          console.warn(`[federation] "${data.request}" names no app in apps/: it will render a fallback.`);
        }
        data.request = REMOVED_APP_MODULE;
      });
    });
  }
}
