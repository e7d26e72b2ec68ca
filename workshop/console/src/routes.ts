// The console's read side, at the root of its own origin: the page (static files from page/, no build
// step), whether actions are enabled, the system map, a group's dead letters, an order with the link to
// its trace, its timeline and history (read from the gateway's REST API, so the page only ever talks to
// its own origin), and the live stream (Server-Sent Events; opening one is what starts the tap).
import path from 'node:path';
import express, { Router } from 'express';
import { z } from 'zod';
import type { GatewayClient, ZipkinClient } from '@saga/client';
import { redactSecrets, type createKafka } from '@saga/shared';
import { DeadLetterGroups, deadLettersOf } from './dead-letters';
import type { StreamSink } from './hub';
import { parseParam } from './input';
import { HttpProblem, upstream } from './problem';
import type { SystemMap } from './system-map';

type Kafka = ReturnType<typeof createKafka>;

/** The page's files: beside dist/ in the source tree and in the image (the Dockerfile copies them). */
export const PAGE_DIR = path.resolve(__dirname, '../page');

export interface ReadDeps {
  /** Where a page's stream joins: the first one starts the tap. */
  live: { join(sink: StreamSink, follows?: string): () => void };
  kafka: Kafka;
  gateway: GatewayClient;
  /** Where the page links an order's trace (ZIPKIN_URL). */
  traces: Pick<ZipkinClient, 'traceUrl'>;
  actionsEnabled: boolean;
  map: SystemMap;
}

const orderIdParam = z.uuid();
const followed = z.uuid().optional();

export function readRoutes({ live, kafka, gateway, traces, actionsEnabled, map }: ReadDeps): Router {
  const router = Router();
  router.use(express.static(PAGE_DIR, { index: 'index.html', maxAge: 0 }));

  router.get('/api/settings', (_req, res) => {
    res.json({ actions: actionsEnabled, groups: DeadLetterGroups });
  });

  router.get('/api/system-map', (_req, res) => {
    res.json(map);
  });

  router.get('/api/dead-letters/:group', async (req, res) => {
    const group = z.enum(DeadLetterGroups).safeParse(req.params.group);
    if (!group.success) throw new HttpProblem('notFound', `no consumer group ${req.params.group}`);
    res.json({ group: group.data, letters: await deadLettersOf(kafka, group.data) });
  });

  // The order as the gateway answers it, and its trace's page in the trace viewer once the gateway knows
  // its trace id (from the order's records: a just-placed order has none for a few milliseconds).
  router.get('/api/orders/:id', async (req, res) => {
    const orderId = parseParam(orderIdParam, req.params.id, 'id');
    const order = await upstream('the gateway', () => gateway.order(orderId));
    res.json(order.traceId ? { ...order, traceUrl: traces.traceUrl(order.traceId) } : order);
  });

  router.get('/api/orders/:id/events', async (req, res) => {
    const orderId = parseParam(orderIdParam, req.params.id, 'id');
    // The gateway redacts the payment token already; the page shows the marker even from one that did not.
    res.json(redactSecrets(await upstream('the gateway', () => gateway.timeline(orderId))));
  });

  router.get('/api/orders/:id/history', async (req, res) => {
    const orderId = parseParam(orderIdParam, req.params.id, 'id');
    res.json(redactSecrets(await upstream('the gateway', () => gateway.history(orderId))));
  });

  router.get('/api/stream', (req, res) => {
    const follows = followed.safeParse(req.query.order ?? undefined);
    res.set({ 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' });
    res.flushHeaders();
    // Reconnecting browsers wait this long; the stream itself never asks them to.
    res.write('retry: 1000\n\n');
    const leave = live.join(
      { write: (chunk) => res.write(chunk), end: () => res.end() },
      follows.success ? follows.data : undefined,
    );
    req.on('close', leave);
  });

  return router;
}
