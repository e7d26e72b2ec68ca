// What the console's stream sends the browser: one shape per kind of thing that happened, plain JSON
// (strings and numbers only), so the page renders each field with textContent and nothing else.
import type { ProvidersClient, SagaService } from '@saga/client';

/** A provider's fault switches, as its admin API answers them. */
export type ProviderFaults = Awaited<ReturnType<ProvidersClient['faults']>>;

/** A decoded record on a saga topic. */
export interface EventMessage {
  kind: 'event';
  type: string;
  /** The envelope's correlation id: the order id (the sku for stock records). */
  orderId: string;
  topic: string;
  partition: number;
  offset: string;
  producer: string;
  /** When the record was written (the broker's timestamp), ms since epoch. */
  at: number;
  /** True for the steps that undo an earlier one. */
  compensation: boolean;
}

/** A record parked on a dead-letter topic, with every header (why and where it failed). */
export interface DeadLetterMessage {
  kind: 'dead-letter';
  group: string;
  offset: string;
  key: string | null;
  headers: Record<string, string>;
  /** The record's type and order, when its value still decodes (a permanently failing one does). */
  type?: string;
  orderId?: string;
}

/** A record on a saga topic that is not Avro the registry knows: poison, shown as such. */
export interface UndecodableMessage {
  kind: 'undecodable';
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  error: string;
}

export type FeedMessage = EventMessage | DeadLetterMessage | UndecodableMessage;

/** One instance's breaker: each instance of a service has its own. */
export interface BreakerState {
  service: SagaService;
  /** The instance's ops address (host:port), as its ops URL names it or as its host name resolved. */
  instance: string;
  breaker: string;
  state: 'closed' | 'half-open' | 'open';
}

/** Once a second: rates, lag, breakers, pauses and fault switches, shared by every client. */
export interface StatsMessage {
  kind: 'stats';
  at: number;
  /** Records per second written to each topic over the last sample. */
  topicRates: Record<string, number>;
  /** Records not yet consumed, per consumer group (summed over its topics and partitions). */
  groupLag: Record<string, number>;
  breakers: BreakerState[];
  /**
   * Partition pauses so far (saga_partitions_paused_total), per service summed over the instances that
   * answer, and whether one instance's count rose in the last sample.
   */
  pauses: { service: SagaService; total: number; pausing: boolean }[];
  faults: Record<string, ProviderFaults | null>;
  /**
   * Parts that have not answered for several samples in a row (a service instance down: "payment metrics
   * at <its ops URL>"), so the page can say so; one slow answer on a busy machine is not reported, and the
   * part's last reading is shown meanwhile.
   */
  unavailable: string[];
}

/**
 * Where the console's tap stands, sent to every page when it changes and to each page as it connects:
 * the page says `live` only once the tap has joined, since only then does every new record reach it.
 */
export interface StatusMessage {
  kind: 'status';
  tap: 'joining' | 'live' | 'failed';
  /** The tap's consumer group while it runs (`workshop-console-tap-<uuid>`). */
  groupId?: string;
  /** Why the tap failed; it is tried again while a page is open. */
  detail?: string;
}

/** Sent with each batch: how many events this client did not get because it was over its budget. */
export interface BatchMessage {
  kind: 'batch';
  messages: FeedMessage[];
  dropped: number;
}
