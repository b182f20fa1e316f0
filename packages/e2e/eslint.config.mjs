import base from '@repo/eslint-config';

// .floor is the cost benchmark's generated app (src/floor.ts), with its own Next build.
export default [{ ignores: ['.floor/**', 'bench-results/**'] }, ...base];
