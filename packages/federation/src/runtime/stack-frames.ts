/**
 * Next's server replaces how errors print (`Error.prototype[inspect.custom]`)
 * to source-map their stack frames. Frames of a remote app's code, which runs
 * from a vm script, come out as `file://remoteEntry.js`, on which Next's
 * printer throws ("File URL host must be localhost"): so a host page that
 * merely logged a remote's error with `console.error(error)` answered 500.
 * When Next's printer throws, the error prints as its plain stack instead.
 */
const INSPECT = Symbol.for('nodejs.util.inspect.custom');
const PATCHED = Symbol.for('repo.federation.safe-error-inspect');

type Inspect = (this: Error, ...args: unknown[]) => unknown;

export function tolerateRemoteStackFrames(): void {
  const proto = Error.prototype as Error & { [INSPECT]?: Inspect; [PATCHED]?: boolean };
  const nextInspect = proto[INSPECT];
  if (proto[PATCHED] || typeof nextInspect !== 'function') return;
  proto[PATCHED] = true;
  proto[INSPECT] = function inspectSafely(this: Error, ...args: unknown[]) {
    try {
      return nextInspect.apply(this, args);
    } catch {
      return this.stack ?? String(this);
    }
  };
}
