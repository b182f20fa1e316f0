/**
 * Watches every remote's server entry. Its build id (in production) or its
 * ETag (in dev, where it changes with every compile) is the remote's version
 * as a host sees it; no answer means the remote is down.
 */
import { BUILD_HEADER } from '../header-names';
import { remoteEntryUrl } from '../origins';

export interface RemoteStatus {
  ok: boolean;
  version: string | null;
  checkedAt: string;
}

export interface WatchedRemote {
  name: string;
  origin: string;
}

export type ProbeHeaders = Record<string, string>;

export async function probeRemote(
  origin: string,
  timeoutMs: number,
  headers: ProbeHeaders = {},
): Promise<RemoteStatus> {
  const checkedAt = new Date().toISOString();
  try {
    const response = await fetch(remoteEntryUrl(origin, 'server'), {
      method: 'HEAD',
      headers,
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return { ok: false, version: null, checkedAt };
    // A production remote names its build; in dev the file's ETag changes with every compile.
    const version = response.headers.get(BUILD_HEADER) ?? response.headers.get('etag') ?? response.headers.get('last-modified');
    return { ok: true, version, checkedAt };
  } catch {
    return { ok: false, version: null, checkedAt };
  }
}

export class RemoteWatcher {
  readonly statuses = new Map<string, RemoteStatus>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly remotes: WatchedRemote[],
    private readonly options: { intervalMs: number; timeoutMs: number; headers?: ProbeHeaders },
  ) {}

  async pollOnce(): Promise<void> {
    await Promise.all(
      this.remotes.map(async (remote) => {
        this.statuses.set(remote.name, await probeRemote(remote.origin, this.options.timeoutMs, this.options.headers));
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
