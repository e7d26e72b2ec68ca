// /orders: placing an order publishes PlaceOrder and answers 202 at once (the saga decides later);
// reads come from the projection; cancelling publishes CancelOrder while the order is still PENDING.
import { randomUUID } from 'node:crypto';
import { Router, type Response } from 'express';
import type { z } from 'zod';
import { newEnvelope, type PlaceOrder } from '@saga/shared';
import { SERVICE } from '../config';
import { parseIdempotencyKey, requestHash, type Claim, type IdempotencyStore } from '../idempotency';
import { HttpProblem } from '../problem';
import type { OrderState } from '../projection/orders';
import type { ReadModel } from '../projection/read-model';
import { correlate } from '../request-context';
import { placeOrderBody, parseBody, type PlaceOrderBody } from '../validation';
import { jsonBody } from './json-body';
import type { SendCommand } from './publish';
import { cancellationAcceptedView, orderAcceptedView, orderJson, timelineJson } from './representations';

export interface OrderRoutesDeps {
  send: SendCommand;
  readModel: ReadModel;
  idempotency: IdempotencyStore;
}

function toPlaceOrder(body: PlaceOrderBody, orderId: string, requestId: string): PlaceOrder {
  return {
    envelope: newEnvelope(SERVICE, { correlationId: orderId, causationId: requestId }),
    orderId,
    customerId: body.customerId,
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

export function orderRoutes({ send, readModel, idempotency }: OrderRoutesDeps): Router {
  const router = Router();
  const placedOrder = async (orderId: string, res: Response) => {
    correlate(res, orderId);
    const order = await readModel.order(orderId);
    if (!order) throw new HttpProblem('notFound', `no order ${orderId}`);
    return order;
  };

  router.post('/orders', jsonBody, async (req, res) => {
    const body = parseBody(placeOrderBody, req.body);
    const key = parseIdempotencyKey(req.get('idempotency-key'));
    const claim: Claim =
      key === undefined
        ? { kind: 'claimed', orderId: randomUUID() }
        : await idempotency.claim(key, requestHash(req.body), randomUUID());
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
    const command = toPlaceOrder(body, orderId, res.locals.requestId);
    try {
      await send({ type: 'PlaceOrder', key: orderId, value: command }, log);
    } catch (error) {
      if (key !== undefined) await idempotency.release(key);
      throw error;
    }
    if (key !== undefined) {
      // The order is placed either way: a retry after a lost completion takes over the same order id.
      await idempotency
        .complete(key)
        .catch((error: unknown) => log.warn({ err: error }, 'idempotency key not completed'));
    }
    // Placed either way: an order the read model missed here becomes readable once projected.
    await readModel
      .acceptOrder(command)
      .catch((error: unknown) => log.warn({ err: error }, 'accepted order not written to the read model'));
    accepted(res, orderId);
  });

  router.get('/orders/:id', async (req, res) => {
    res.json(orderJson(await placedOrder(req.params.id, res)));
  });

  router.get('/orders/:id/events', async (req, res) => {
    res.json((await placedOrder(req.params.id, res)).timeline.map(timelineJson));
  });

  router.post('/orders/:id/cancel', async (req, res) => {
    await requestCancellation(send, await placedOrder(req.params.id, res), res);
  });

  return router;
}
