// The OpenAPI document: valid for a maintained validator, in step with the routes the express app
// really registers, served by the gateway with its docs page, and committed to docs/ as generated.
import fs from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import { validate, compileErrors } from '@readme/openapi-parser';
import { SagaMetrics } from '@saga/shared';
import { createApp } from '../src/app';
import type { IdempotencyStore } from '../src/idempotency';
import { openApiDocument } from '../src/openapi/document';
import type { ReadModel } from '../src/projection/read-model';
import { FakePublisher, silentLogger, startGateway, TEST_RATE_LIMIT, testVerifier } from './helpers';

const COMMITTED = path.resolve(__dirname, '../../../docs/openapi.json');

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  slash?: boolean;
  handle: { stack?: Layer[] };
}

/** `GET /orders/{id}` for every route in the app, including those of routers mounted with app.use(). */
function registeredRoutes(stack: Layer[]): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const openApiPath = layer.route.path.replace(/:(\w+)/g, '{$1}');
      return Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${openApiPath}`);
    }
    if (!layer.handle.stack) return []; // plain middleware: context, static assets, 404, errors
    if (!layer.slash) throw new Error('a router is mounted under a prefix: teach registeredRoutes about it');
    return registeredRoutes(layer.handle.stack);
  });
}

function documentedRoutes(): string[] {
  return Object.entries(openApiDocument().paths ?? {}).flatMap(([route, operations]) =>
    Object.keys(operations as object).map((method) => `${method.toUpperCase()} ${route}`),
  );
}

const app: Express = createApp({
  logger: silentLogger,
  metrics: new SagaMetrics('gateway-test'),
  publisher: new FakePublisher(),
  readModel: {} as ReadModel, // never called either
  idempotency: {} as IdempotencyStore, // never called: routes are only listed here
  orderHistory: { history: async () => undefined },
  projection: { rebuild: async () => undefined },
  readiness: [],
  consoleUrl: 'http://127.0.0.1:8090',
  verifier: testVerifier,
  orderRateLimit: TEST_RATE_LIMIT,
});

describe('OpenAPI document', () => {
  it('is valid OpenAPI 3.1 for @readme/openapi-parser, without warnings', async () => {
    // A JSON copy: validate() dereferences in place, and its types are another package's OpenAPI model.
    const result = await validate(JSON.parse(JSON.stringify(openApiDocument())));

    expect(result.valid ? '' : compileErrors(result)).toBe('');
    expect(result.warnings).toEqual([]);
    expect(openApiDocument().openapi).toBe('3.1.0');
  });

  it('documents every route the app registers, and no route it does not', () => {
    const registered = registeredRoutes((app as unknown as { router: { stack: Layer[] } }).router.stack);

    expect(registered.length).toBeGreaterThan(10);
    expect([...new Set(registered)].sort()).toEqual(documentedRoutes().sort());
  });

  it('is committed to docs/openapi.json as generated (run `make docs` after changing the API)', () => {
    const committed: unknown = JSON.parse(fs.readFileSync(COMMITTED, 'utf8'));

    expect(committed).toEqual(openApiDocument());
  });
});

describe('When the gateway runs', () => {
  it('Then it serves the document at /openapi.json and Swagger UI at /docs from its own assets', async () => {
    const gateway = await startGateway();
    try {
      const served = await gateway.request('/openapi.json');
      const page = await gateway.request('/docs');
      const bundle = await gateway.request('/docs/assets/swagger-ui-bundle.js');
      const demo = await gateway.request('/docs/assets/swagger-initializer.js');

      expect(await served.json()).toEqual(openApiDocument());
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toContain("url: '/openapi.json'");
      expect({ bundle: bundle.status, type: bundle.headers.get('content-type') }).toEqual({
        bundle: 200,
        type: expect.stringMatching(/javascript/),
      });
      expect(demo.status).toBe(404);
    } finally {
      await gateway.stop();
    }
  });
});
