/**
 * What a remote module resolves to when it cannot be loaded (down, 500,
 * timeout, corrupt entry): a module whose default export is marked, so
 * `federated()` and the catch-all show a fallback instead of nothing.
 */
import { RemoteDownError } from './runtime/remote-state';

export const FALLBACK_MARK = Symbol.for('repo.federation.fallback');

export interface FallbackModule {
  __esModule: true;
  default: (() => null) & { [FALLBACK_MARK]: string };
}

export function fallbackModule(id: string): FallbackModule {
  const Fallback = Object.assign(() => null, { [FALLBACK_MARK]: id });
  const failover: FallbackModule = { __esModule: true, default: Fallback };
  // Any other export (an API client's functions) throws a clear error, not "x is not a function".
  return new Proxy(failover, {
    get(target, key) {
      if (typeof key === 'symbol' || key in target || key === 'then') return Reflect.get(target, key);
      return () => {
        throw new RemoteDownError(id, 'its code did not load');
      };
    },
  });
}

export function isFallbackModule(value: unknown): boolean {
  return typeof value === 'function' && FALLBACK_MARK in value;
}
