/**
 * Watches every remote's server entry. Its build id (in production) or its
 * ETag (in dev, where it changes with every compile) is the remote's version
 * as a host sees it; no answer means the remote is down. In dev the browser
 * entry is watched too: `next dev` compiles the browser and server builds one
 * after the other, and an edit saved while one compiles can reach the server
 * build a compile before the browser's, so open pages follow the browser
 * entry's own version (see remote-events).
 */
import { BUILD_HEADER } from '../header-names';
import { remoteEntryUrl } from '../origins';

export interface RemoteStatus {
  ok: boolean;
  version: string | null;
  /** Dev: the browser entry's version (null: it did not answer). */
  browserVersion?: string | null;
  checkedAt: string;
}

export interface WatchedRemote {
  name: string;
  origin: string;
}

export type ProbeHeaders = Record<string, string>;

/** An entry's version as its response names it (the build, else its ETag or date); undefined: no answer. */
async function entryVersion(url: string, timeoutMs: number, headers: ProbeHeaders): Promise<string | null | undefined> {
  try {
    const response = await fetch(url, { method: 'HEAD', headers, signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return undefined;
    // A production remote names its build; in dev the file's ETag changes with every compile.
    return response.headers.get(BUILD_HEADER) ?? response.headers.get('etag') ?? response.headers.get('last-modified');
  } catch {
    return undefined;
  }
}

export async function probeRemote(
  origin: string,
  timeoutMs: number,
  headers: ProbeHeaders = {},
  withBrowser = false,
): Promise<RemoteStatus> {
  const checkedAt = new Date().toISOString();
  const [version, browserVersion] = await Promise.all([
    entryVersion(remoteEntryUrl(origin, 'server'), timeoutMs, headers),
    withBrowser ? entryVersion(remoteEntryUrl(origin, 'browser'), timeoutMs, {}) : undefined,
  ]);
  if (version === undefined) return { ok: false, version: null, checkedAt };
  return withBrowser ? { ok: true, version, browserVersion: browserVersion ?? null, checkedAt } : { ok: true, version, checkedAt };
}

export class RemoteWatcher {
  readonly statuses = new Map<string, RemoteStatus>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly remotes: WatchedRemote[],
    private readonly options: { intervalMs: number; timeoutMs: number; headers?: ProbeHeaders; browser?: boolean },
  ) {}

  async pollOnce(): Promise<void> {
    await Promise.all(
      this.remotes.map(async (remote) => {
        this.statuses.set(remote.name, await probeRemote(remote.origin, this.options.timeoutMs, this.options.headers, this.options.browser));
      }),
    );
  }

  /** Polls forever; `onPoll` runs after each round with the fresh statuses. */
  start(onPoll: (statuses: ReadonlyMap<string, RemoteStatus>) => void): void {
    const tick = async () => {
      await this.pollOnce();
      onPoll(this.statuses);
      if (this.timer !== null) this.timer = setTimeout(tick, this.options.intervalMs);
    };
    this.timer = setTimeout(tick, this.options.intervalMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
