/**
 * What `pnpm new-app` adds to deploy/k8s: the new app's Deployment and Service
 * (the same shape as every app's, checked against Kubernetes' schemas by
 * @repo/e2e), and its origin in the shared ConfigMap every app reads.
 */
import { originEnvVar } from '../origins';

export const K8S_DIR = 'deploy/k8s';
export const SHARED_MANIFEST = `${K8S_DIR}/shared.yaml`;

export function k8sManifest(name: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels:
    app.kubernetes.io/name: ${name}
    app.kubernetes.io/part-of: federated-store
spec:
  replicas: 2
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${name}
        app.kubernetes.io/part-of: federated-store
    spec:
      # preStop (5 s: endpoints stop sending new requests) + FEDERATION_DRAIN_MS
      # (30 s: requests in flight finish) + 10 s to stop the workers.
      terminationGracePeriodSeconds: 45
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
      containers:
        - name: ${name}
          image: federated-store/${name}:latest
          ports:
            - name: http
              containerPort: 3000
          env:
            - name: PORT
              value: "3000"
            - name: FEDERATION_DRAIN_MS
              value: "30000"
          envFrom:
            - configMapRef:
                name: federation-origins
            - secretRef:
                name: federation-ssr
          lifecycle:
            preStop:
              # Until the endpoint removal reaches every load balancer, keep serving.
              exec:
                command: ["sleep", "5"]
          readinessProbe:
            httpGet:
              path: /api/health
              port: http
            periodSeconds: 5
          livenessProbe:
            httpGet:
              path: /api/health
              port: http
            initialDelaySeconds: 20
            periodSeconds: 10
          resources:
            requests:
              cpu: 250m
              memory: 384Mi
            limits:
              memory: 768Mi
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: false
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  labels:
    app.kubernetes.io/name: ${name}
    app.kubernetes.io/part-of: federated-store
spec:
  selector:
    app.kubernetes.io/name: ${name}
  ports:
    - name: http
      port: 80
      targetPort: http
`;
}

/** shared.yaml with the app's origin added after the others (text edit: its comments stay). */
export function withOrigin(shared: string, name: string): string {
  const lines = shared.split('\n');
  let last = -1;
  lines.forEach((line, index) => {
    if (/^\s+[A-Z0-9_]+_ORIGIN:/.test(line)) last = index;
  });
  if (last === -1) throw new Error(`${SHARED_MANIFEST} lists no *_ORIGIN: add the origins to its ConfigMap, then run new-app again.`);
  const indent = /^\s+/.exec(lines[last] as string)?.[0] ?? '  ';
  lines.splice(last + 1, 0, `${indent}${originEnvVar(name)}: https://${name}.example.com`);
  return lines.join('\n');
}
