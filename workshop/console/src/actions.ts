// The page's buttons, each through a public interface and nothing else: place a normal, declined or
// unshippable order and cancel one through the gateway's REST API (POST /orders with the Idempotency-Key
// the page made for that click), flip a provider's fault switches through its admin API, and replay dead
// letters through the `dlt` CLI's code. Every route is behind CONSOLE_ACTIONS (403 otherwise) and
// validates its input with strict zod schemas (400 problem naming each bad field).
import { Router } from 'express';
import { z } from 'zod';
import { OrderKinds, orderRequest, type GatewayClient, type OrderKind, type ProvidersClient } from '@saga/client';
import type { createKafka } from '@saga/shared';
import { DeadLetterGroups, replay } from './dead-letters';
import { jsonBody, parseBody, parseParam } from './input';
import { upstream } from './problem';
import { requireActions } from './security';

type Kafka = ReturnType<typeof createKafka>;

export interface ActionDeps {
  enabled: boolean;
  gateway: GatewayClient;
  providers: ProvidersClient;
  kafka: Kafka;
}

/** The customer of every order placed from the page, so they are told apart from a workshop script's. */
export const CONSOLE_CUSTOMER = 'workshop-console';

const placeBody = z.strictObject({
  kind: z.enum(Object.keys(OrderKinds) as [OrderKind, ...OrderKind[]]),
  sku: z.string().trim().min(1).max(64).default('SKU-004'),
  quantity: z.number().int().positive().max(10).default(1),
});
// The gateway checks the key's form (and answers 400 with its own problem); here it only has to be there.
const idempotencyKey = z.string({ error: 'is required: one per click, made by the page' }).min(1).max(255);
const faultsBody = z
  .strictObject({
    latencyMs: z.number().int().min(0).max(60_000),
    errorRate: z.number().min(0).max(1),
    down: z.boolean(),
    rejectAll: z.boolean(),
  })
  .partial();
const replayBody = z.strictObject({
  offsets: z
    .array(z.string().regex(/^\d{1,19}$/, { error: 'must be an offset (digits)' }))
    .min(1)
    .max(100),
});
const providerParam = z.enum(['payment', 'carrier']);
const groupParam = z.enum(DeadLetterGroups);
const orderIdParam = z.uuid();

export function actionRoutes({ enabled, gateway, providers, kafka }: ActionDeps): Router {
  const router = Router();
  router.use('/api/actions', requireActions(enabled));

  router.post('/api/actions/orders', jsonBody, async (req, res) => {
    const key = parseParam(idempotencyKey, req.get('Idempotency-Key'), 'Idempotency-Key');
    const { kind, sku, quantity } = parseBody(placeBody, req.body);
    const request = orderRequest([{ sku, quantity }], { kind, customerId: CONSOLE_CUSTOMER });
    const accepted = await upstream('the gateway', () => gateway.placeOrder(request, { idempotencyKey: key }));
    res.status(202).json({ ...accepted, kind });
  });

  router.post('/api/actions/orders/:id/cancel', async (req, res) => {
    const orderId = parseParam(orderIdParam, req.params.id, 'id');
    res.status(202).json(await upstream('the gateway', () => gateway.cancel(orderId)));
  });

  router.put('/api/actions/faults/:provider', jsonBody, async (req, res) => {
    const provider = parseParam(providerParam, req.params.provider, 'provider');
    const patch = parseBody(faultsBody, req.body);
    res.json(await upstream(`the ${provider} provider`, () => providers.setFaults(provider, patch)));
  });

  router.delete('/api/actions/faults/:provider', async (req, res) => {
    const provider = parseParam(providerParam, req.params.provider, 'provider');
    res.json(await upstream(`the ${provider} provider`, () => providers.resetFaults(provider)));
  });

  router.post('/api/actions/dead-letters/:group/replay', jsonBody, async (req, res) => {
    const group = parseParam(groupParam, req.params.group, 'group');
    const { offsets } = parseBody(replayBody, req.body);
    res.json({ replayed: await replay(kafka, group, offsets) });
  });

  return router;
}
