export { default } from '@repo/shell/app';
