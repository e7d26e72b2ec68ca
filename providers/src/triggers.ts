// The inputs the fake providers are told to fail on, so a workshop, a test or a benchmark can steer an
// order to each outcome through the public API alone. One set of values for every caller.

/** The test card token that is always declined (Stripe's `tok_chargeDeclined`). */
export const DECLINED_TOKEN = 'tok_chargeDeclined';
/** A card token the payment provider accepts. */
export const ACCEPTED_TOKEN = 'tok_visa';
/** The postal code the carrier cannot deliver to, for the shipping compensation path. */
export const UNDELIVERABLE_POSTAL_CODE = '00000';
/** A postal code the carrier delivers to. */
export const DELIVERABLE_POSTAL_CODE = '10115';
