// /orders: placing an order publishes PlaceOrder and answers 202 at once (the saga decides later);
// reads come from the projection; cancelling publishes CancelOrder while the order is still PENDING.
// A customer places orders as the token's subject and sees only its own: another customer's order is
// the same 404 as an unknown id, so ids cannot be probed. Operators see every order.
import { randomUUID } from 'node:crypto';
import { Router, type Response } from 'express';
import type { z } from 'zod';
import { authorize, hasRole, newEnvelope, Roles, type Caller, type PlaceOrder, type TokenVerifier } from '@saga/shared';
import { SERVICE } from '../config';
import { parseIdempotencyKey, requestHash, type Claim, type IdempotencyStore } from '../idempotency';
import { HttpProblem } from '../problem';
import type { OrderState } from '../projection/orders';
import type { ReadModel } from '../projection/read-model';
import { correlate } from '../request-context';
import { rateLimitByCaller, type TokenBuckets } from '../rate-limit';
import { placeOrderBody, parseBody, type PlaceOrderBody } from '../validation';
import { jsonBody } from './json-body';
import type { SendCommand } from './publish';
import { cancellationAcceptedView, orderAcceptedView, orderJson, timelineJson } from './representations';

export interface OrderRoutesDeps {
  send: SendCommand;
  readModel: ReadModel;
  idempotency: IdempotencyStore;
  verifier: TokenVerifier;
  /** Per caller, on POST /orders. */
  orderBuckets: TokenBuckets;
}

function toPlaceOrder(body: PlaceOrderBody, customerId: string, orderId: string, requestId: string): PlaceOrder {
  return {
    envelope: newEnvelope(SERVICE, { correlationId: orderId, causationId: requestId }),
    orderId,
    customerId,
    items: body.items,
    paymentToken: body.paymentMethod.token,
    shippingAddress: body.shippingAddress,
    giftMessage: body.giftMessage ?? null,
  };
}

const accepted = (res: Response, orderId: string) => {
  const body: z.infer<typeof orderAcceptedView> = { orderId, status: 'PENDING' };
  res.status(202).location(`/orders/${orderId}`).json(body);
};

/** Publishes CancelOrder for a PENDING order and answers 202. */
async function requestCancellation(send: SendCommand, order: OrderState, res: Response): Promise<void> {
  if (order.status !== 'PENDING') {
    throw new HttpProblem('notCancellable', `order ${order.orderId} is already ${order.status}`);
  }
  const envelope = newEnvelope(SERVICE, { correlationId: order.orderId, causationId: res.locals.requestId });
  await send({ type: 'CancelOrder', key: order.orderId, value: { envelope, orderId: order.orderId } }, res.locals.log);
  const body: z.infer<typeof cancellationAcceptedView> = { orderId: order.orderId, status: 'CANCELLATION_REQUESTED' };
  res.status(202).json(body);
}

/** Whether `caller` may see an order of `customerId`: its own, or any for an operator. */
export const maySee = (caller: Caller, customerId: string | null): boolean =>
  hasRole(caller, Roles.operator) || (customerId !== null && customerId === caller.subject);

/**
 * Idempotency keys are the caller's own: the same key from two customers is two requests, and one
 * customer's key never answers with another's order. Length-prefixed, so no subject can forge a prefix.
 */
export const callerKey = (caller: Caller, key: string): string => `${caller.subject.length}:${caller.subject}:${key}`;

export function orderRoutes({ send, readModel, idempotency, verifier, orderBuckets }: OrderRoutesDeps): Router {
  const router = Router();
  const reader = authorize<{ id: string }>(verifier, Roles.customer, Roles.operator);
  const placedOrder = async (orderId: string, res: Response) => {
    correlate(res, orderId);
    const order = await readModel.order(orderId);
    if (!order || !maySee(res.locals.caller, order.customerId))
      throw new HttpProblem('notFound', `no order ${orderId}`);
    return order;
  };

  // Authenticated before the limit (it counts per caller), limited before the body is read.
  const placing = [authorize(verifier, Roles.customer), rateLimitByCaller(orderBuckets), jsonBody];
  router.post('/orders', ...placing, async (req, res) => {
    const body = parseBody(placeOrderBody, req.body);
    const { caller } = res.locals;
    if (body.customerId !== undefined && body.customerId !== caller.subject) {
      throw new HttpProblem('forbidden', "customerId must be the token's subject: customers place their own orders");
    }
    const key = parseIdempotencyKey(req.get('idempotency-key'));
    const storedKey = key === undefined ? undefined : callerKey(caller, key);
    const claim: Claim =
      storedKey === undefined
        ? { kind: 'claimed', orderId: randomUUID() }
        : await idempotency.claim(storedKey, requestHash(req.body), randomUUID());
    if (claim.kind === 'mismatch') throw new HttpProblem('keyReused', 'this Idempotency-Key was used for another body');
    if (claim.kind === 'in-flight') {
      throw new HttpProblem('keyInFlight', 'retry once the first request has answered', { retryAfterSeconds: 1 });
    }
    const { orderId } = claim;
    const log = correlate(res, orderId).child({ idempotencyKey: key });
    if (claim.kind === 'replay') {
      log.debug('idempotent replay: answering as the first time, publishing nothing');
      return void accepted(res.set('Idempotent-Replayed', 'true'), orderId);
    }
    const command = toPlaceOrder(body, caller.subject, orderId, res.locals.requestId);
    try {
      await send({ type: 'PlaceOrder', key: orderId, value: command }, log);
    } catch (error) {
      if (storedKey !== undefined) await idempotency.release(storedKey);
      throw error;
    }
    if (storedKey !== undefined) {
      // The order is placed either way: a retry after a lost completion takes over the same order id.
      await idempotency
        .complete(storedKey)
        .catch((error: unknown) => log.warn({ err: error }, 'idempotency key not completed'));
    }
    // Placed either way: an order the read model missed here becomes readable once projected.
    await readModel
      .acceptOrder(command)
      .catch((error: unknown) => log.warn({ err: error }, 'accepted order not written to the read model'));
    accepted(res, orderId);
  });

  router.get('/orders/:id', reader, async (req, res) => {
    res.json(orderJson(await placedOrder(req.params.id, res)));
  });

  router.get('/orders/:id/events', reader, async (req, res) => {
    res.json((await placedOrder(req.params.id, res)).timeline.map(timelineJson));
  });

  router.post('/orders/:id/cancel', reader, async (req, res) => {
    await requestCancellation(send, await placedOrder(req.params.id, res), res);
  });

  return router;
}
