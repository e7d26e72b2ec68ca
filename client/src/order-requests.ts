// The body of POST /orders, and the three order kinds a workshop, a test or the benchmark places: each
// one steered to its outcome by the fake providers' trigger values, through the public API alone.
import { ACCEPTED_TOKEN, DECLINED_TOKEN, DELIVERABLE_POSTAL_CODE, UNDELIVERABLE_POSTAL_CODE } from '@saga/providers';

export interface OrderLineRequest {
  sku: string;
  quantity: number;
}

export interface ShippingAddressRequest {
  name: string;
  line1: string;
  city: string;
  postalCode: string;
  country: string;
}

export interface PlaceOrderRequest {
  customerId: string;
  items: OrderLineRequest[];
  paymentMethod: { token: string };
  shippingAddress: ShippingAddressRequest;
  giftMessage?: string;
}

/** normal is confirmed (given stock), declined ends in PAYMENT_DECLINED, unshippable in SHIPPING_FAILED. */
export const OrderKinds = {
  normal: { token: ACCEPTED_TOKEN, postalCode: DELIVERABLE_POSTAL_CODE },
  declined: { token: DECLINED_TOKEN, postalCode: DELIVERABLE_POSTAL_CODE },
  unshippable: { token: ACCEPTED_TOKEN, postalCode: UNDELIVERABLE_POSTAL_CODE },
} as const;

export type OrderKind = keyof typeof OrderKinds;

export interface OrderOptions {
  kind?: OrderKind;
  customerId?: string;
  /** Overrides the kind's token or postal code, for a test of one field. */
  token?: string;
  postalCode?: string;
  giftMessage?: string;
}

export function orderRequest(items: OrderLineRequest[], options: OrderOptions = {}): PlaceOrderRequest {
  const kind = OrderKinds[options.kind ?? 'normal'];
  return {
    customerId: options.customerId ?? 'c-1',
    items,
    paymentMethod: { token: options.token ?? kind.token },
    shippingAddress: {
      name: 'Ada',
      line1: '1 Main St',
      city: 'Berlin',
      postalCode: options.postalCode ?? kind.postalCode,
      country: 'DE',
    },
    ...(options.giftMessage !== undefined && { giftMessage: options.giftMessage }),
  };
}
