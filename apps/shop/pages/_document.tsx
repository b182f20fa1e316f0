export { default } from '@repo/federation/document';
