import { withFederation } from '@repo/federation/next-config';

export default withFederation(__dirname, { reactStrictMode: true });
