// The fake carrier's HTTP API: book and cancel shipments, and look-ups that let tests assert "shipped at
// most once". Built without listening, so tests start it on port 0 and carrier.ts on its real port.
import { Router, type Express } from 'express';
import { notFound } from './errors';
import { createProviderApp, type ProviderAppOptions } from './provider-app';
import { ShipmentBook, type Address, type Shipment, type ShipmentItem, type ShipmentRequest } from './shipments';
import { jsonObject, nonEmptyArray, nonEmptyString, positiveInt, queryParam } from './validate';

function parseAddress(value: unknown): Address {
  const json = jsonObject(value, 'address');
  const field = (name: keyof Address) => nonEmptyString(json, name, `address.${name}`);
  return {
    name: field('name'),
    line1: field('line1'),
    city: field('city'),
    postalCode: field('postalCode'),
    country: field('country'),
  };
}

function parseItem(value: unknown, index: number): ShipmentItem {
  const json = jsonObject(value, `items[${index}]`);
  return {
    sku: nonEmptyString(json, 'sku', `items[${index}].sku`),
    quantity: positiveInt(json, 'quantity', `items[${index}].quantity`),
  };
}

function parseShipmentRequest(body: unknown): ShipmentRequest {
  const json = jsonObject(body);
  return {
    idempotencyKey: nonEmptyString(json, 'idempotencyKey'),
    address: parseAddress(json.address),
    items: nonEmptyArray(json, 'items').map(parseItem),
    ...(json.giftMessage !== undefined && { giftMessage: nonEmptyString(json, 'giftMessage') }),
  };
}

/** What POST /v1/shipments answers; built from fields that never change, so a replay is the same answer. */
function bookingResult(shipment: Shipment) {
  const { shipmentId, carrier, trackingNumber, reason } = shipment;
  return shipment.outcome === 'booked'
    ? { shipmentId, carrier, trackingNumber, status: 'booked' }
    : { shipmentId, status: 'refused', reason };
}

function shipmentView(shipment: Shipment) {
  const { outcome, cancelled, ...fields } = shipment;
  return { ...fields, status: cancelled ? 'cancelled' : outcome };
}

export function createCarrierApp(options: ProviderAppOptions): Express {
  const book = new ShipmentBook();
  const api = Router();

  api.post('/v1/shipments', (req, res) => {
    const shipment = book.book(parseShipmentRequest(req.body));
    res.status(shipment.outcome === 'booked' ? 201 : 422).json(bookingResult(shipment));
  });

  api.post('/v1/shipments/:shipmentId/cancel', (req, res) => {
    const { shipmentId } = book.cancel(req.params.shipmentId);
    res.json({ shipmentId, status: 'cancelled' });
  });

  api.get('/v1/shipments/:shipmentId', (req, res) => {
    const shipment = book.find(req.params.shipmentId);
    if (!shipment) throw notFound(`no shipment ${req.params.shipmentId}`);
    res.json(shipmentView(shipment));
  });

  api.get('/v1/shipments', (req, res) => {
    res.json(book.list(queryParam(req.query, 'idempotencyKey')).map(shipmentView));
  });

  return createProviderApp(options, api);
}
