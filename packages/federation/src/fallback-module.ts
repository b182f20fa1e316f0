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

/**
 * `used` is called whenever a render uses the fallback (its component renders, or one of its
 * functions is called): a fallback cached where the host did not drop it still reports itself,
 * so the host retries (dev) or replaces its worker (production) instead of serving it for good.
 */
export function fallbackModule(id: string, used: () => void = () => undefined): FallbackModule {
  const Fallback = Object.assign(
    () => {
      used();
      return null;
    },
    { [FALLBACK_MARK]: id },
  );
  const failover: FallbackModule = { __esModule: true, default: Fallback };
  // Any other export (an API client's functions) throws a clear error, not "x is not a function".
  return new Proxy(failover, {
    get(target, key) {
      if (typeof key === 'symbol' || key in target || key === 'then') return Reflect.get(target, key);
      return () => {
        used();
        throw new RemoteDownError(id, 'its code did not load');
      };
    },
  });
}

export function isFallbackModule(value: unknown): boolean {
  return typeof value === 'function' && FALLBACK_MARK in value;
}
