// The gateway answers what its OpenAPI document says: each real answer (status, media type, body) is
// checked against the documented response, so a representation cannot drift from the document.
import Ajv2020 from 'ajv/dist/2020';
import { openApiDocument } from '../src/openapi/document';
import { at, orderRecord, projected, record, startGateway, stockLevel, validOrder, type TestGateway } from './helpers';

type Schema = Record<string, unknown>;
const document = openApiDocument();
// Formats (uuid, date-time) are not asserted here: the routes' own tests check the values.
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });

/** Where `response` breaks the documented answer of `method path` (a template, e.g. /orders/{id}). */
async function violations(method: string, path: string, response: Response): Promise<string[]> {
  const operation = (document.paths?.[path] as Record<string, { responses: Record<string, Schema> }>)[method];
  const documented = operation?.responses[String(response.status)] as
    | { content?: Record<string, { schema: Schema }> }
    | undefined;
  if (!documented) return [`${response.status} is not documented for ${method} ${path}`];
  const mediaType = (response.headers.get('content-type') ?? '').split(';')[0] ?? '';
  const content = documented.content?.[mediaType];
  if (!content) return [`${mediaType} is not documented for ${response.status} of ${method} ${path}`];
  const body: unknown = mediaType.endsWith('json') ? await response.json() : await response.text();
  // The components travel with the schema, so its `#/components/...` references resolve.
  const validate = ajv.compile({ ...content.schema, components: document.components });
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || 'body'} ${error.message ?? ''}`);
}

let gateway: TestGateway;
beforeEach(async () => {
  gateway = await startGateway([{ name: 'projection-caught-up', check: () => true }]);
  const level = { currency: 'EUR', reserved: 1, sold: 2 };
  await gateway.readModel.apply([
    stockLevel(
      record('StockLevelChanged', { sku: 'SKU-001', name: 'Pen', unitPriceCents: 1999, available: 9, ...level }),
    ),
  ]);
});
afterEach(() => gateway.stop());

async function placedOrderId(): Promise<string> {
  const response = await gateway.postJson('/orders', validOrder(), { 'Idempotency-Key': '"k-1"' });
  expect(await violations('post', '/orders', response.clone())).toEqual([]);
  return ((await response.json()) as { orderId: string }).orderId;
}

it('When orders are placed, read and cancelled, Then every answer is the documented one', async () => {
  const orderId = await placedOrderId();
  const lines = [{ sku: 'SKU-001', quantity: 2, unitPriceCents: 1999 }];
  const reserved = record('StockReserved', { orderId, lines, totalCents: 3998, currency: 'EUR' });
  // With a trace id, as a record's traceparent header gives it, so traceId is checked against the document too.
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  await gateway.readModel.apply([
    { ...projected(orderRecord('StockReserved', reserved), at('inventory.events')), traceId },
  ]);

  expect(await violations('get', '/orders/{id}', await gateway.request(`/orders/${orderId}`))).toEqual([]);
  expect(await violations('get', '/orders/{id}/events', await gateway.request(`/orders/${orderId}/events`))).toEqual(
    [],
  );
  const cancel = () => gateway.request(`/orders/${orderId}/cancel`, { method: 'POST' });
  expect(await violations('post', '/orders/{id}/cancel', await cancel())).toEqual([]);

  const cancelled = record('OrderCancelled', { orderId, reason: 'CANCELLED_BY_CUSTOMER' });
  await gateway.readModel.apply([projected(orderRecord('OrderCancelled', cancelled), at('order.events'))]);
  expect(await violations('get', '/orders/{id}', await gateway.request(`/orders/${orderId}`))).toEqual([]);
  const conflict = await cancel();
  expect(conflict.status).toBe(409);
  expect(await violations('post', '/orders/{id}/cancel', conflict)).toEqual([]);
});

it('When requests are refused, Then each problem is a documented one', async () => {
  const invalid = await gateway.postJson('/orders', { ...validOrder(), items: [] });
  const notJson = await gateway.request('/orders', {
    method: 'POST',
    body: 'x',
    headers: { 'content-type': 'text/plain' },
  });
  const reused = await gateway.postJson('/orders', validOrder(), { 'Idempotency-Key': 'k-2' });
  const mismatch = await gateway.postJson(
    '/orders',
    { ...validOrder(), items: [{ sku: 'SKU-001', quantity: 3 }] },
    { 'Idempotency-Key': 'k-2' },
  );
  const anonymous = await gateway.postJson('/orders', validOrder(), { authorization: '' });
  const notOwnCustomer = await gateway.postJson('/orders', { ...validOrder(), customerId: 'c-2' });
  const operatorPlacing = await gateway.postJson('/orders', validOrder(), gateway.operator);
  gateway.publisher.failWith = new Error('broker down');
  const unavailable = await gateway.postJson('/orders', validOrder());

  for (const [response, status] of [
    [invalid, 400],
    [notJson, 415],
    [reused, 202],
    [mismatch, 422],
    [anonymous, 401],
    [notOwnCustomer, 403],
    [operatorPlacing, 403],
    [unavailable, 503],
  ] as const) {
    expect(response.status).toBe(status);
    expect(await violations('post', '/orders', response)).toEqual([]);
  }
  expect(await violations('get', '/orders/{id}', await gateway.request('/orders/unknown'))).toEqual([]);
});

it('When inventory and operator endpoints are read, Then every answer is the documented one', async () => {
  expect(await violations('get', '/inventory', await gateway.request('/inventory'))).toEqual([]);
  expect(await violations('get', '/inventory/{sku}', await gateway.request('/inventory/SKU-001'))).toEqual([]);
  const restock = await gateway.postJson('/inventory/SKU-001/restock', { quantity: 5 }, gateway.operator);
  expect(await violations('post', '/inventory/{sku}/restock', restock)).toEqual([]);
  expect(await violations('get', '/health', await gateway.request('/health'))).toEqual([]);
  expect(await violations('get', '/ready', await gateway.request('/ready'))).toEqual([]);
  expect(await violations('get', '/metrics', await gateway.request('/metrics'))).toEqual([]);
});
