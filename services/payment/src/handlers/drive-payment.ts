// Drives an order's payment to rest through the shared provider step runner: the domain says which
// call comes next (charge, settle a charge in doubt by lookup, refund), this file says how each call
// is made and recorded. CHARGING is committed before a charge, so whoever handles the order next
// (a retry, OrderCancelled) settles it by looking it up under its idempotency key.
import { runProviderSteps, type HandlerContext, type ProviderCall, type StepDriver } from '@saga/shared';
import { afterCharge, afterLookup, afterRefund, nextStep, type Payment, type Transition } from '../domain/payment';
import type { PaymentProvider } from '../provider-client';
import type { PaymentStore } from '../store';

export interface PaymentDeps {
  store: PaymentStore;
  provider: PaymentProvider;
}

const result = ({ payment, emit }: Transition) => ({ state: payment, emit });

function paymentDriver({ store, provider }: PaymentDeps): StepDriver<Payment> {
  return {
    next(payment): ProviderCall<Payment> | undefined {
      const step = nextStep(payment);
      switch (step.kind) {
        case 'charge':
          return {
            intent: step.payment,
            perform: async () => result(afterCharge(step, await provider.charge(step.request), Date.now())),
          };
        case 'settle':
          return {
            perform: async () =>
              result(afterLookup(step, await provider.findCharge(step.request.idempotencyKey), Date.now())),
          };
        case 'refund':
          // Idempotent at the provider (one refund per charge), so a repeat after a crash is harmless.
          return {
            perform: async () => {
              await provider.refund(step.request);
              return result(afterRefund(step, Date.now()));
            },
          };
        case 'rest':
          return undefined;
      }
    },
    saveIntent: (payment) => store.saveBeforeCall(payment),
    save: (payment) => store.save(payment),
  };
}

export async function drivePayment(
  changed: Payment,
  deps: PaymentDeps,
  context: Pick<HandlerContext, 'commit' | 'emit' | 'log'>,
): Promise<void> {
  const { state, emit } = await runProviderSteps(changed, paymentDriver(deps), context);
  context.log.info({ status: state.status, emitted: emit.map((e) => e.type) }, 'payment updated');
}
