// What the gateway's REST API answers, as its callers read it (the OpenAPI document in docs/openapi.json
// is the contract; these are the fields the clients use).

export type OrderStatus = 'PENDING' | 'CONFIRMED' | 'CANCELLED';

export interface OrderView {
  orderId: string;
  customerId: string;
  status: OrderStatus;
  cancellationReason?: string;
  items: { sku: string; quantity: number; unitPrice?: number }[];
  totalAmount?: number;
  currency?: string;
  giftMessage?: string;
  createdAt: string;
  updatedAt: string;
  /** The order's trace in the trace viewer (ZipkinClient); absent until known, and before tracing. */
  traceId?: string;
}

export interface OrderAccepted {
  orderId: string;
  status: 'PENDING';
}

export interface TimelineEntry {
  eventId: string;
  type: string;
  topic: string;
  partition: number;
  offset: number;
  producer: string;
  occurredAt: string;
  causationId: string;
  payload: Record<string, unknown>;
}

export interface StockView {
  sku: string;
  name: string;
  unitPrice: number;
  currency: string;
  available: number;
  reserved: number;
}

export interface OrderStateView {
  status: OrderStatus;
  totalAmount?: number;
  currency?: string;
  shipped: boolean;
  updatedAt: string;
}

export interface HistoryEntry {
  version: number;
  eventId: string;
  type: string;
  recordedAt: string;
  publishedTo?: string;
  event: Record<string, unknown>;
  state: OrderStateView;
}

export interface OrderHistoryView {
  orderId: string;
  version: number;
  latestVersion: number;
  state: OrderStateView;
  events: HistoryEntry[];
}
