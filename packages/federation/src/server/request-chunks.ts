/**
 * nextjs-mf records the remote modules a server render used in one
 * process-wide `globalThis.usedChunks` Set, and the document's `flushChunks()` empties it
 * into whichever page's HTML is written first: under concurrent requests one
 * page took another's script and style tags and missed its own (a layout
 * shift, a script fetched again on the next visit). This preload, run in the
 * worker before Next loads, puts a Set there that keeps one set per request
 * (AsyncLocalStorage, entered where Node's HTTP server emits 'request').
 *
 * It is a data: URL because it must run before any of the worker's modules
 * and travel with a standalone artifact, which has no source folder.
 */
const source = `
import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
const scope = new AsyncLocalStorage();
// Outside any request (a module evaluated at start), records go nowhere a page reads.
const outside = new Set();
const current = () => scope.getStore() ?? outside;
class RequestChunks extends Set {
  add(id) { current().add(id); return this; }
  has(id) { return current().has(id); }
  delete(id) { return current().delete(id); }
  clear() { current().clear(); }
  get size() { return current().size; }
  forEach(callback, thisArg) { current().forEach(callback, thisArg); }
  values() { return current().values(); }
  keys() { return current().keys(); }
  entries() { return current().entries(); }
  [Symbol.iterator]() { return current()[Symbol.iterator](); }
}
globalThis.usedChunks = new RequestChunks();
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, ...args) {
  if (event !== 'request') return emit.call(this, event, ...args);
  return scope.run(new Set(), () => emit.call(this, event, ...args));
};
`;

export const requestChunksPreload = `data:text/javascript,${encodeURIComponent(source)}`;
