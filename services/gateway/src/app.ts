// The gateway's HTTP app, built from its collaborators so tests can pass fakes: request context,
// /health /ready /metrics, the order and inventory routes, /openapi.json and /docs, the redirect of the
// old /console links to the workshop console's own process, then 404 and problem+json for errors.
// The ops routes, the API's description and the redirect are open; every API route checks its caller.
import express, { type Express } from 'express';
import { opsRoutes, type Logger, type ReadinessCheck, type SagaMetrics, type TokenVerifier } from '@saga/shared';
import type { IdempotencyStore } from './idempotency';
import { httpRequestCounter } from './metrics';
import type { OrderHistorySource } from './order-history';
import { problemMiddleware, unknownRoute } from './problem';
import { TokenBuckets, type RateLimit } from './rate-limit';
import type { ReadModel } from './projection/read-model';
import { requestContext } from './request-context';
import { adminRoutes, type ReadModelRebuilder } from './routes/admin';
import { consoleRedirect } from './routes/console-redirect';
import { docsRoutes } from './routes/docs';
import { inventoryRoutes } from './routes/inventory';
import { orderHistoryRoutes } from './routes/order-history';
import { orderRoutes } from './routes/orders';
import { commandSender, type Publisher } from './routes/publish';

export interface GatewayDeps {
  logger: Logger;
  metrics: SagaMetrics;
  publisher: Publisher;
  readModel: ReadModel;
  idempotency: IdempotencyStore;
  /** GET /orders/{id}/history: the order service's event store. */
  orderHistory: OrderHistorySource;
  /** POST /admin/read-model/rebuild: the projection. */
  projection: ReadModelRebuilder;
  readiness: readonly ReadinessCheck[];
  /** Where /console and /console/* redirect: the workshop console's public URL. */
  consoleUrl: string;
  /** Verifies the callers' bearer tokens. */
  verifier: TokenVerifier;
  /** Per caller on POST /orders. */
  orderRateLimit: RateLimit;
}

export function createApp(deps: GatewayDeps): Express {
  const { logger, metrics, publisher, readModel, idempotency, orderHistory, projection, readiness, verifier } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.use(requestContext(logger, httpRequestCounter(metrics)));
  opsRoutes(metrics, readiness, app);
  const send = commandSender(publisher, metrics);
  const orderBuckets = new TokenBuckets(deps.orderRateLimit);
  app.use(orderRoutes({ send, readModel, idempotency, verifier, orderBuckets }));
  app.use(orderHistoryRoutes(orderHistory, verifier));
  app.use(inventoryRoutes({ send, readModel, verifier }));
  app.use(adminRoutes(projection, verifier));
  app.use(docsRoutes());
  app.use('/console', consoleRedirect(deps.consoleUrl));
  app.use(unknownRoute);
  app.use(problemMiddleware(logger));
  return app;
}
