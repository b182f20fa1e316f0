/**
 * The document puts the JS and CSS of the remote modules a server render used
 * into its HTML (flush-chunks.ts), reading their ids from
 * `globalThis.usedChunks`. nextjs-mf's runtime plugin records a module only when the
 * module is loaded through webpack's `import()`: for `loadRemote` (how the
 * catch-all loads owner pages) the runtime ignores the plugin's recording
 * wrapper, so the owner page's CSS reached the page only after hydration and
 * the page jumped. Code that loads with `loadRemote` notes its use here.
 */
export function noteUsedModule(id: string): void {
  if (typeof window !== 'undefined') return;
  const global = globalThis as { usedChunks?: Set<string> };
  (global.usedChunks ??= new Set()).add(id);
}
