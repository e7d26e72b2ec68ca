// The console's HTTP app, built from its collaborators so tests can pass fakes: the strict security
// headers on every answer, /health /ready /metrics, the page and its read API, the actions, then 404 and
// problem+json for errors.
import express, { type Express } from 'express';
import { opsRoutes, type Logger, type ReadinessCheck, type SagaMetrics } from '@saga/shared';
import { actionRoutes, type ActionDeps } from './actions';
import { problemMiddleware, unknownRoute } from './problem';
import { readRoutes, type ReadDeps } from './routes';
import { consoleHeaders } from './security';

export interface ConsoleAppDeps extends ReadDeps, Omit<ActionDeps, 'enabled'> {
  logger: Logger;
  metrics: SagaMetrics;
  readiness: readonly ReadinessCheck[];
}

export function createConsoleApp(deps: ConsoleAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(consoleHeaders);
  opsRoutes(deps.metrics, deps.readiness, app);
  app.use(readRoutes(deps));
  app.use(actionRoutes({ ...deps, enabled: deps.actionsEnabled }));
  app.use(unknownRoute);
  app.use(problemMiddleware(deps.logger));
  return app;
}
