/**
 * A kept answer behaves as a Response made from the same bytes, whichever way
 * it is read, once; and each asker gets its own copy.
 */
import { describe, expect, it } from 'vitest';
import { KeptResponse, type KeptAnswer } from './kept-response';

const json = '{"products":[{"slug":"enamel-mug","price":1800}],"note":"café"}';
const answer = (): KeptAnswer => ({
  status: 200,
  statusText: 'OK',
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=5' },
  body: new TextEncoder().encode(json).buffer as ArrayBuffer,
});

/** Each way of reading a body, with what it gives as a comparable value. */
const readers: Record<string, (response: Response) => Promise<unknown>> = {
  json: (response) => response.json(),
  text: (response) => response.text(),
  arrayBuffer: async (response) => new TextDecoder().decode(await response.arrayBuffer()),
  bytes: async (response) => new TextDecoder().decode(await response.bytes()),
  blob: async (response) => (await response.blob()).text(),
  body: async (response) => new Response(response.body).text(),
};

describe('kept response', () => {
  for (const [way, read] of Object.entries(readers)) {
    it(`reads as a plain Response of the same bytes with ${way}(), once`, async () => {
      const kept = new KeptResponse(answer());
      const plain = new Response(answer().body, answer());
      expect(kept).toBeInstanceOf(Response);
      expect([kept.status, kept.statusText, kept.ok, kept.headers.get('content-type')]).toEqual([
        plain.status, plain.statusText, plain.ok, plain.headers.get('content-type'),
      ]);
      expect(kept.bodyUsed).toBe(false);
      expect(await read(kept)).toEqual(await read(plain));
      expect(kept.bodyUsed).toBe(true);
      for (const again of Object.values(readers).filter((reader) => reader !== readers.body)) {
        await expect(again(kept)).rejects.toThrow(TypeError);
      }
      expect(() => kept.clone()).toThrow(TypeError);
    });
  }

  it('gives each asker and each clone its own bytes', async () => {
    const shared = answer();
    const first = new KeptResponse(shared);
    const copy = first.clone();
    new Uint8Array(await first.arrayBuffer()).fill(0);
    expect(await copy.json()).toEqual(JSON.parse(json));
    expect(await new KeptResponse(shared).text()).toBe(json);
  });

  it('has every header of the answer, one Headers per asker, also after the body stream was made', () => {
    const shared = answer();
    const first = new KeptResponse(shared);
    expect([...first.headers]).toEqual([...new Response(null, shared).headers]);
    expect(first.headers).toBe(first.headers);
    first.headers.set('x-mine', 'first only');
    const second = new KeptResponse(shared);
    expect(second.body).not.toBeNull();
    expect(second.headers.get('x-mine')).toBeNull();
    expect(second.headers.get('cache-control')).toBe('public, max-age=5');
    expect(second.clone().headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('clones a response whose body stream is in use, as a plain one does', async () => {
    const kept = new KeptResponse(answer());
    expect(kept.body).not.toBeNull();
    const copy = kept.clone();
    expect(await kept.text()).toBe(json);
    expect(await copy.text()).toBe(json);
  });
});
