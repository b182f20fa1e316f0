/**
 * Checks a Kubernetes manifest against the real Kubernetes API schemas
 * (kubernetes-models, generated from Kubernetes' OpenAPI definitions), by its
 * apiVersion and kind. Throws with the schema's message when it is invalid.
 */
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1 Deployment': Deployment,
  'v1 Service': Service,
  'v1 ConfigMap': ConfigMap,
  'v1 Secret': Secret,
};

export function validateManifest(doc: { apiVersion?: unknown; kind?: unknown }): void {
  const key = `${String(doc.apiVersion)} ${String(doc.kind)}`;
  const Model = MODELS[key];
  if (!Model) throw new Error(`no schema here for "${key}": add its model from kubernetes-models to k8s-validate.ts`);
  new Model(doc as never).validate();
}
