/**
 * Renders a module another app exposes. Server and browser both wait for the
 * remote (the server HTML holds its real markup); a remote that cannot load
 * renders a small labelled fallback instead of breaking the page.
 */
import { Component, lazy, Suspense, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { listenForRemoteChanges, trackLoad, useRemoteGeneration } from './hot-remotes';
import { isFallbackModule } from './fallback-module';
import { RecordingScope } from './runtime/used-modules';

type RemoteModule<P> = { default?: ComponentType<P> } | null | undefined;

export function RemoteFallback({ label }: { label: string }) {
  return (
    <div
      role="status"
      data-remote-fallback={label}
      style={{ padding: '0.5rem 0.75rem', border: '1px dashed #9ca3af', borderRadius: 8, color: '#4b5563', fontSize: '0.875rem' }}
    >
      {label} is unavailable right now. Please try again in a moment.
    </div>
  );
}

class RemoteBoundary extends Component<{ label: string; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    return this.state.failed ? <RemoteFallback label={this.props.label} /> : this.props.children;
  }
}

/**
 * Where another app's code renders: its errors render the fallback, and the
 * server waits for it (Suspense), so server HTML holds the real markup.
 */
export function RemoteSlot({ label, children }: { label: string; children: ReactNode }) {
  return (
    <RemoteBoundary label={label}>
      <Suspense fallback={null}>{children}</Suspense>
    </RemoteBoundary>
  );
}

/** `federated(() => import('checkout/cart-badge'), 'Cart badge')` */
export function federated<P extends object>(
  importRemote: () => Promise<RemoteModule<P>>,
  label: string,
): ComponentType<P> {
  // One lazy component per remote generation (dev: a remote's new code remounts only this part).
  let current: { generation: number; Remote: LazyExoticComponent<ComponentType<P>> } | null = null;
  const remoteFor = (generation: number) => {
    if (current?.generation !== generation) current = { generation, Remote: lazyRemote() };
    return current.Remote;
  };
  const lazyRemote = () => lazy(async () => {
    // A fallback module's own component reports each render that uses it (see fallback-module).
    let Reported: ComponentType = () => null;
    try {
      const mod = await trackLoad(importRemote());
      const loaded = typeof mod?.default === 'function' || typeof mod?.default === 'object';
      if (loaded && !isFallbackModule(mod?.default)) {
        const Loaded = mod.default as ComponentType<P>;
        // Rendered right after the scope opens, also when React comes back to it after the code loaded.
        return { default: (props: P) => <RecordingScope><Loaded {...props} /></RecordingScope> };
      }
      if (loaded) Reported = mod.default as ComponentType;
    } catch (error) {
      console.error(`[federation] ${label} failed to load:`, error);
    }
    return {
      default: () => (
        <>
          <Reported />
          <RemoteFallback label={label} />
        </>
      ),
    };
  });

  function Federated(props: P) {
    const generation = useRemoteGeneration();
    const Remote = remoteFor(generation);
    return (
      <RemoteSlot key={generation} label={label}>
        <Remote {...props} />
      </RemoteSlot>
    );
  }
  Federated.displayName = `Federated(${label})`;
  return Federated;
}

listenForRemoteChanges();
