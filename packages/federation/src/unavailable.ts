/**
 * What a remote module resolves to when it cannot be loaded (down, 500,
 * timeout, corrupt entry): a module whose default export is marked, so
 * `federated()` and the catch-all show a fallback instead of nothing.
 */
export const UNAVAILABLE = Symbol.for('repo.federation.unavailable');

export interface UnavailableModule {
  __esModule: true;
  default: (() => null) & { [UNAVAILABLE]: string };
}

export function unavailableModule(id: string): UnavailableModule {
  const Missing = Object.assign(() => null, { [UNAVAILABLE]: id });
  return { __esModule: true, default: Missing };
}

export function isUnavailable(value: unknown): boolean {
  return typeof value === 'function' && UNAVAILABLE in value;
}
