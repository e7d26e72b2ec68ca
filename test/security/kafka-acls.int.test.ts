// What an attacker holding one service's Kafka credentials can do on the real broker: no more than that
// service's ACLs allow (shared/src/kafka/acls.ts). And without valid credentials, nothing at all.
import { readFileSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
import { ConsumerGroups, Topics, devPassword, passwordOf } from '@saga/shared';
import { onCleanup, stackEndpoints, testKafka, uniqueName } from '../support/helpers';

const payment = { username: 'payment', password: passwordOf('payment') };

/**
 * The broker's error code a kafkajs call failed with (its `type`, looked for through the errors kafkajs
 * wraps it in), or the outermost error's name without one.
 */
async function failure(action: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await action();
    return undefined;
  } catch (error) {
    type Wrapped = { type?: string; name?: string; cause?: Wrapped };
    for (let inner: Wrapped | undefined = error as Wrapped; inner; inner = inner.cause) {
      if (inner.type) return inner.type;
    }
    return (error as Wrapped).name;
  }
}

async function produceAs(credentials: typeof payment, topic: string): Promise<void> {
  const producer = testKafka(credentials).producer({ allowAutoTopicCreation: false, retry: { retries: 0 } });
  onCleanup(() => producer.disconnect());
  await producer.connect();
  await producer.send({ topic, messages: [{ key: uniqueName('key'), value: 'attack' }] });
}

/** Joins `groupId` on `topic` as `credentials`; resolves once it was assigned or failed. */
async function consumeAs(credentials: typeof payment, groupId: string, topic: string): Promise<void> {
  const consumer = testKafka(credentials).consumer({ groupId, retry: { retries: 0 } });
  onCleanup(() => consumer.disconnect());
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: false });
  await new Promise<void>((resolve, reject) => {
    consumer.on(consumer.events.GROUP_JOIN, () => resolve());
    consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
    consumer.run({ eachMessage: async () => undefined }).catch(reject);
  });
}

describe('Kafka authorisation, as an attacker holding the payment service credentials', () => {
  it('writes the topic payment owns (the control: the credentials work)', async () => {
    await expect(produceAs(payment, Topics.paymentEvents)).resolves.toBeUndefined();
  });

  it('cannot write order.events, which only the order service writes', async () => {
    expect(await failure(() => produceAs(payment, Topics.orderEvents))).toBe('TOPIC_AUTHORIZATION_FAILED');
  });

  it('cannot read shipping.events, which payment does not consume', async () => {
    expect(await failure(() => consumeAs(payment, ConsumerGroups.payment, Topics.shippingEvents))).toBe(
      'TOPIC_AUTHORIZATION_FAILED',
    );
  });

  it("cannot join the order service's group, even on a topic payment reads", async () => {
    // kafkajs reports a refused FindCoordinator as "coordinator not found" and logs the broker's answer at
    // debug level only; so this client is made here, with a log that keeps the broker's error codes.
    const refusals: string[] = [];
    const kafka = new Kafka({
      brokers: stackEndpoints().brokers,
      clientId: uniqueName('attacker'),
      sasl: { mechanism: 'scram-sha-512', ...payment },
      // The test stack's CA, as every client of it trusts (global-setup.ts).
      ...(process.env.KAFKA_SSL_CA_LOCATION
        ? { ssl: { ca: [readFileSync(process.env.KAFKA_SSL_CA_LOCATION, 'utf8')] } }
        : {}),
      retry: { retries: 0 },
      logLevel: logLevel.DEBUG,
      logCreator: () => (entry) => {
        const type = (entry.log['error'] as { type?: string } | undefined)?.type;
        if (type) refusals.push(type);
      },
    });
    const consumer = kafka.consumer({ groupId: ConsumerGroups.order, retry: { retries: 0 } });
    onCleanup(() => consumer.disconnect());
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.orderEvents });
    const joined = new Promise<void>((resolve, reject) => {
      consumer.on(consumer.events.GROUP_JOIN, () => resolve());
      consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
      consumer.run({ eachMessage: async () => undefined }).catch(reject);
    });

    expect(await failure(() => joined)).toBe('KafkaJSGroupCoordinatorNotFound');
    expect(refusals).toContain('GROUP_AUTHORIZATION_FAILED');
  });

  it('joins its own group on a topic it consumes (the control: the same client gets that far)', async () => {
    // Nothing is committed: the group's offsets, if a test system left any, stay as they were.
    await expect(consumeAs(payment, ConsumerGroups.payment, Topics.orderEvents)).resolves.toBeUndefined();
  });
});

describe('Kafka authentication', () => {
  const connectAs = async (username: string, password: string) => {
    const admin = testKafka({ username, password }).admin({ retry: { retries: 0 } });
    try {
      await admin.connect();
    } finally {
      await admin.disconnect();
    }
  };

  it('refuses an unknown user', async () => {
    expect(await failure(() => connectAs('mallory', devPassword('payment')))).toBe('KafkaJSSASLAuthenticationError');
  });

  it('refuses a known user with a wrong password', async () => {
    expect(await failure(() => connectAs('payment', 'not-the-password'))).toBe('KafkaJSSASLAuthenticationError');
  });
});

// The registry's PLAINTEXT listener takes anyone on loopback as User:ANONYMOUS: its ACLs must reach only
// the registry's own topics. Only on a stack this run started, whose ports global-setup knows.
const stackEnv = process.env.TEST_STACK_ENV ? (JSON.parse(process.env.TEST_STACK_ENV) as Record<string, string>) : {};
const registryListener = stackEnv['KAFKA_REGISTRY_PORT'];
(registryListener ? describe : describe.skip)("Kafka's registry listener, as an anonymous attacker", () => {
  const anonymous = () =>
    new Kafka({
      brokers: [`127.0.0.1:${registryListener}`],
      clientId: uniqueName('anonymous'),
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
    });

  it('cannot write order.events', async () => {
    const producer = anonymous().producer({ allowAutoTopicCreation: false, retry: { retries: 0 } });
    onCleanup(() => producer.disconnect());
    await producer.connect();

    expect(
      await failure(() => producer.send({ topic: Topics.orderEvents, messages: [{ key: 'k', value: 'attack' }] })),
    ).toBe('TOPIC_AUTHORIZATION_FAILED');
  });

  it('sees none of the saga topics', async () => {
    const admin = anonymous().admin();
    onCleanup(() => admin.disconnect());
    await admin.connect();

    expect((await admin.listTopics()).filter((topic) => !topic.startsWith('_'))).toEqual([]);
  });
});
