// The small HTTP port every process serves for operators: liveness, readiness and Prometheus metrics.
import type { Server } from 'node:http';
import express, { type Express } from 'express';
import type { SagaMetrics } from '../metrics';

/** The ops port's app: a service adds its read-only queries to it (ServiceRuntime.serve). */
export type OpsApp = Express;

export interface ReadinessCheck {
  name: string;
  check: () => boolean | Promise<boolean>;
}

/** Adds GET /health, /ready and /metrics to `app` (a new one unless given, e.g. the gateway's). */
export function opsRoutes(metrics: SagaMetrics, checks: readonly ReadinessCheck[], app: Express = express()): Express {
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const results = await Promise.all(
      checks.map(async ({ name, check }) => [name, await Promise.resolve(check()).catch(() => false)] as const),
    );
    const ready = results.every(([, ok]) => ok);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(results) });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return app;
}

export function listen(app: Express, port: number, host = '127.0.0.1'): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}

export function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
