import { getInstance } from '@module-federation/runtime';
import { selfName } from './apps';
import { containerName } from './registry';

type Instance = NonNullable<ReturnType<typeof getInstance>>;

/**
 * This app's federation instance. Looked up by name in the global instance
 * list: the `loadRemote` export of @module-federation/runtime only knows an
 * instance its own module copy created, and the bundler's runtime may use another.
 */
export function hostInstance(): Instance {
  const name = containerName(selfName);
  const instance = getInstance((candidate) => candidate.name === name);
  if (!instance) throw new Error(`Module Federation instance "${name}" is not initialised yet.`);
  return instance;
}

export function loadRemoteModule<T>(id: string): Promise<T | null> {
  return hostInstance().loadRemote<T>(id);
}
