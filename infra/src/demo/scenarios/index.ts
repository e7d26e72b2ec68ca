// Every workshop scenario, in the order a workshop would show them.
import type { Scenario } from '../scenario';
import { customerCancel, sagaTimeout } from './cancellation';
import { schemaEvolution } from './evolution';
import { duplicateDelivery, poisonMessage } from './failures';
import { ordering, replay } from './log';
import { happyPath, outOfStock, paymentDeclined, shippingFailed } from './outcomes';
import { providerOutage, serviceCrash } from './resilience';

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
  replay,
  schemaEvolution,
];
