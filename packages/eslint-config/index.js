// Shared lint rules for every app and package (ESLint reads plain JS config).
import { existsSync } from 'node:fs';
import js from '@eslint/js';
import next from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.next/**', '.next-*/**', 'node_modules/**', 'dist/**', 'next-env.d.ts', '**/*.mjs', '**/*.cjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, '@next/next': next },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Next's own rules: recommended plus the stricter core-web-vitals set (what `next lint` runs).
      ...next.configs.recommended.rules,
      ...next.configs['core-web-vitals'].rules,
      // Only an app has a pages/ folder (ESLint runs in each package's folder); elsewhere the rule can only complain.
      '@next/next/no-html-link-for-pages': existsSync('pages') ? 'error' : 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
);
