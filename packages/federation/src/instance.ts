/**
 * This app's Module Federation instance, looked up by name in the runtime's
 * global instance list (what `getInstance` of @module-federation/runtime does).
 * Importing that package here would bundle one more copy of the runtime into
 * every page: the bundler's runtime already holds the one the page uses.
 */
import { selfName } from './apps';
import { containerName } from './registry';

export interface FederationInstance {
  name: string;
  loadRemote: <T>(id: string) => Promise<T | null>;
  registerRemotes: (remotes: { name: string; entry: string }[], options: { force: boolean }) => void;
}

export function hostInstance(): FederationInstance {
  const name = containerName(selfName);
  const federation = (globalThis as { __FEDERATION__?: { __INSTANCES__?: FederationInstance[] } }).__FEDERATION__;
  const instance = federation?.__INSTANCES__?.find((candidate) => candidate.name === name);
  if (!instance) throw new Error(`Module Federation instance "${name}" is not initialised yet.`);
  return instance;
}

export function loadRemoteModule<T>(id: string): Promise<T | null> {
  return hostInstance().loadRemote<T>(id);
}
