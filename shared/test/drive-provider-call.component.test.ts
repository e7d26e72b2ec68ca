// The provider-call runner through the runtime's real unit of work (inbox, lock, transaction, outbox)
// on SQLite: the intent is on disk before the call leaves, a call in doubt is settled by lookup on the
// next delivery, and the steps of one handling land together, with their events, in its commit.
import {
  driveProviderCall,
  newEnvelope,
  ProviderCallLifecycle,
  type EventMap,
  type HandlerContext,
  type ServiceHandler,
} from '@saga/shared';
import { FakeProvider } from '../../test/support/fake-provider';
import { handlerHarness } from '../../test/support/handler-context';
import {
  amountKnown,
  SqlToyStore,
  TOY_MIGRATIONS,
  toyLifecycle,
  toySpec,
  type Toy,
  type ToyCall,
  type ToyOutcome,
} from './support/toy-call';

function setup(lifecycle = toyLifecycle) {
  const provider = new FakeProvider<ToyCall['request'], ToyOutcome>('toy provider', ({ amount }, count) =>
    amount === 0 ? { kind: 'declined' } : { kind: 'charged', chargeId: `ch_${count}` },
  );
  const refunds: string[] = [];
  const service = handlerHarness(TOY_MIGRATIONS, (database) => new SqlToyStore(database));
  const drive = (changed: Toy, context: HandlerContext) =>
    driveProviderCall(lifecycle, changed, context, {
      store: service.deps,
      call: (request) => provider.call(request),
      // On a later turn of the event loop, as over a network: a runaway loop then meets jest's timeout.
      lookup: (idempotencyKey) =>
        new Promise((resolve) => setImmediate(() => resolve(provider.lookup(idempotencyKey)))),
      undo: async (chargeId) => void refunds.push(chargeId),
    });
  // Any event type will do as the trigger: StockReserved brings the amount, OrderCancelled the cancellation.
  const onAmount =
    (store: SqlToyStore): ServiceHandler<'StockReserved'> =>
    async (event, context) =>
      drive(amountKnown(await store.get(event.orderId), event.totalCents), context);
  const onCancelled =
    (store: SqlToyStore): ServiceHandler<'OrderCancelled'> =>
    async (event, context) =>
      drive(lifecycle.orderCancelled(await store.get(event.orderId), event.orderId, 2), context);
  return { ...service, provider, refunds, onAmount, onCancelled, toy: () => service.deps.get('o-1') };
}

const cause = { correlationId: 'o-1', causationId: 'test' };
const amount: EventMap['StockReserved'] = {
  envelope: newEnvelope('test', cause),
  orderId: 'o-1',
  lines: [],
  totalCents: 100,
  currency: 'EUR',
};
const cancelled: EventMap['OrderCancelled'] = {
  envelope: newEnvelope('test', cause),
  orderId: 'o-1',
  reason: 'TIMED_OUT',
};

describe('driveProviderCall', () => {
  it('commits the intent before the call: a call that never arrives leaves it on disk, with nothing emitted', async () => {
    const { provider, emitted, deliver, onAmount, toy } = setup();
    provider.dropNextCall = true;

    await expect(deliver('StockReserved', onAmount, amount)).rejects.toThrow('toy provider unreachable');

    expect(await toy()).toMatchObject({ status: 'CALLING' });
    expect(emitted).toEqual([]);
  });

  it('settles a call whose answer was lost by looking it up on the next delivery, never calling again', async () => {
    const { provider, emitted, deliver, onAmount, toy } = setup();
    provider.loseNextAnswer = true;
    await expect(deliver('StockReserved', onAmount, amount)).rejects.toThrow('toy provider timed out');

    await deliver('StockReserved', onAmount, amount);

    expect(provider.calls).toBe(1);
    expect(emitted).toEqual(['PaymentCompleted']);
    expect(await toy()).toMatchObject({ status: 'DONE', chargeId: 'ch_1' });
  });

  it('settles a call in doubt and undoes it in one commit when the order is cancelled before the retry', async () => {
    const { provider, refunds, emitted, deliver, onAmount, onCancelled, toy } = setup();
    provider.loseNextAnswer = true;
    await expect(deliver('StockReserved', onAmount, amount)).rejects.toThrow('toy provider timed out');

    await deliver('OrderCancelled', onCancelled, cancelled);

    expect(provider.calls).toBe(1);
    expect(refunds).toEqual(['ch_1']);
    expect(emitted).toEqual(['PaymentRefunded']); // the charge itself, settled after the cancellation, is not reported
    expect(await toy()).toMatchObject({ status: 'UNDONE', orderCancelled: true });
  });

  it('fails instead of spinning when a spec names two phases alike and never comes to rest', async () => {
    const looping = new ProviderCallLifecycle<ToyCall>({
      ...toySpec,
      statuses: { ...toySpec.statuses, calling: toySpec.statuses.idle },
    });
    const { deliver, onAmount } = setup(looping);

    await expect(deliver('StockReserved', onAmount, amount)).rejects.toThrow('toy did not come to rest');
  });
});
