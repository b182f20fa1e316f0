import type http from 'node:http';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { RemoteEvents } from './remote-events';
import type { RemoteStatus } from './remote-watch';

const up = (version: string, browserVersion?: string | null): RemoteStatus => ({ ok: true, version, browserVersion, checkedAt: '' });
const down: RemoteStatus = { ok: false, version: null, checkedAt: '' };

/** A page listening on the event stream: what it was told. */
function listen(events: RemoteEvents): string[] {
  const heard: string[] = [];
  const res = { writeHead: () => res, write: (chunk: string) => heard.push(chunk) } as unknown as http.ServerResponse;
  events.accept(new EventEmitter() as http.IncomingMessage, res);
  heard.length = 0;
  return heard;
}

describe('RemoteEvents', () => {
  it("tells pages when a remote's browser code changes, and asks the worker to load only new server code", () => {
    const events = new RemoteEvents(new Map([['shop', up('s1', 'b1')]]));
    const heard = listen(events);
    // The server build got the edit first (it compiled after the save), the browser build not yet.
    expect(events.announce(new Map([['shop', up('s2', 'b1')]]))).toEqual(['shop']);
    expect(heard).toEqual([]);
    // Then the browser build: pages load it now, the worker already has its code.
    expect(events.announce(new Map([['shop', up('s2', 'b2')]]))).toEqual([]);
    expect(heard).toEqual(['event: remote\ndata: {"name":"shop"}\n\n']);
    expect(events.announce(new Map([['shop', up('s2', 'b2')]]))).toEqual([]);
    expect(heard).toHaveLength(1);
  });

  it('tells pages when a remote goes down and when it is back; the worker loads it once back', () => {
    const events = new RemoteEvents(new Map([['shop', up('s1', 'b1')]]));
    const heard = listen(events);
    expect(events.announce(new Map([['shop', down]]))).toEqual([]);
    expect(heard).toHaveLength(1);
    // Its server entry answers before its browser entry (still compiling): pages wait for the browser code.
    expect(events.announce(new Map([['shop', up('s2', null)]]))).toEqual(['shop']);
    expect(heard).toHaveLength(1);
    expect(events.announce(new Map([['shop', up('s2', 'b2')]]))).toEqual([]);
    expect(heard).toHaveLength(2);
  });

  it('follows the server version where the browser entry is not watched', () => {
    const events = new RemoteEvents(new Map([['shop', up('s1')]]));
    const heard = listen(events);
    expect(events.announce(new Map([['shop', up('s2')]]))).toEqual(['shop']);
    expect(heard).toHaveLength(1);
  });
});
