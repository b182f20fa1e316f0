import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { originEnvVar } from '@repo/federation/origins';
import { registry, repoRoot } from './apps';
import { validateManifest } from './k8s-validate';

// No cluster runs here: manifests are checked against Kubernetes' own schemas and wired together;
// the Dockerfile's structure is checked here, the image itself by `pnpm test:image`.
type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const read = (file: string) => readFileSync(path.join(repoRoot, 'deploy', file), 'utf8');
const docs = (file: string): Doc[] => parseAllDocuments(read(file)).map((doc) => doc.toJS() as Doc);

describe('Kubernetes manifests', () => {
  for (const app of registry) {
    describe(app.name, () => {
      const all = docs(`k8s/${app.name}.yaml`);
      const deployment = all.find((doc) => doc.kind === 'Deployment') as Doc;
      const service = all.find((doc) => doc.kind === 'Service') as Doc;

      it('has a Deployment and a Service valid against the Kubernetes schemas', () => {
        for (const doc of all) expect(() => validateManifest(doc)).not.toThrow();
        expect(deployment.metadata.name).toBe(app.name);
        expect(service.metadata.name).toBe(app.name);
      });

      it('wires selector, labels, ports and probes together', () => {
        const selector = deployment.spec.selector.matchLabels;
        expect(deployment.spec.template.metadata.labels).toMatchObject(selector);
        expect(service.spec.selector).toEqual(selector);
        const container = deployment.spec.template.spec.containers[0];
        const portNames = container.ports.map((port: Doc) => port.name);
        expect(portNames).toContain(service.spec.ports[0].targetPort);
        expect(portNames).toContain(container.readinessProbe.httpGet.port);
        const portEnv = container.env.find((entry: Doc) => entry.name === 'PORT');
        expect(Number(portEnv.value)).toBe(container.ports[0].containerPort);
      });

      it('gives a stopping pod time to finish its requests: grace >= preStop delay + drain', () => {
        const pod = deployment.spec.template.spec;
        const container = pod.containers[0];
        const preStopSeconds = Number(container.lifecycle.preStop.exec.command.at(-1));
        const drainMs = Number(container.env.find((entry: Doc) => entry.name === 'FEDERATION_DRAIN_MS').value);
        expect(preStopSeconds).toBeGreaterThan(0);
        expect(drainMs).toBeGreaterThan(0);
        expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(preStopSeconds + drainMs / 1000 + 5);
      });

      it('takes the origins and the SSR secret from the shared config', () => {
        const sources = deployment.spec.template.spec.containers[0].envFrom;
        expect(sources).toContainEqual({ configMapRef: { name: 'federation-origins' } });
        expect(sources).toContainEqual({ secretRef: { name: 'federation-ssr' } });
      });
    });
  }

  it('shared config is valid against the Kubernetes schemas', () => {
    for (const doc of docs('k8s/shared.yaml')) expect(() => validateManifest(doc)).not.toThrow();
  });

  it('the schema check refuses what a cluster would refuse', () => {
    const deployment = docs(`k8s/${registry[0]!.name}.yaml`).find((doc) => doc.kind === 'Deployment') as Doc;
    deployment.spec.template.spec.containers[0].ports[0].containerPort = 'http';
    expect(() => validateManifest(deployment)).toThrow(/containerPort must be integer/);
    expect(() => validateManifest({ apiVersion: 'v1', kind: 'Pod' })).toThrow(/no schema here/);
  });

  it('shared config names an origin for every app and the SSR secret', () => {
    const shared = docs('k8s/shared.yaml');
    const origins = shared.find((doc) => doc.kind === 'ConfigMap' && doc.metadata.name === 'federation-origins') as Doc;
    for (const app of registry) expect(origins.data[originEnvVar(app.name)]).toMatch(/^https?:\/\/[^/]+$/);
    const secret = shared.find((doc) => doc.kind === 'Secret' && doc.metadata.name === 'federation-ssr') as Doc;
    expect(secret.stringData.FEDERATION_SSR_SECRET.length).toBeGreaterThanOrEqual(16);
  });
});

describe('Dockerfile template', () => {
  const dockerfile = read('Dockerfile');

  it('is multi-stage, runs as a non-root user and starts the artifact', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/COPY --from=build .*apps\/\$\{APP\}\/dist/);
    expect(dockerfile).toMatch(/^CMD \["node", "start\.cjs"\]$/m);
  });

  it('checks health on /api/health', () => {
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*\/api\/health/);
  });

  it('installs from the pruned lockfile and manifests before any source is copied', () => {
    expect(dockerfile).toMatch(/turbo prune "\$APP" --docker/);
    const manifests = dockerfile.indexOf('COPY --from=prune /repo/out/json/');
    const install = dockerfile.indexOf('pnpm install --frozen-lockfile');
    const sources = dockerfile.indexOf('COPY --from=prune /repo/out/full/');
    expect(manifests).toBeGreaterThan(-1);
    expect(install).toBeGreaterThan(manifests);
    expect(sources).toBeGreaterThan(install);
    // Only the prune stage sees the whole context.
    expect(dockerfile.match(/^COPY \. \.$/gm)).toHaveLength(1);
    expect(dockerfile.indexOf('COPY . .')).toBeLessThan(dockerfile.indexOf('FROM base AS build'));
  });

  it('keeps dependencies, build output and history out of the build context', () => {
    const ignored = readFileSync(path.join(repoRoot, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim());
    for (const entry of ['**/node_modules', '**/.next', '**/dist', '.git']) expect(ignored).toContain(entry);
  });
});
