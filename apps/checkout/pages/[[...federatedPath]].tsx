// Serves the pages other apps own, `/` included (where another app owns it: this catch-all is optional), and a 404 for unknown paths.
export { default } from '@repo/federation/catch-all';
