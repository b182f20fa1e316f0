/**
 * The Dockerfile's base image (`node:<version>-bookworm-slim`) when no
 * container registry answers (as on this project's VMs): a Debian bookworm
 * made with debootstrap from the mirror apt already uses, with this machine's
 * Node and npm, user `node` (uid 1000) and CA bundle. A registry's image is
 * used instead wherever one can be pulled.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, appendFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Engine } from './engine';

const CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

/** The Debian mirror apt is set up with (deb822 or one-line sources). */
function debianMirror(): string {
  const files = ['/etc/apt/sources.list.d/debian.sources', '/etc/apt/sources.list'].filter((file) => existsSync(file));
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const uri = /^URIs:\s*(\S+)/m.exec(text)?.[1] ?? /^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+bookworm\b/m.exec(text)?.[1];
    if (uri) return uri;
  }
  throw new Error('no Debian mirror in /etc/apt: cannot make the base image without a registry.');
}

export function makeBaseImage(engine: Engine, image: string, log: (line: string) => void): void {
  if (engine.command !== 'podman') throw new Error(`${image} is not available: pull it with \`docker pull ${image}\`.`);
  const work = mkdtempSync(path.join(tmpdir(), 'base-image-'));
  const rootfs = path.join(work, 'rootfs');
  try {
    log(`making ${image} with debootstrap (no registry answered) ...`);
    execFileSync('debootstrap', ['--variant=minbase', 'bookworm', rootfs, debianMirror()], { stdio: 'ignore' });
    // This machine's Node and npm, as the official image has them under /usr/local.
    const prefix = path.resolve(path.dirname(process.execPath), '..');
    cpSync(process.execPath, path.join(rootfs, 'usr/local/bin/node'));
    cpSync(path.join(prefix, 'lib/node_modules/npm'), path.join(rootfs, 'usr/local/lib/node_modules/npm'), { recursive: true });
    for (const bin of ['npm', 'npx']) symlinkSync(`../lib/node_modules/npm/bin/${bin}-cli.js`, path.join(rootfs, 'usr/local/bin', bin));
    mkdirSync(path.join(rootfs, 'home/node'), { recursive: true });
    appendFileSync(path.join(rootfs, 'etc/passwd'), 'node:x:1000:1000::/home/node:/bin/bash\n');
    appendFileSync(path.join(rootfs, 'etc/group'), 'node:x:1000:\n');
    execFileSync('chown', ['1000:1000', path.join(rootfs, 'home/node')]);
    cpSync(CA_BUNDLE, path.join(rootfs, CA_BUNDLE));
    const tarball = path.join(work, 'rootfs.tar');
    execFileSync('tar', ['-C', rootfs, '-cf', tarball, '.']);
    execFileSync(
      engine.command,
      [
        'import',
        '--change', 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        '--change', `ENV NODE_EXTRA_CA_CERTS=${CA_BUNDLE}`,
        '--change', `ENV npm_config_cafile=${CA_BUNDLE}`,
        '--change', 'CMD ["node"]',
        tarball,
        image,
      ],
      { stdio: 'ignore' },
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
