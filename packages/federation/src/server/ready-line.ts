/**
 * One "ready: home, shop, checkout" line for the whole set of apps. Each app
 * runs its own supervisor, so the app that owns `/` speaks for all: once it
 * is settled, it asks the others' health and prints the line when every app
 * is settled, and again after the set was unsettled (a remote restarted).
 */
import type { Origins } from '../origins';
import type { AppEntry } from '../registry';

async function isSettled(origin: string): Promise<boolean> {
  try {
    const response = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(1_000) });
    return response.ok && ((await response.json()) as { settled?: boolean }).settled === true;
  } catch {
    return false;
  }
}

/** Returns a check to run after every poll, told whether this app is settled. */
export function announceReadyOnce(print: (line: string) => void, apps: AppEntry[], origins: Origins): (selfSettled: boolean) => Promise<void> {
  let announced = false;
  let checking = false;
  return async (selfSettled) => {
    if (!selfSettled) {
      announced = false;
      return;
    }
    if (checking || announced) return;
    checking = true;
    try {
      const all = await Promise.all(apps.map((app) => isSettled(origins[app.name] as string)));
      const ready = all.every(Boolean);
      if (ready) print(`ready: ${apps.map((app) => app.name).join(', ')}`);
      announced = ready;
    } finally {
      checking = false;
    }
  };
}
