import { defineConfig } from 'vitest/config';

// CSS Modules resolve to class names in tests; JSX is compiled by esbuild.
export default defineConfig({ esbuild: { jsx: 'automatic' }, test: { css: { modules: { classNameStrategy: 'non-scoped' } } } });
