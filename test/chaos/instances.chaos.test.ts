// The crash test with instances: three of each saga service on PostgreSQL, orders arriving open-loop,
// one instance of each service SIGKILLed in turn and started back by the supervisor. Every order still
// ends as it must, nobody is charged or shipped twice, stock is conserved, nothing is dead-lettered.
// Printed: how long each group took to settle on its members again, and the saga's longest pause.
import { systemClients, isReady, eventually, type SagaService, type SystemClients } from '@saga/client';
import { Applications } from '@saga/shared';
import { freshCatalog } from '../support/catalog';
import { testKafka } from '../support/helpers';
import { startTestSystem, type TestSystem } from '../support/system';
import { deadLetterEnds } from './dead-letters';
import { RestartWatch } from './faults';
import { ordersNow, placeMixed, sleep, type PlacedOrder } from './load';
import { expectSagaInvariants } from './saga-ends';

const SERVICES: SagaService[] = ['order', 'inventory', 'payment', 'shipping'];
const INSTANCES = 3;
const ORDERS_PER_SECOND = 8;

let system: TestSystem;
let clients: SystemClients;

beforeEach(async () => {
  system = await startTestSystem({ ORDER_TIMEOUT_MS: '120000' }, { store: 'postgres', instances: INSTANCES });
  clients = systemClients(system);
}, 240_000);

afterEach(async () => {
  await system?.system.stop();
});

/** The members of `service`'s group, once it is Stable (undefined while it rebalances). */
async function stableMembers(service: SagaService): Promise<string[] | undefined> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([Applications[service].groupId]);
    const group = groups[0];
    return group?.state === 'Stable' ? group.members.map((member) => member.memberId).sort() : undefined;
  } finally {
    await admin.disconnect();
  }
}

/** Places one order of the mix every 1/rate s until stopped, without waiting for the answers in turn. */
function openLoop(rate: number) {
  const placed: PlacedOrder[] = [];
  const refused: string[] = [];
  let running = true;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const next = sleep(1_000 / rate);
      // An order the gateway did not accept was never placed: counted, and the check below refuses any.
      placeMixed(clients.gateway, i, 1).then(
        (orders) => placed.push(...orders),
        (error: unknown) => refused.push(String(error)),
      );
      await next;
    }
  })();
  return {
    placed,
    refused,
    stop: async () => {
      running = false;
      await loop;
      await sleep(2_000); // the last POSTs answer
    },
  };
}

/** The longest time no order reached its end while some were still in flight, sampled every 250 ms. */
function pauseMeter(placed: PlacedOrder[]) {
  const ended = new Set<string>();
  let lastProgress = Date.now();
  let longest = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const pending = placed.map((order) => order.id).filter((id) => !ended.has(id));
      const views = await ordersNow(clients.gateway, pending).catch(() => []);
      const now = Date.now();
      const before = ended.size;
      for (const view of views) if (view && view.status !== 'PENDING') ended.add(view.orderId);
      if (ended.size > before || pending.length === 0) lastProgress = now;
      longest = Math.max(longest, now - lastProgress);
      await sleep(250);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return longest;
    },
  };
}

describe('the saga with three instances of each service on PostgreSQL', () => {
  it('ends every order with every invariant kept when one instance of each service is SIGKILLed in turn', async () => {
    const start = await freshCatalog(clients.gateway);
    // The open loop places a few hundred orders: enough stock that only SKU-005 (3) may run out.
    for (const sku of ['SKU-001', 'SKU-002', 'SKU-004', 'SKU-006']) {
      start.set(sku, (await clients.gateway.restockAndWait(sku, 1_000)).available);
    }
    const deadLetters = await deadLetterEnds();
    const processes = SERVICES.flatMap((service) => system.processNames[service]);
    const watch = new RestartWatch(system.system.supervisor, processes);
    const load = openLoop(ORDERS_PER_SECOND);
    const pauses = pauseMeter(load.placed);
    const since = Date.now();
    const kills: { process: string; groupSettledMs: number; readyMs: number }[] = [];

    await sleep(3_000);
    for (const service of SERVICES) {
      const victim = system.processNames[service][1]!;
      const before = await eventually(() => stableMembers(service), 60_000);
      const killedAt = Date.now();
      system.system.supervisor.signal(victim, 'SIGKILL');
      // The supervisor starts it back; the group settles once the dead member is gone and the new one in.
      await eventually(async () => {
        const members = await stableMembers(service);
        return members && members.length === INSTANCES && members.join() !== before.join() ? members : undefined;
      }, 180_000);
      const groupSettledMs = Date.now() - killedAt;
      await eventually(
        async () => ((await isReady(system.instanceOpsUrls[victim]!, 1_000)) ? true : undefined),
        60_000,
      );
      kills.push({ process: victim, groupSettledMs, readyMs: Date.now() - killedAt });
      await sleep(2_000);
    }
    await load.stop();
    const longestPauseMs = await pauses.stop();

    await expectSagaInvariants(system, clients, load.placed, start, deadLetters, {
      since,
      watch,
      instances: INSTANCES,
      ordersPerSecond: ORDERS_PER_SECOND,
      kills,
      longestPauseMs,
    });
    expect(kills).toHaveLength(SERVICES.length);
    expect(load.refused).toEqual([]); // the gateway, never killed, took every order
  }, 900_000);
});
