/**
 * The document puts the JS and CSS of the remote modules a server render used
 * into its HTML (flush-chunks.ts). nextjs-mf's runtime plugin records a remote
 * module in `globalThis.usedChunks` when React calls one of its exported
 * components, in one process-wide Set: under concurrent requests one page took
 * another's tags.
 *
 * Each render records into its own Set instead, with no per-request async
 * context (an AsyncLocalStorage entered per request cost ~12% of a data-less
 * page's req/s on Node 20: it turns on a promise hook for every promise of the
 * process). The document hands the render its Set through React context
 * (`UsedModules`), and a remote component renders inside a `RecordingScope`:
 * React renders a component's children right after it, in the same synchronous
 * pass, so while the scope is open `globalThis.usedChunks.add` goes to the Set
 * of the render that is running, and nowhere outside a render (a remote API
 * called from getInitialProps is not a module the page needs to hydrate).
 *
 * The context and the open Set live on `globalThis`: every app's bundle that
 * runs in this process (the host's and each remote's) has its own copy of
 * this module, and they must share one record.
 */
import { createContext, useContext, type Context, type ReactNode } from 'react';

type ModuleSet = Set<string>;
interface Recorder {
  context: Context<ModuleSet | null>;
  /** The Set of the render whose remote component is being rendered right now. */
  open: ModuleSet | null;
  /** The server's `globalThis.usedChunks`: one for the process, made by the first bundle that loads here. */
  chunks: ModuleSet | null;
}

const KEY = Symbol.for('@repo/federation/used-modules');
const onServer = typeof window === 'undefined';
const recorder: Recorder = ((globalThis as { [KEY]?: Recorder })[KEY] ??= {
  context: createContext<ModuleSet | null>(null),
  open: null,
  chunks: null,
});

/** nextjs-mf's recording (it calls `globalThis.usedChunks.add(id)` each time) lands in the open render's Set. */
class OpenRenderChunks extends Set<string> {
  override add(id: string): this {
    recorder.open?.add(id);
    return this;
  }
}
if (onServer) {
  // Set again by each bundle (each has its own class, so `instanceof` cannot tell): always the one instance.
  (globalThis as { usedChunks?: ModuleSet }).usedChunks = recorder.chunks ??= new OpenRenderChunks();
}

/** Given by the document around the whole app: where this render's modules are recorded. */
export const UsedModules = recorder.context.Provider;

/** Records `id` (`shop/pages/p/[slug]`) as used by the render this component is part of (server only). */
export function useUsedModule(id: string | undefined): void {
  const record = useContext(recorder.context);
  if (onServer && id) record?.add(id);
}

interface Frame {
  record: ModuleSet | null;
  outer: ModuleSet | null;
}

function Open({ frame }: { frame: Frame }): null {
  frame.outer = recorder.open;
  recorder.open = frame.record;
  // React renders the scope in one synchronous pass, but a child that throws (a remote turned bad) ends the
  // pass before Close: the scope then closes once the pass is over, so nothing later lands in this render.
  queueMicrotask(() => {
    if (recorder.open === frame.record) recorder.open = frame.outer;
  });
  return null;
}

function Close({ frame }: { frame: Frame }): null {
  recorder.open = frame.outer;
  return null;
}

/** What `children` (a remote module's component) record goes to this render's Set. */
export function RecordingScope({ children }: { children: ReactNode }) {
  const record = useContext(recorder.context);
  if (!onServer || !record) return children;
  const frame: Frame = { record, outer: null };
  return (
    <>
      <Open frame={frame} />
      {children}
      <Close frame={frame} />
    </>
  );
}
