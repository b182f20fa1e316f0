/**
 * Which worker serves, and the swap to a fresh one: start it, wait until it
 * has rendered a page that loads the remotes, switch new requests to it, let
 * the old one drain. A swap asked for while one runs is done right after it,
 * not dropped; a worker that fails to warm up is stopped and the old one keeps
 * serving (retried after `retryMs`). Generic over the worker so tests drive it
 * with fakes.
 */
import { setTimeout as delay } from 'node:timers/promises';

export interface RolledWorker {
  readonly id: number;
  ready(warmPath: string, timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
  drainAndStop(maxWaitMs: number): Promise<void>;
}

export interface RollOptions<W extends RolledWorker> {
  start: () => Promise<W>;
  /** A page that loads remotes: a worker that answers it has their code. */
  warmPath: string;
  readyTimeoutMs: number;
  drainMs: number;
  /** Wait before trying again after a failed warm-up. */
  retryMs: number;
  /** Called as a fresh worker starts; what it returns is called if that worker takes over. */
  begin?: (reason: string) => () => void;
  /**
   * Asked once a fresh worker took over when more swaps were asked for while it started: why one more
   * is still needed, or null when it already has what they asked for (the asks saw the old worker's
   * state).
   */
  stillNeeded: () => string | null;
  stopping: () => boolean;
  log: (line: string) => void;
  detail: (line: string) => void;
}

export class Roll<W extends RolledWorker> {
  current: W | null = null;
  private rolling = false;
  private again = false;

  constructor(private readonly options: RollOptions<W>) {}

  get busy(): boolean {
    return this.rolling;
  }

  /** Swaps in fresh workers until one took over with nothing newer to pick up. Throws only if no worker ever served. */
  async roll(reason: string): Promise<void> {
    if (this.rolling) {
      this.again = true;
      return;
    }
    this.rolling = true;
    try {
      let why = reason;
      for (;;) {
        this.again = false;
        const tookOver = await this.swapIn(why);
        if (this.options.stopping()) return;
        if (tookOver && !this.again) return;
        if (tookOver) {
          const still = this.options.stillNeeded();
          if (still === null) return;
          why = still;
          continue;
        }
        await delay(this.options.retryMs);
        if (this.options.stopping()) return;
        why = 'retry';
      }
    } finally {
      this.rolling = false;
    }
  }

  /** One fresh worker: true if it took over, false if it failed and the old one stays. */
  private async swapIn(reason: string): Promise<boolean> {
    const commit = this.options.begin?.(reason);
    const worker = await this.options.start();
    this.options.detail(`starting worker ${worker.id} (${reason})`);
    try {
      await worker.ready(this.options.warmPath, this.options.readyTimeoutMs);
    } catch (error) {
      this.options.log(`worker ${worker.id} failed: ${(error as Error).message}; keeping worker ${this.current?.id ?? 'none'}`);
      await worker.stop();
      if (!this.current) throw error;
      return false;
    }
    if (this.options.stopping()) {
      // Stopping meanwhile: the fresh worker would serve nobody.
      await worker.stop();
      return false;
    }
    const previous = this.current;
    this.current = worker;
    commit?.();
    if (previous) void previous.drainAndStop(this.options.drainMs).then(() => this.options.detail(`worker ${previous.id} stopped`));
    return true;
  }
}
