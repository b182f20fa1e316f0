/**
 * The shape our Kubernetes manifests must have: the fields a cluster needs to
 * run an app of this template (a subset of the Kubernetes API schema, strict
 * where a mistake would break a deploy).
 */
const probe = {
  type: 'object',
  required: ['httpGet'],
  properties: {
    httpGet: {
      type: 'object',
      required: ['path', 'port'],
      properties: { path: { const: '/api/health' }, port: { type: ['string', 'integer'] } },
    },
  },
};

const labels = { type: 'object', additionalProperties: { type: 'string' }, minProperties: 1 };

export const deploymentSchema = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    apiVersion: { const: 'apps/v1' },
    kind: { const: 'Deployment' },
    metadata: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
    spec: {
      type: 'object',
      required: ['selector', 'template'],
      properties: {
        replicas: { type: 'integer', minimum: 1 },
        selector: { type: 'object', required: ['matchLabels'], properties: { matchLabels: labels } },
        template: {
          type: 'object',
          required: ['metadata', 'spec'],
          properties: {
            metadata: { type: 'object', required: ['labels'], properties: { labels } },
            spec: {
              type: 'object',
              required: ['containers'],
              properties: {
                containers: {
                  type: 'array',
                  minItems: 1,
                  items: {
                    type: 'object',
                    required: ['name', 'image', 'ports', 'readinessProbe', 'livenessProbe', 'envFrom'],
                    properties: {
                      image: { type: 'string', minLength: 1 },
                      ports: {
                        type: 'array',
                        minItems: 1,
                        items: {
                          type: 'object',
                          required: ['containerPort'],
                          properties: { name: { type: 'string' }, containerPort: { type: 'integer' } },
                        },
                      },
                      env: {
                        type: 'array',
                        items: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
                      },
                      envFrom: { type: 'array', minItems: 1 },
                      readinessProbe: probe,
                      livenessProbe: probe,
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

export const serviceSchema = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    apiVersion: { const: 'v1' },
    kind: { const: 'Service' },
    metadata: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
    spec: {
      type: 'object',
      required: ['selector', 'ports'],
      properties: {
        selector: labels,
        ports: {
          type: 'array',
          minItems: 1,
          items: { type: 'object', required: ['port', 'targetPort'], properties: { port: { type: 'integer' } } },
        },
      },
    },
  },
};
