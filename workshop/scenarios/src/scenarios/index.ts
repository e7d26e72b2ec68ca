// Every workshop scenario, in the order a workshop would show them.
import type { Scenario } from '../scenario';
import { customerCancel, sagaTimeout } from './cancellation';
import { eventSourcing } from './event-sourcing';
import { schemaEvolution } from './evolution';
import { duplicateDelivery, poisonMessage } from './failures';
import { ordering, replay } from './log';
import { happyPath, outOfStock, paymentDeclined, shippingFailed } from './outcomes';
import { readModelRebuild } from './read-model-rebuild';
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
  schemaEvolution,
  eventSourcing,
  readModelRebuild,
  replay,
];
