// The gateway's OpenAPI 3.1 document, generated from the zod schemas the routes validate and answer
// with (zod-to-openapi reads their `.meta()`; no second copy of any schema). Served at /openapi.json
// and written to docs/openapi.json by `make docs`.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { registerInventoryPaths } from './inventory-paths';
import { registerOpsPaths } from './ops-paths';
import { registerOrderPaths } from './order-paths';
import { registerBearerAuth } from './security';

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

const DESCRIPTION = `The REST front door of the saga reference system. Commands (place, cancel, restock) are
published to Kafka and answered **202 Accepted** at once; the outcome is read back from the gateway's read
model, rebuilt from the event topics, so reads are eventually consistent. Every error is
\`application/problem+json\` (RFC 9457): branch on \`type\`. Every answer carries \`X-Request-Id\`, the
causationId of the commands the request published. Every operation but the operational ones and this
document needs a bearer token (\`bearerAuth\`); a customer sees only its own orders, another's is 404.
The events behind these endpoints are described in the AsyncAPI document (docs/asyncapi.yaml).`;

function build(): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  registerBearerAuth(registry);
  registerOrderPaths(registry);
  registerInventoryPaths(registry);
  registerOpsPaths(registry);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Saga Reference gateway',
      version: '1.0.0',
      description: DESCRIPTION,
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [
      { url: '/', description: 'The gateway serving this document' },
      { url: 'http://127.0.0.1:8080', description: '`make dev` (GATEWAY_PORT)' },
    ],
    tags: [
      { name: 'orders', description: 'Place, read and cancel orders' },
      { name: 'inventory', description: 'Stock levels and restocking' },
      { name: 'operations', description: 'Liveness, readiness and metrics' },
      { name: 'documentation', description: 'This document and its browsable page' },
    ],
  });
}

let cached: OpenApiDocument | undefined;

/** Built once per process: the schemas cannot change while it runs. */
export function openApiDocument(): OpenApiDocument {
  cached ??= build();
  return cached;
}
