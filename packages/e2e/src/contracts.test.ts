/**
 * The contract between apps is the exposing app's own source: a prop changed
 * in shop's product card fails home's typecheck, with nothing restated by
 * hand in between (see @repo/federation remote-types). Checked with the
 * TypeScript compiler on home's tsconfig, shop's file changed in memory only.
 */
import path from 'node:path';
import { writeRemoteTypes } from '@repo/federation/remote-types';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './apps';

const homeConfig = path.join(repoRoot, 'apps/home/tsconfig.json');
const productCard = path.join(repoRoot, 'apps/shop/components/product-card.tsx');

/** home's diagnostics, with `edit` applied to shop's product card first. */
function homeErrors(edit: (source: string) => string): string[] {
  writeRemoteTypes(repoRoot);
  const config = ts.getParsedCommandLineOfConfigFile(homeConfig, { incremental: false }, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!config) throw new Error(`cannot read ${homeConfig}`);
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => {
    const text = readFile(file);
    return path.resolve(file) === productCard && text !== undefined ? edit(text) : text;
  };
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file?.fileName.includes('/apps/home/'))
    .map((diagnostic) => `${path.relative(repoRoot, diagnostic.file!.fileName)}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`);
}

describe('remote module types', () => {
  it("a prop renamed in shop's product card fails home's typecheck where home passes it", () => {
    const errors = homeErrors((source) => source.replace('  product: Pick<', '  item: Pick<').replace('ProductCard({ product }', 'ProductCard({ item: product }'));
    expect(errors.some((error) => error.startsWith('apps/home/pages/index.tsx') && error.includes("'product' does not exist"))).toBe(true);
  }, 60_000);

  it('home typechecks against shop as it is', () => {
    expect(homeErrors((source) => source)).toEqual([]);
  }, 60_000);
});
