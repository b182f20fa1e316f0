/**
 * What a remote module resolves to when it cannot be loaded (down, 500,
 * timeout, corrupt entry): a module whose default export is marked, so
 * `federated()` and the catch-all show a fallback instead of nothing.
 */
import { RemoteUnavailableError } from './runtime/remote-state';

export const UNAVAILABLE = Symbol.for('repo.federation.unavailable');

export interface UnavailableModule {
  __esModule: true;
  default: (() => null) & { [UNAVAILABLE]: string };
}

export function unavailableModule(id: string): UnavailableModule {
  const Missing = Object.assign(() => null, { [UNAVAILABLE]: id });
  const failover: UnavailableModule = { __esModule: true, default: Missing };
  // Any other export (an API client's functions) throws a clear error, not "x is not a function".
  return new Proxy(failover, {
    get(target, key) {
      if (typeof key === 'symbol' || key in target || key === 'then') return Reflect.get(target, key);
      return () => {
        throw new RemoteUnavailableError(id, 'its code did not load');
      };
    },
  });
}

export function isUnavailable(value: unknown): boolean {
  return typeof value === 'function' && UNAVAILABLE in value;
}
