// /orders in the OpenAPI document: the request schemas are the ones the routes validate with
// (validation.ts, idempotency.ts) and the response schemas the ones the routes answer with.
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { idempotencyKeyHeader } from '../idempotency';
import { cancellationAcceptedView, orderAcceptedView, orderView, timelineEntryView } from '../routes/representations';
import { orderHistoryView } from '../routes/history-representation';
import { historyQuery } from '../routes/order-history';
import { placeOrderBody } from '../validation';
import { problemResponses } from './problems';
import { requires } from './security';

const ORDER_ID = '3f0c8f5e-8a4f-4bde-9c1e-2b8d4a0c9e11';

const orderIdParams = z.object({
  id: z.string().meta({ description: 'The orderId a 202 answered with', example: ORDER_ID }),
});

const placeOrderExample = {
  customerId: 'c-1',
  items: [{ sku: 'SKU-001', quantity: 2 }],
  paymentMethod: { token: 'tok_visa' },
  shippingAddress: { name: 'Ada', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' },
};

export function registerOrderPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/orders',
    tags: ['orders'],
    operationId: 'placeOrder',
    ...requires('customer'),
    summary: "Place an order as the token's customer",
    description:
      'Publishes PlaceOrder to order.commands and answers 202 at once: the saga decides later, and ' +
      'GET /orders/{id} shows the outcome. With an Idempotency-Key, a retry with the same body answers as ' +
      'the first request did and places nothing new (keys are per caller); 409 while the first request with that key is still ' +
      'being handled (retry after Retry-After); 422 when the key was used with another body.',
    request: {
      headers: z.object({ 'Idempotency-Key': idempotencyKeyHeader.optional() }),
      body: {
        required: true,
        content: {
          'application/json': {
            schema: placeOrderBody,
            examples: {
              order: { value: placeOrderExample },
              declined: {
                summary: 'declined by the fake provider',
                value: { ...placeOrderExample, paymentMethod: { token: 'tok_chargeDeclined' } },
              },
            },
          },
        },
      },
    },
    responses: {
      202: {
        description: 'Accepted: the order is PENDING. A replay of an Idempotency-Key answers the same orderId.',
        headers: z.object({
          Location: z.string().meta({ description: 'Where to read the order', example: `/orders/${ORDER_ID}` }),
          'Idempotent-Replayed': z.literal('true').optional().meta({ description: 'Only on a replayed answer' }),
        }),
        content: {
          'application/json': { schema: orderAcceptedView, example: { orderId: ORDER_ID, status: 'PENDING' } },
        },
      },
      ...problemResponses(
        '/orders',
        'validation',
        'unauthorized',
        'forbidden',
        'tooManyRequests',
        'malformedJson',
        'badIdempotencyKey',
        'keyInFlight',
        'tooLarge',
        'unsupportedMediaType',
        'keyReused',
        'unavailable',
      ),
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/orders/{id}',
    tags: ['orders'],
    operationId: 'getOrder',
    ...requires('customer', 'operator'),
    summary: 'Read an order',
    description: 'From the read model: a just-placed order is PENDING; prices appear once the stock is reserved.',
    request: { params: orderIdParams },
    responses: {
      200: { description: 'The order', content: { 'application/json': { schema: orderView } } },
      ...problemResponses(`/orders/${ORDER_ID}`, 'unauthorized', 'forbidden', 'notFound'),
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/orders/{id}/events',
    tags: ['orders'],
    operationId: 'getOrderTimeline',
    ...requires('customer', 'operator'),
    summary: "An order's saga timeline",
    description: 'Every command and event of the order across topics, ordered by occurredAt.',
    request: { params: orderIdParams },
    responses: {
      200: { description: 'The timeline', content: { 'application/json': { schema: z.array(timelineEntryView) } } },
      ...problemResponses(`/orders/${ORDER_ID}/events`, 'unauthorized', 'forbidden', 'notFound'),
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/orders/{id}/history',
    tags: ['orders'],
    operationId: 'getOrderHistory',
    ...requires('customer', 'operator'),
    summary: "An order's event stream, with the state after each event",
    description:
      "From the order service's event store (the order service is event-sourced; the gateway asks its ops " +
      'port, a read-only query): every fact the order was folded from, in version order — its own events ' +
      '(published to order.events from these very rows) and the events it accepted from other services — ' +
      'each with the state after it. `?version=n` stops at version n: `state` is then the order as it was. ' +
      '404 for an unknown order or a version it does not have; 503 when the order service does not answer.',
    request: { params: orderIdParams, query: historyQuery },
    responses: {
      200: { description: 'The history', content: { 'application/json': { schema: orderHistoryView } } },
      ...problemResponses(
        `/orders/${ORDER_ID}/history`,
        'validation',
        'unauthorized',
        'forbidden',
        'notFound',
        'unavailable',
      ),
    },
  });

  registry.registerPath({
    method: 'post',
    path: '/orders/{id}/cancel',
    tags: ['orders'],
    operationId: 'cancelOrder',
    ...requires('customer', 'operator'),
    summary: 'Cancel a PENDING order',
    description:
      'Publishes CancelOrder; the order becomes CANCELLED (CANCELLED_BY_CUSTOMER) unless the saga ' +
      'finished first. 409 once the order is CONFIRMED or CANCELLED.',
    request: { params: orderIdParams },
    responses: {
      202: {
        description: 'Accepted: the order service decides',
        content: { 'application/json': { schema: cancellationAcceptedView } },
      },
      ...problemResponses(
        `/orders/${ORDER_ID}/cancel`,
        'unauthorized',
        'forbidden',
        'notFound',
        'notCancellable',
        'unavailable',
      ),
    },
  });
}
