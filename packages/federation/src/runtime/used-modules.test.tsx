import { lazy, Suspense, type ComponentType } from 'react';
import { renderToReadableStream } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RecordingScope, UsedModules, useUsedModule } from './used-modules';

/** What nextjs-mf's runtime plugin does when React calls a remote module's component. */
const remote = (id: string): ComponentType => () => {
  (globalThis as unknown as { usedChunks: Set<string> }).usedChunks.add(id);
  return <p>{id}</p>;
};

/** A remote component whose code arrives after `ms` (a cold server): React comes back to it later. */
const slowRemote = (id: string, ms: number) =>
  lazy(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    const Loaded = remote(id);
    return { default: () => <RecordingScope><Loaded /></RecordingScope> };
  });

const Ready = remote('shop/product-card');
const Cold = slowRemote('checkout/cart-badge', 30);

function Page({ n }: { n: number }) {
  useUsedModule(`home/pages/${n}`);
  return (
    <main>
      <RecordingScope><Ready /></RecordingScope>
      {n % 2 === 0 && (
        <Suspense fallback={null}>
          <Cold />
        </Suspense>
      )}
    </main>
  );
}

async function render(n: number): Promise<string[]> {
  const used = new Set<string>();
  const stream = await renderToReadableStream(
    <UsedModules value={used}>
      <Page n={n} />
    </UsedModules>,
  );
  await stream.allReady;
  await new Response(stream).text();
  return [...used].sort();
}

describe('used modules', () => {
  it('gives each of many concurrent renders what its own render used, also when its code arrives late', async () => {
    const seen = await Promise.all(Array.from({ length: 12 }, (_, n) => render(n)));
    seen.forEach((used, n) => {
      const expected = ['shop/product-card', `home/pages/${n}`, ...(n % 2 === 0 ? ['checkout/cart-badge'] : [])];
      expect(used, `render ${n}`).toEqual(expected.sort());
    });
  });

  it('records nothing that a call outside any render makes, while renders are under way', async () => {
    const Waiting = slowRemote('checkout/add-to-cart', 50);
    const used = new Set<string>();
    const stream = await renderToReadableStream(
      <UsedModules value={used}>
        <RecordingScope><Ready /></RecordingScope>
        <Suspense fallback={null}>
          <Waiting />
        </Suspense>
      </UsedModules>,
    );
    // Another request's getInitialProps calls a remote API while this render waits for code.
    await new Promise((resolve) => setTimeout(resolve, 10));
    (globalThis as unknown as { usedChunks: Set<string> }).usedChunks.add('shop/products-api');
    await stream.allReady;
    expect([...used].sort()).toEqual(['checkout/add-to-cart', 'shop/product-card']);
  });

  it('records nothing after a render whose remote component threw', async () => {
    const Throws = () => {
      (globalThis as unknown as { usedChunks: Set<string> }).usedChunks.add('shop/broken');
      throw new Error('a remote that turned bad');
    };
    const used = new Set<string>();
    const stream = await renderToReadableStream(
      <UsedModules value={used}>
        <Suspense fallback={null}>
          <RecordingScope><Throws /></RecordingScope>
        </Suspense>
      </UsedModules>,
      { onError: () => {} },
    );
    await stream.allReady;
    await new Response(stream).text();
    (globalThis as unknown as { usedChunks: Set<string> }).usedChunks.add('shop/products-api');
    expect([...used]).toEqual(['shop/broken']);
  });
});
