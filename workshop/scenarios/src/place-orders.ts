// How a scenario places its orders: through the gateway like any client, as the workshop's customer,
// steered to an outcome by the order's kind (the fake providers' trigger values, via @saga/client).
import { orderRequest, type GatewayClient, type OrderKind } from '@saga/client';

export const WORKSHOP_CUSTOMER = 'workshop';

export interface WorkshopOrderOptions {
  /** normal (the default) is confirmed given stock; declined and unshippable take a compensation path. */
  kind?: OrderKind;
  giftMessage?: string;
}

/** POST /orders for `quantity` of `sku`; answers the order id once the gateway accepted it. */
export async function placeOrder(
  gateway: GatewayClient,
  sku: string,
  quantity: number,
  { kind, giftMessage }: WorkshopOrderOptions = {},
): Promise<string> {
  const request = orderRequest([{ sku, quantity }], { kind, customerId: WORKSHOP_CUSTOMER, giftMessage });
  return (await gateway.placeOrder(request)).orderId;
}

/** Restocks `count` of `sku`, then places `count` orders of one each at once: load in flight. */
export async function placeMany(gateway: GatewayClient, sku: string, count: number): Promise<string[]> {
  await gateway.restockAndWait(sku, count);
  return Promise.all(Array.from({ length: count }, () => placeOrder(gateway, sku, 1)));
}
