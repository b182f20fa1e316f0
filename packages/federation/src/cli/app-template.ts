/**
 * The files of a new app: the same five one-line federation files as every
 * app, plus one page with a data method, one exposed component and its test.
 */
import { containerName } from '../registry';
import { catchAllFile } from '../catch-all-file';

export interface TemplateInput {
  name: string;
  title: string;
  port: number;
  /** Versions to pin, taken from @repo/federation's own package.json. */
  versions: Record<string, string>;
}

function packageJson({ name, title, port, versions }: TemplateInput): string {
  const pin = (dep: string) => {
    const version = versions[dep];
    if (!version) throw new Error(`no pinned version for ${dep} in @repo/federation's package.json`);
    return version;
  };
  const pkg = {
    name,
    version: '0.0.0',
    private: true,
    federation: {
      title,
      port,
      routes: [`/${name}`],
      exposes: { './card': './components/card.tsx' },
    },
    scripts: {
      dev: 'federation dev',
      build: 'federation build',
      start: 'federation start',
      test: 'vitest run',
      typecheck: 'federation typecheck',
      lint: 'eslint .',
    },
    dependencies: {
      '@repo/cart': 'workspace:*',
      '@repo/federation': 'workspace:*',
      '@repo/shell': 'workspace:*',
      next: pin('next'),
      react: pin('react'),
      'react-dom': pin('react-dom'),
    },
    devDependencies: {
      '@repo/eslint-config': 'workspace:*',
      '@types/node': pin('@types/node'),
      '@types/react': pin('@types/react'),
      '@types/react-dom': pin('@types/react-dom'),
      eslint: pin('eslint'),
      typescript: pin('typescript'),
      vitest: pin('vitest'),
      webpack: pin('webpack'),
    },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

const TSCONFIG = `{
  "extends": ["../../tsconfig.base.json", "../../tsconfig.remotes.json"],
  "include": ["**/*.ts", "**/*.tsx", "../../packages/shell/src/next-types.d.ts"],
  "exclude": ["node_modules", ".next", ".next-*", "dist", "next-env.d.ts"]
}
`;

export function appFiles(input: TemplateInput): Record<string, string> {
  const { name, title } = input;
  const component = `${title.replace(/ /g, '')}Page`;
  return {
    'package.json': packageJson(input),
    'tsconfig.json': TSCONFIG,
    'next.config.ts': `import { withFederation } from '@repo/federation/next-config';\n\nexport default withFederation(__dirname, { reactStrictMode: true });\n`,
    'eslint.config.mjs': `export { default } from '@repo/eslint-config';\n`,
    'pages/_app.tsx': `export { default } from '@repo/shell/app';\n`,
    'pages/_document.tsx': `export { default } from '@repo/federation/document';\n`,
    // A new app owns only /<name>: its catch-all also serves `/` (see catch-all-file.ts).
    [catchAllFile(false)]: `// Serves the pages other apps own, \`/\` included (where another app owns it: this catch-all is optional), and a 404 for unknown paths.\nexport { default } from '@repo/federation/catch-all';\n`,
    'lib/greeting.ts': `/** The data this app's page shows: replace with your own. */
export interface Greeting {
  title: string;
  message: string;
}

export function greetingFor(appName: string): Greeting {
  return { title: '${title}', message: \`Served by the \${appName} app, rendered wherever you are.\` };
}
`,
    'lib/greeting.test.ts': `import { describe, expect, it } from 'vitest';
import { greetingFor } from './greeting';

describe('greetingFor', () => {
  it("names the app whose page it is", () => {
    expect(greetingFor('${name}')).toEqual({
      title: '${title}',
      message: 'Served by the ${name} app, rendered wherever you are.',
    });
  });
});
`,
    'components/card.module.css': `.card {
  padding: 1rem;
  border: 1px solid #e5e7eb;
  border-radius: 12px;
}
`,
    'components/card.tsx': `import type { Greeting } from '../lib/greeting';
import styles from './card.module.css';

/** Exposed as \`${containerName(name)}/card\`: other apps can render it too. */
export default function Card({ greeting }: { greeting: Greeting }) {
  return (
    <div className={styles.card} data-testid="${name}-card">
      <p>{greeting.message}</p>
    </div>
  );
}
`,
    [`pages/${name}.tsx`]: `import { PageHead } from '@repo/shell/page-head';
import type { NextPage } from 'next';
import Card from '../components/card';
import { greetingFor, type Greeting } from '../lib/greeting';

const ${component}: NextPage<{ greeting: Greeting }> = ({ greeting }) => (
  <section aria-labelledby="${name}-title">
    <PageHead title={greeting.title} description={greeting.message} />
    <h1 id="${name}-title">{greeting.title}</h1>
    <Card greeting={greeting} />
  </section>
);

// getInitialProps: it also runs where another app renders this page.
${component}.getInitialProps = async () => ({ greeting: greetingFor('${name}') });

export default ${component};
`,
  };
}
