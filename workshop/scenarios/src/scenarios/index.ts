// Every workshop scenario, in the order a workshop would show them; each lives in the file of its name.
import type { Scenario } from '../scenario';
import { customerCancel } from './customer-cancel';
import { duplicateDelivery } from './duplicate-delivery';
import { eventSourcing } from './event-sourcing';
import { happyPath } from './happy-path';
import { ordering } from './ordering';
import { outOfStock } from './out-of-stock';
import { paymentDeclined } from './payment-declined';
import { poisonMessage } from './poison-message';
import { providerOutage } from './provider-outage';
import { readModelRebuild } from './read-model-rebuild';
import { replay } from './replay';
import { sagaTimeout } from './saga-timeout';
import { schemaEvolution } from './schema-evolution';
import { serviceCrash } from './service-crash';
import { shippingFailed } from './shipping-failed';
import { tracing } from './tracing';

export const scenarios: readonly Scenario[] = [
  happyPath,
  outOfStock,
  paymentDeclined,
  shippingFailed,
  customerCancel,
  sagaTimeout,
  poisonMessage,
  duplicateDelivery,
  providerOutage,
  serviceCrash,
  ordering,
  schemaEvolution,
  eventSourcing,
  readModelRebuild,
  replay,
  tracing,
];
