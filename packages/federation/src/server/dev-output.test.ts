import { describe, expect, it } from 'vitest';
import { devOutputFilter } from './dev-output';

describe('dev output', () => {
  it("drops Next's start-up chatter and the plugin's notices, keeps compiles, warnings and errors", () => {
    const keep = devOutputFilter();
    const lines = [
      '   ▲ Next.js 15.5.29',
      '   - Local:        http://127.0.0.1:41799',
      ' ✓ Ready in 857ms',
      '<w> [Module Federation Manifest Plugin] Manifest will use absolute path resolution',
      '[ Federation Runtime ]: The remote "shop" is already registered. Please note that overriding it may cause unexpected errors.',
      'shop/products-api offline',
      ' ✓ Compiled /shop in 1.2s (900 modules)',
      ' ⚠ Fast Refresh had to perform a full reload',
      " ⨯ ./components/product-card.tsx: Module not found: Can't resolve './missing'",
      'TypeError: Cannot read properties of undefined',
    ];
    expect(lines.filter(keep)).toEqual(lines.slice(6));
  });

  it("drops a down remote's load errors with their stack, and nothing after them", () => {
    const keep = devOutputFilter();
    const lines = [
      '[federation] shop/product-card is unavailable: fetch failed',
      '    at loadEntry (remoteEntry.js:1:2)',
      '  [cause]: Error: connect ECONNREFUSED 127.0.0.1:3002',
      '}',
      'flush error: Error: Request failed with status 503',
      '    at async FederatedDocument.getInitialProps (../../packages/federation/src/document.tsx:43:20)',
      '  42 |     const initialProps = await Document.getInitialProps(ctx);',
      '> 43 |     const chunks = await flushChunks();',
      '     |                    ^',
      '[home] featured products unavailable: shop/products-api is unavailable (its code did not load)',
      '[home] featured products unavailable: http://localhost:3002 is unavailable (it is starting up)',
      ' ✓ Compiled / in 2s',
      '[home] featured products failed: TypeError: fetchProducts is not a function',
      '> 13 |   if (!response.ok) throw new Error(`shop API ${path} answered ${response.status}`);',
    ];
    expect(lines.filter(keep)).toEqual(lines.slice(-3));
  });
});
