// The operator and documentation endpoints in the OpenAPI document. /health, /ready and /metrics are
// served by the shared ops routes (shared/src/service/ops-server.ts), whose answers these describe.
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { rebuildAcceptedView } from '../routes/admin';
import { problemResponses } from './problems';
import { open, requires } from './security';

const readiness = z
  .object({
    status: z.enum(['ready', 'not ready']),
    checks: z.record(z.string(), z.boolean()).meta({
      description: 'Each check by name: schema-writers, projection-joined, projection-caught-up',
      example: { 'schema-writers': true, 'projection-joined': true, 'projection-caught-up': false },
    }),
  })
  .meta({ id: 'Readiness' });

const readinessContent = { 'application/json': { schema: readiness } };

export function registerOpsPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/health',
    tags: ['operations'],
    operationId: 'health',
    ...open,
    summary: 'Liveness: the process answers',
    responses: {
      200: { description: 'Alive', content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } } },
      ...problemResponses('/health'),
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/ready',
    tags: ['operations'],
    operationId: 'ready',
    ...open,
    summary: 'Readiness: writers registered and the read model caught up with the topics',
    responses: {
      200: { description: 'Ready', content: readinessContent },
      503: { description: 'Not ready yet; `checks` says which check fails', content: readinessContent },
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/metrics',
    tags: ['operations'],
    operationId: 'metrics',
    ...open,
    summary: 'Prometheus metrics',
    responses: {
      200: { description: 'Text exposition format 0.0.4', content: { 'text/plain': { schema: z.string() } } },
      ...problemResponses('/metrics'),
    },
  });

  registry.registerPath({
    method: 'post',
    path: '/admin/read-model/rebuild',
    tags: ['operations'],
    operationId: 'rebuildReadModel',
    ...requires('operator'),
    summary: 'Rebuild the read model from the topics, while the gateway runs',
    description:
      'Stops the projection, empties the read model (orders, products, applied offsets) and projects every ' +
      'retained record again from the beginning of the topics (`make rebuild-read-model` calls this). Answers ' +
      'once the new projection has started; poll /ready, 503 until it has caught up. Meanwhile reads may answer 404. ' +
      "An operator endpoint: nothing is lost that the topics do not hold, but orders older than the topics' " +
      'retention (7 days) drop out of the read model (the order service keeps them).',
    responses: {
      202: {
        description: 'Rebuilding; poll /ready',
        headers: z.object({ Location: z.literal('/ready') }),
        content: { 'application/json': { schema: rebuildAcceptedView } },
      },
      ...problemResponses('/admin/read-model/rebuild', 'unauthorized', 'forbidden'),
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/openapi.json',
    tags: ['documentation'],
    operationId: 'openApiDocument',
    ...open,
    summary: 'This document',
    responses: {
      200: {
        description: 'OpenAPI 3.1',
        content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
      },
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/docs',
    tags: ['documentation'],
    operationId: 'apiReference',
    ...open,
    summary: 'This document in Swagger UI, served by the gateway itself (no CDN)',
    responses: { 200: { description: 'An HTML page', content: { 'text/html': { schema: z.string() } } } },
  });
}
