// Drives an order's payment to rest through the shared provider-call runner: a charge is the call,
// findCharge the lookup of a charge in doubt, a refund the undo. CHARGING is committed before a charge,
// so whoever handles the order next (a retry, OrderCancelled) settles it by its idempotency key.
import { driveProviderCall, type HandlerContext } from '@saga/shared';
import { paymentLifecycle, type Payment } from '../domain/payment';
import type { PaymentProvider } from '../provider-client';
import type { PaymentStore } from '../store';

export interface PaymentDeps {
  store: PaymentStore;
  provider: PaymentProvider;
}

export function drivePayment(
  changed: Payment,
  { store, provider }: PaymentDeps,
  context: Pick<HandlerContext, 'commit' | 'checkpoint' | 'emit' | 'log'>,
): Promise<void> {
  return driveProviderCall(paymentLifecycle, changed, context, {
    store,
    call: (request) => provider.charge(request),
    lookup: (idempotencyKey) => provider.findCharge(idempotencyKey),
    // Idempotent at the provider (one refund per charge), so a repeat after a crash is harmless.
    undo: (request) => provider.refund(request),
  });
}
