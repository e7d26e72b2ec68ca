import { HttpProblem, type FieldError } from '../src/problem';
import { Limits, fieldName, parseBody, placeOrderBody, restockBody } from '../src/validation';
import { validOrder } from './helpers';

function fieldErrorsOf(schema: Parameters<typeof parseBody>[0], body: unknown): FieldError[] {
  try {
    parseBody(schema, body);
  } catch (error) {
    expect(error).toBeInstanceOf(HttpProblem);
    expect((error as HttpProblem).kind).toBe('validation');
    return (error as HttpProblem).extra.errors ?? [];
  }
  throw new Error('expected the body to be rejected');
}

const fields = (errors: FieldError[]) => errors.map((error) => error.field).sort();

describe('the PlaceOrder request body', () => {
  it('accepts the documented example and upper-cases the country', () => {
    const body = { ...validOrder(), shippingAddress: { ...validOrder().shippingAddress, country: 'de' } };
    expect(parseBody(placeOrderBody, body)).toEqual({ ...validOrder() });
  });

  it('takes an optional gift message of up to the label length, refusing a blank or non-string one', () => {
    expect(parseBody(placeOrderBody, { ...validOrder(), giftMessage: ' Hi! ' }).giftMessage).toBe('Hi!');
    const longest = 'x'.repeat(Limits.giftMessageLength);
    expect(parseBody(placeOrderBody, { ...validOrder(), giftMessage: longest }).giftMessage).toBe(longest);
    for (const giftMessage of ['', '  ', 42, null, `${longest}x`]) {
      expect(fields(fieldErrorsOf(placeOrderBody, { ...validOrder(), giftMessage }))).toEqual(['giftMessage']);
    }
  });

  it('names every missing field (customerId is optional: the token names the customer)', () => {
    const errors = fieldErrorsOf(placeOrderBody, {});
    expect(fields(errors)).toEqual(['items', 'paymentMethod', 'shippingAddress']);
    expect(errors.every((error) => error.message === 'is required')).toBe(true);
  });

  it('rejects a quantity that is not a positive integer, naming the line', () => {
    for (const quantity of [0, -1, 1.5, '2']) {
      const errors = fieldErrorsOf(placeOrderBody, { ...validOrder(), items: [{ sku: 'SKU-001', quantity }] });
      expect(fields(errors)).toEqual(['items[0].quantity']);
    }
  });

  it('rejects an empty item list and one past the cap', () => {
    expect(fields(fieldErrorsOf(placeOrderBody, { ...validOrder(), items: [] }))).toEqual(['items']);
    const tooMany = Array.from({ length: Limits.itemsPerOrder + 1 }, (_, i) => ({ sku: `SKU-${i}`, quantity: 1 }));
    expect(fields(fieldErrorsOf(placeOrderBody, { ...validOrder(), items: tooMany }))).toEqual(['items']);
  });

  it('rejects unknown fields at every level, naming each', () => {
    const body = {
      ...validOrder(),
      coupon: 'FREE',
      items: [{ sku: 'SKU-001', quantity: 1, discount: 5 }],
      paymentMethod: { token: 'tok_visa', cvv: '123' },
    };
    expect(fields(fieldErrorsOf(placeOrderBody, body))).toEqual(['coupon', 'items[0].discount', 'paymentMethod.cvv']);
  });

  it('rejects a country that is not two letters', () => {
    for (const country of ['DEU', 'D', '12', '']) {
      const body = { ...validOrder(), shippingAddress: { ...validOrder().shippingAddress, country } };
      expect(fields(fieldErrorsOf(placeOrderBody, body))).toEqual(['shippingAddress.country']);
    }
  });

  it('rejects blank and over-long strings', () => {
    const body = { ...validOrder(), customerId: '   ', paymentMethod: { token: 'x'.repeat(201) } };
    expect(fields(fieldErrorsOf(placeOrderBody, body))).toEqual(['customerId', 'paymentMethod.token']);
  });

  it('rejects a body that is not an object', () => {
    expect(fields(fieldErrorsOf(placeOrderBody, [validOrder()]))).toEqual(['body']);
  });
});

describe('the restock request body', () => {
  it('accepts a positive integer quantity and nothing else', () => {
    expect(parseBody(restockBody, { quantity: 5 })).toEqual({ quantity: 5 });
    expect(fields(fieldErrorsOf(restockBody, { quantity: 0 }))).toEqual(['quantity']);
    expect(fields(fieldErrorsOf(restockBody, { quantity: 5, sku: 'SKU-001' }))).toEqual(['sku']);
  });
});

describe('field names', () => {
  it('address array elements by index and nested fields by dot', () => {
    expect(fieldName(['items', 0, 'quantity'])).toBe('items[0].quantity');
    expect(fieldName(['shippingAddress', 'country'])).toBe('shippingAddress.country');
    expect(fieldName([])).toBe('body');
  });
});
