// The fake card processor's HTTP API: charge, refund, and look-ups that let tests assert "charged exactly
// once". Built without listening, so tests start it on port 0 and payment-provider.ts on its real port.
import { Router, type Express } from 'express';
import { ChargeLedger, type Charge, type ChargeRequest } from './charges';
import { notFound } from './errors';
import { createProviderApp, type ProviderAppOptions } from './provider-app';
import { currencyCode, jsonObject, nonEmptyString, positiveInt, queryParam } from './validate';

function parseChargeRequest(body: unknown): ChargeRequest {
  const json = jsonObject(body);
  return {
    idempotencyKey: nonEmptyString(json, 'idempotencyKey'),
    amountCents: positiveInt(json, 'amountCents'),
    currency: currencyCode(json, 'currency'),
    token: nonEmptyString(json, 'token'),
  };
}

/** What POST /v1/charges answers; built from fields that never change, so a replay is byte-for-byte the same. */
function chargeResult(charge: Charge) {
  return charge.status === 'succeeded'
    ? { chargeId: charge.chargeId, status: charge.status, amountCents: charge.amountCents, currency: charge.currency }
    : { chargeId: charge.chargeId, status: charge.status, declineCode: charge.declineCode };
}

function chargeView(charge: Charge) {
  const { refund, ...fields } = charge;
  return { ...fields, refunded: refund !== undefined, refundId: refund?.refundId };
}

export function createPaymentProviderApp(options: ProviderAppOptions): Express {
  const ledger = new ChargeLedger();
  const api = Router();

  api.post('/v1/charges', (req, res) => {
    const charge = ledger.charge(parseChargeRequest(req.body));
    res.status(charge.status === 'succeeded' ? 201 : 402).json(chargeResult(charge));
  });

  api.post('/v1/charges/:chargeId/refunds', (req, res) => {
    const idempotencyKey = nonEmptyString(jsonObject(req.body), 'idempotencyKey');
    const { refundId, chargeId, status, amountCents } = ledger.refund(req.params.chargeId, idempotencyKey);
    res.status(201).json({ refundId, chargeId, status, amountCents });
  });

  api.get('/v1/charges/:chargeId', (req, res) => {
    const charge = ledger.find(req.params.chargeId);
    if (!charge) throw notFound(`no charge ${req.params.chargeId}`);
    res.json(chargeView(charge));
  });

  api.get('/v1/charges', (req, res) => {
    res.json(ledger.list(queryParam(req.query, 'idempotencyKey')).map(chargeView));
  });

  return createProviderApp(options, api);
}
