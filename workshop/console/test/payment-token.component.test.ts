// The page never shows a payment token: an order's timeline and history, read through the console from
// the gateway, carry the marker in its place, even from a gateway that answers the token (here, a fake).
import type { Server } from 'node:http';
import express from 'express';
import { GatewayClient, ProvidersClient, ZipkinClient } from '@saga/client';
import { REDACTED, SagaMetrics, close, listen, loadCatalog, type Logger, type createKafka } from '@saga/shared';
import { createConsoleApp } from '../src/app';
import { systemMap } from '../src/system-map';

const silent = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} } as unknown as Logger;
const ORDER_ID = '3f0c8f5e-8a4f-4bde-9c1e-2b8d4a0c9e11';
const TOKEN = 'tok_visa_do_not_show';

/** A gateway that answers the order's records as they were written, token included. */
function leakyGateway() {
  const app = express();
  const placed = { orderId: ORDER_ID, customerId: 'c-1', items: [], paymentToken: TOKEN, giftMessage: null };
  app.get('/orders/:id/events', (_req, res) => {
    res.json([
      {
        ...{ eventId: ORDER_ID, type: 'OrderPlaced', topic: 'order.events', partition: 0, offset: 0 },
        ...{ producer: 'order', occurredAt: '2025-01-01T12:00:00.000Z', causationId: 'r-1', payload: placed },
      },
    ]);
  });
  app.get('/orders/:id/history', (_req, res) => {
    res.json({
      orderId: ORDER_ID,
      version: 1,
      latestVersion: 1,
      state: {},
      events: [{ type: 'OrderPlaced', event: placed }],
    });
  });
  return app;
}

describe("the console's order views", () => {
  let gateway: Server;
  let page: Server;
  let consoleUrl: string;
  const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  beforeAll(async () => {
    gateway = await listen(leakyGateway(), 0);
    const app = createConsoleApp({
      logger: silent,
      metrics: new SagaMetrics('console-test'),
      live: { join: () => () => {} },
      kafka: {} as ReturnType<typeof createKafka>,
      gateway: new GatewayClient(urlOf(gateway)),
      traces: new ZipkinClient('http://zipkin.test:9411'),
      providers: new ProvidersClient({ payment: 'http://127.0.0.1:9', carrier: 'http://127.0.0.1:9' }),
      actionsEnabled: false,
      map: systemMap(loadCatalog()),
      readiness: [],
    });
    page = await listen(app, 0);
    consoleUrl = urlOf(page);
  });
  afterAll(async () => {
    await close(page);
    await close(gateway);
  });

  it("When the page reads an order's timeline, Then OrderPlaced shows the marker instead of the token", async () => {
    const body = await (await fetch(`${consoleUrl}/api/orders/${ORDER_ID}/events`)).text();

    expect(JSON.parse(body)).toEqual([
      expect.objectContaining({ payload: expect.objectContaining({ paymentToken: REDACTED }) }),
    ]);
    expect(body).not.toContain(TOKEN);
  });

  it("When the page reads an order's history, Then OrderPlaced shows the marker instead of the token", async () => {
    const body = await (await fetch(`${consoleUrl}/api/orders/${ORDER_ID}/history`)).text();

    expect(JSON.parse(body)).toMatchObject({ events: [{ event: { paymentToken: REDACTED } }] });
    expect(body).not.toContain(TOKEN);
  });
});
