// Drives an order's payment to rest, then commits it: makes the provider calls the domain asks for, then
// writes the final state and its events in one transaction (via the outbox). The calls come first: if the
// process dies before the commit, the event is redelivered and the call repeated under the same
// idempotency key, which the provider answers with its first outcome, so nobody is charged twice.
import type { HandlerContext } from '@saga/shared';
import { afterCharge, afterRefund, nextStep, type Emission, type Payment, type Transition } from '../domain/payment';
import type { PaymentProvider } from '../provider-client';
import type { PaymentStore } from '../store';

export interface PaymentDeps {
  store: PaymentStore;
  provider: PaymentProvider;
}

export async function applyChange(
  changed: Payment,
  { store, provider }: PaymentDeps,
  context: Pick<HandlerContext, 'commit' | 'emit' | 'log'>,
): Promise<void> {
  let payment = changed;
  const emitted: Emission[] = [];
  // Each step moves the status forward (CHARGING -> CHARGED -> REFUNDED), so this ends within two calls.
  for (let step = nextStep(payment); step.kind !== 'rest'; step = nextStep(payment)) {
    let transition: Transition;
    if (step.kind === 'charge') {
      // CHARGING is on disk before the call: if the answer is lost and OrderCancelled comes before the
      // retry, the cancel settles the charge that may exist and refunds it, rather than forgetting it.
      await store.saveBeforeCall(step.payment);
      transition = afterCharge(step, await provider.charge(step.request), Date.now());
    } else {
      await provider.refund(step.request);
      transition = afterRefund(step, Date.now());
    }
    payment = transition.payment;
    emitted.push(...transition.emit);
  }
  await context.commit(async () => {
    await store.save(payment);
    for (const { type, body } of emitted) context.emit(type, body as never);
  });
  context.log.info({ status: payment.status, emitted: emitted.map((e) => e.type) }, 'payment updated');
}
