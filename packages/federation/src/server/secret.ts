/**
 * The SSR trust secret as the start command sees it. Without a secret, server
 * code is served to loopback callers: fine on a developer's machine, but behind
 * a same-host reverse proxy or a mesh sidecar every caller is loopback. So a
 * deployable artifact fails closed: it needs the secret, or an operator who
 * says FEDERATION_TRUST_LOOPBACK=true. FEDERATION_SSR_SECRET_REQUIRED makes
 * the secret mandatory anywhere.
 */
const MIN_LENGTH = 16;

const isTrue = (value: string | undefined) => ['1', 'true', 'yes'].includes((value ?? '').toLowerCase());

export interface SecretPolicy {
  /** The standalone artifact: no secret is an error unless loopback trust is opted into. */
  deployed: boolean;
}

export function checkSecret(env: NodeJS.ProcessEnv, { deployed }: SecretPolicy = { deployed: false }): void {
  const secret = env.FEDERATION_SSR_SECRET ?? '';
  if (isTrue(env.FEDERATION_SSR_SECRET_REQUIRED) && secret === '') {
    throw new Error(
      'FEDERATION_SSR_SECRET is not set but FEDERATION_SSR_SECRET_REQUIRED is: set the same secret (16+ characters) on every app.',
    );
  }
  if (deployed && secret === '' && !isTrue(env.FEDERATION_TRUST_LOOPBACK)) {
    throw new Error(
      'FEDERATION_SSR_SECRET is not set: set the same secret (16+ characters) on every app, or FEDERATION_TRUST_LOOPBACK=true to serve server code to loopback callers (only where no proxy or sidecar shares the host).',
    );
  }
  if (secret !== '' && secret.length < MIN_LENGTH) {
    throw new Error(`FEDERATION_SSR_SECRET is too short (${secret.length} characters): use at least ${MIN_LENGTH}.`);
  }
}
