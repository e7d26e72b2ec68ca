// The gateway's one question to another service: an order's event stream, asked of the order service's
// ops port (GET /orders/{id}/history there). A read-only query on the CQRS query side: the order
// service's event store is the only place that knows the stream's versions and the state after each,
// so the gateway asks it instead of folding its own copy. Commands still go only through Kafka.
import { z } from 'zod';
import { HttpProblem } from './problem';

const ANSWER_WITHIN_MS = 5_000;

/** The order service's state after an event: money in cents, instants in epoch ms. */
const upstreamState = z.object({
  orderId: z.string(),
  customerId: z.string(),
  items: z.array(z.object({ sku: z.string(), quantity: z.number() })),
  status: z.enum(['PENDING', 'CONFIRMED', 'CANCELLED']),
  cancellationReason: z.string().nullable(),
  totalCents: z.number().nullable(),
  currency: z.string().nullable(),
  shipped: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

const upstreamHistory = z.object({
  orderId: z.string(),
  version: z.number(),
  latestVersion: z.number(),
  state: upstreamState,
  events: z.array(
    z.object({
      version: z.number(),
      eventId: z.string(),
      type: z.string(),
      recordedAt: z.number(),
      topic: z.string().nullable(),
      event: z.record(z.string(), z.unknown()),
      state: upstreamState,
    }),
  ),
});

export type UpstreamState = z.infer<typeof upstreamState>;
export type UpstreamHistory = z.infer<typeof upstreamHistory>;

export interface OrderHistorySource {
  /** Undefined when the order (or that version of it) does not exist. */
  history(orderId: string, version?: number): Promise<UpstreamHistory | undefined>;
}

export class OrderServiceHistory implements OrderHistorySource {
  constructor(private readonly orderServiceUrl: string) {}

  async history(orderId: string, version?: number): Promise<UpstreamHistory | undefined> {
    const url = new URL(`/orders/${encodeURIComponent(orderId)}/history`, this.orderServiceUrl);
    if (version !== undefined) url.searchParams.set('version', String(version));
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(ANSWER_WITHIN_MS) });
    } catch (error) {
      throw new HttpProblem(
        'unavailable',
        'the order service did not answer; retry',
        { retryAfterSeconds: 1 },
        { cause: error },
      );
    }
    if (response.status === 404) return undefined;
    if (!response.ok) {
      throw new HttpProblem('unavailable', `the order service answered ${response.status}; retry`, {
        retryAfterSeconds: 1,
      });
    }
    return upstreamHistory.parse(await response.json());
  }
}
