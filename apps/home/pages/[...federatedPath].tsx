// Serves the pages other apps own and a 404 for unknown paths (home owns `/`, so this catch-all is not optional: see catch-all-file.ts).
export { default } from '@repo/federation/catch-all';
