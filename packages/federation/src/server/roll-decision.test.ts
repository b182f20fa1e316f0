import { describe, expect, it } from 'vitest';
import type { RemoteStatus } from './remote-watch';
import { remotesToReload, snapshotOf, trackDowns, type DownTracker } from './roll-decision';

const up = (version: string): RemoteStatus => ({ ok: true, version, checkedAt: '' });
const down: RemoteStatus = { ok: false, version: null, checkedAt: '' };
const statuses = (entries: Record<string, RemoteStatus>) => new Map(Object.entries(entries));
const fresh = (): DownTracker => ({ downSince: new Map(), seenDown: new Set() });

describe('remotesToReload', () => {
  const snapshot = snapshotOf(statuses({ shop: up('v1'), checkout: up('c1') }));

  it('keeps the worker while nothing changed', () => {
    expect(remotesToReload(snapshot, fresh(), statuses({ shop: up('v1'), checkout: up('c1') }), 0, 3000)).toEqual([]);
  });

  it('reloads for a redeployed remote', () => {
    expect(remotesToReload(snapshot, fresh(), statuses({ shop: up('v2'), checkout: up('c1') }), 0, 3000)).toEqual(['shop']);
  });

  it('rides out a short outage, then reloads once the remote is back', () => {
    const tracker = fresh();
    trackDowns(tracker, statuses({ shop: down }), 1000);
    expect(remotesToReload(snapshot, tracker, statuses({ shop: down }), 2000, 3000)).toEqual([]);
    trackDowns(tracker, statuses({ shop: up('v1') }), 2500);
    expect(remotesToReload(snapshot, tracker, statuses({ shop: up('v1') }), 2500, 3000)).toEqual(['shop']);
  });

  it('reloads when a loaded remote stays down, and not again while it stays down', () => {
    const tracker = fresh();
    trackDowns(tracker, statuses({ shop: down }), 1000);
    expect(remotesToReload(snapshot, tracker, statuses({ shop: down }), 4000, 3000)).toEqual(['shop']);
    const afterOutage = snapshotOf(statuses({ shop: down, checkout: up('c1') }));
    expect(remotesToReload(afterOutage, fresh(), statuses({ shop: down, checkout: up('c1') }), 9000, 3000)).toEqual([]);
  });

  it('reloads when a remote that was down at start comes up', () => {
    const started = snapshotOf(statuses({ shop: down }));
    expect(remotesToReload(started, fresh(), statuses({ shop: up('v1') }), 0, 3000)).toEqual(['shop']);
  });
});
