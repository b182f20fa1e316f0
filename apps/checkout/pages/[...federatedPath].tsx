// Serves the pages other apps own (and a 404 for unknown paths).
export { default } from '@repo/federation/catch-all';
