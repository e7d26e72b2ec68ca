// The clients of one running system's public REST interfaces, made from where it answers: what a
// scenario, a test or the console starts from.
import type { Endpoints } from './endpoints';
import { GatewayClient } from './gateway-client';
import { ProvidersClient } from './providers-client';

export interface SystemClients {
  gateway: GatewayClient;
  providers: ProvidersClient;
}

export function systemClients(
  endpoints: Pick<Endpoints, 'gatewayUrl' | 'paymentProviderUrl' | 'carrierUrl'>,
): SystemClients {
  return {
    gateway: new GatewayClient(endpoints.gatewayUrl),
    providers: new ProvidersClient({ payment: endpoints.paymentProviderUrl, carrier: endpoints.carrierUrl }),
  };
}
