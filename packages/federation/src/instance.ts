/**
 * This app's Module Federation instance, looked up by name in the runtime's
 * global instance list (what `getInstance` of @module-federation/runtime does).
 * Importing that package here would bundle one more copy of the runtime into
 * every page: the bundler's runtime already holds the one the page uses.
 */
import { selfName } from './runtime-registry';
import { containerName } from './registry';

export interface FederationInstance {
  name: string;
  options: { remotes: { name: string }[] };
  loadRemote: <T>(id: string) => Promise<T | null>;
  registerRemotes: (remotes: { name: string; entry: string }[], options: { force: boolean }) => void;
}

/** Every instance of this page or process: the host's, and one per container whose code it runs. */
export function federationInstances(): FederationInstance[] {
  const federation = (globalThis as { __FEDERATION__?: { __INSTANCES__?: FederationInstance[] } }).__FEDERATION__;
  return federation?.__INSTANCES__ ?? [];
}

export function hostInstance(): FederationInstance {
  const name = containerName(selfName);
  const instance = federationInstances().find((candidate) => candidate.name === name);
  if (!instance) throw new Error(`Module Federation instance "${name}" is not initialised yet.`);
  return instance;
}

export function loadRemoteModule<T>(id: string): Promise<T | null> {
  return hostInstance().loadRemote<T>(id);
}
