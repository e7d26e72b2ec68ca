// The console's buttons: place a normal, declined or unshippable order, cancel one, flip a provider's
// fault switches, replay dead letters. Every route is behind CONSOLE_ACTIONS (403 otherwise) and
// validates its input as the REST API does (strict zod schemas, 400 problem naming each bad field).
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { ConsumerGroups, chooseDeadLetters, readDeadLetters, replayDeadLetters, type createKafka } from '@saga/shared';
import { HttpProblem } from '../problem';
import type { ReadModel } from '../projection/read-model';
import { correlate } from '../request-context';
import { jsonBody } from '../routes/json-body';
import { requestCancellation, toPlaceOrder } from '../routes/orders';
import type { SendCommand } from '../routes/publish';
import { parseBody, placeOrderBody } from '../validation';
import { requireActions } from './security';

type Kafka = ReturnType<typeof createKafka>;

export interface ConsoleActionDeps {
  enabled: boolean;
  send: SendCommand;
  readModel: ReadModel;
  kafka: Kafka;
  providerUrls: Record<'payment' | 'carrier', string>;
}

// The workshop's three outcomes, made the way the fake providers are told to fail (see the README).
const ORDER_KINDS = {
  normal: { token: 'tok_visa', postalCode: '10115' },
  declined: { token: 'tok_chargeDeclined', postalCode: '10115' },
  unshippable: { token: 'tok_visa', postalCode: '00000' },
} as const;

const placeBody = z.strictObject({
  kind: z.enum(Object.keys(ORDER_KINDS) as [keyof typeof ORDER_KINDS]),
  sku: z.string().trim().min(1).max(64).default('SKU-004'),
  quantity: z.number().int().positive().max(10).default(1),
});
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
const groupParam = z.enum(Object.values(ConsumerGroups) as [string, ...string[]]);
const orderIdParam = z.uuid();

/** A path parameter, or a 400 problem naming it (the same body as a bad field). */
function param<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new HttpProblem('validation', `${name} is not valid`, {
    errors: [{ field: name, message: result.error.issues[0]?.message ?? 'is not valid' }],
  });
}

export function consoleActionRoutes({ enabled, send, readModel, kafka, providerUrls }: ConsoleActionDeps): Router {
  const router = Router();
  router.use('/console/api/actions', requireActions(enabled));

  router.post('/console/api/actions/orders', jsonBody, async (req, res) => {
    const { kind, sku, quantity } = parseBody(placeBody, req.body);
    const { token, postalCode } = ORDER_KINDS[kind];
    const body = parseBody(placeOrderBody, {
      customerId: 'workshop-console',
      items: [{ sku, quantity }],
      paymentMethod: { token },
      shippingAddress: { name: 'Ada', line1: '1 Main St', city: 'Berlin', postalCode, country: 'DE' },
    });
    const orderId = randomUUID();
    const log = correlate(res, orderId);
    const command = toPlaceOrder(body, orderId, res.locals.requestId);
    await send({ type: 'PlaceOrder', key: orderId, value: command }, log);
    readModel.acceptOrder(command);
    res.status(202).location(`/orders/${orderId}`).json({ orderId, status: 'PENDING', kind });
  });

  router.post('/console/api/actions/orders/:id/cancel', async (req, res) => {
    const orderId = param(orderIdParam, req.params.id, 'id');
    correlate(res, orderId);
    const order = readModel.order(orderId);
    if (!order) throw new HttpProblem('notFound', `no order ${orderId}`);
    await requestCancellation(send, order, res);
  });

  router.put('/console/api/actions/faults/:provider', jsonBody, async (req, res) => {
    const provider = param(providerParam, req.params.provider, 'provider');
    const patch = parseBody(faultsBody, req.body);
    res.json(await callProvider(`${providerUrls[provider]}/admin/faults`, 'PUT', patch));
  });

  router.delete('/console/api/actions/faults/:provider', async (req, res) => {
    const provider = param(providerParam, req.params.provider, 'provider');
    res.json(await callProvider(`${providerUrls[provider]}/admin/faults`, 'DELETE'));
  });

  router.post('/console/api/actions/dead-letters/:group/replay', jsonBody, async (req, res) => {
    const group = param(groupParam, req.params.group, 'group');
    const { offsets } = parseBody(replayBody, req.body);
    const { found, missing } = chooseDeadLetters(await readDeadLetters(kafka, group, 'gateway-console-dlt'), offsets);
    if (missing.length > 0) throw new HttpProblem('notFound', `no dead letter at offset(s) ${missing.join(', ')}`);
    res.json({ replayed: await replayDeadLetters(kafka, found) });
  });

  return router;
}

/** The provider's admin API; an unreachable provider is a retriable 503 for the page. */
async function callProvider(url: string, method: string, body?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(5_000),
  }).catch((error: unknown) => {
    throw new HttpProblem(
      'unavailable',
      `the provider at ${url} did not answer`,
      { retryAfterSeconds: 1 },
      { cause: error },
    );
  });
  if (!response.ok)
    throw new HttpProblem('unavailable', `the provider answered ${response.status}`, { retryAfterSeconds: 1 });
  return response.json();
}
