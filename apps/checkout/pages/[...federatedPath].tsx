// Serves the pages other apps own, `/` included (rewritten here when another app owns it), and a 404 for unknown paths.
export { default } from '@repo/federation/catch-all';
