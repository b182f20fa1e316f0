/**
 * The SSR trust secret as the start command sees it. A deployment that must
 * not fall back to "loopback only" says so with FEDERATION_SSR_SECRET_REQUIRED.
 */
const MIN_LENGTH = 16;

export function checkSecret(env: NodeJS.ProcessEnv): void {
  const secret = env.FEDERATION_SSR_SECRET ?? '';
  const required = ['1', 'true', 'yes'].includes((env.FEDERATION_SSR_SECRET_REQUIRED ?? '').toLowerCase());
  if (required && secret === '') {
    throw new Error(
      'FEDERATION_SSR_SECRET is not set but FEDERATION_SSR_SECRET_REQUIRED is: set the same secret (16+ characters) on every app.',
    );
  }
  if (secret !== '' && secret.length < MIN_LENGTH) {
    throw new Error(`FEDERATION_SSR_SECRET is too short (${secret.length} characters): use at least ${MIN_LENGTH}.`);
  }
}
