// The request bodies the API accepts, as zod schemas. Objects are strict (an unknown field is an
// error, not silently dropped), strings and lists are bounded. A violation is answered 400 (not 422):
// the body does not match the documented schema, the same class of mistake as malformed JSON.
import { z } from 'zod';
import { HttpProblem, type FieldError } from './problem';

export const Limits = {
  itemsPerOrder: 100,
  quantityPerLine: 10_000,
  restockQuantity: 1_000_000,
  /** What fits on the carrier's parcel label. */
  giftMessageLength: 200,
} as const;

// Messages say what is wanted; "is required" when the field is absent rather than of the wrong type.
const expecting = (what: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : `must be ${what}`),
});

const text = (max: number) =>
  z
    .string(expecting('a string'))
    .trim()
    .min(1, { error: 'must not be blank' })
    .max(max, { error: `must be at most ${max} characters` });

const positiveInt = (max: number) =>
  z
    .number(expecting('a number'))
    .int({ error: 'must be a positive integer' })
    .positive({ error: 'must be a positive integer' })
    .max(max, { error: `must be at most ${max}` });

const strict = <Shape extends z.ZodRawShape>(shape: Shape) => z.strictObject(shape, expecting('an object'));

const orderLine = strict({ sku: text(64), quantity: positiveInt(Limits.quantityPerLine) });

export const placeOrderBody = strict({
  // The customer is the token's subject. Kept for clients written before authentication: when sent it
  // must name that same customer (403 otherwise), so an old client's order is still its own.
  customerId: text(100).optional().meta({
    description: "Deprecated: the customer is the bearer token's subject. When sent, it must equal it (else 403).",
    example: 'c-1',
  }),
  items: z
    .array(orderLine, expecting('an array'))
    .min(1, { error: 'must contain at least one item' })
    .max(Limits.itemsPerOrder, { error: `must contain at most ${Limits.itemsPerOrder} items` }),
  paymentMethod: strict({ token: text(200) }),
  shippingAddress: strict({
    name: text(200),
    line1: text(200),
    city: text(100),
    postalCode: text(20),
    country: z
      .string(expecting('a string'))
      .regex(/^[A-Za-z]{2}$/, { error: 'must be a two-letter ISO 3166-1 country code' })
      .transform((code) => code.toUpperCase()),
  }),
  giftMessage: text(Limits.giftMessageLength).optional().meta({
    description: 'A note for the recipient, printed on the parcel by the carrier.',
    example: 'Happy birthday!',
  }),
}).meta({ id: 'PlaceOrderRequest', description: 'An order to place. Unknown fields are refused.' });

export const restockBody = strict({ quantity: positiveInt(Limits.restockQuantity) }).meta({
  id: 'RestockRequest',
  description: 'Units to add to the available stock.',
});

export type PlaceOrderBody = z.infer<typeof placeOrderBody>;
export type RestockBody = z.infer<typeof restockBody>;

/** `['items', 0, 'quantity']` -> `items[0].quantity`; the body itself is `body`. */
export function fieldName(path: readonly PropertyKey[]): string {
  const name = path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
  return name === '' ? 'body' : name;
}

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: fieldName([...issue.path, key]), message: 'is not a known field' }))
      : [{ field: fieldName(issue.path), message: issue.message }],
  );
}

/** The parsed body, or a 400 problem naming every bad field. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const errors = fieldErrors(result.error);
  throw new HttpProblem('validation', `${errors.length} field(s) are not valid`, { errors });
}
