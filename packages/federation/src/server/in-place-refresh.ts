/**
 * Dev: the running worker loads a remote's new code in place (see
 * hot-remotes) when the supervisor asks it to render a page with the remotes'
 * versions. One refresh at a time; a change seen during one is loaded right
 * after it, and one seen while no worker serves once one does: never dropped.
 * A remote that is up but still rendered as its fallback (its reload failed
 * while it compiled) is retried every `retryMs`.
 */
export interface InPlaceRefreshOptions {
  /** Renders a page with the remotes' current versions on the serving worker (false: none serves). */
  refresh: () => Promise<void> | false;
  /** Remotes that are up but rendered as their fallback. */
  stale: () => string[];
  retryMs: number;
  /** After each refresh, done or failed: where the supervisor bounds the worker's memory. */
  afterRefresh?: () => void;
  log: (line: string) => void;
  detail: (line: string) => void;
}

export class InPlaceRefresh {
  private running = false;
  private again = false;
  private staleRetried = 0;

  constructor(private readonly options: InPlaceRefreshOptions) {}

  /** Called on every watch round with the remotes that have new code (often none). */
  request(changed: string[]): void {
    if (changed.length > 0) this.options.log(`new code of ${changed.join(', ')}: loading it in place`);
    const stale = this.options.stale().length > 0 && Date.now() - this.staleRetried >= this.options.retryMs;
    if (changed.length === 0 && !stale && !this.again) return;
    if (this.running) return void (this.again = true);
    const refreshing = this.options.refresh();
    // No worker serves yet (one may be starting with the old code): the next round tries again.
    if (refreshing === false) return void (this.again = true);
    this.again = false;
    if (stale) this.staleRetried = Date.now();
    this.running = true;
    void refreshing
      .catch((error: Error) => this.options.detail(`refresh failed: ${error.message}`))
      .finally(() => {
        this.running = false;
        this.options.afterRefresh?.();
        if (this.again) this.request([]);
      });
  }
}
