// The clients of one running system's public REST interfaces, made from where it answers: what a
// scenario, a test or the console starts from. They sign in with tokens from the issuer's key
// (AUTH_SIGNING_KEY; the DEVELOPMENT ONLY key by default), as a workshop tool may.
import { issuedCredentials, type Credentials } from './credentials';
import type { Endpoints } from './endpoints';
import { GatewayClient } from './gateway-client';
import { ProvidersClient } from './providers-client';

export interface SystemClients {
  gateway: GatewayClient;
  providers: ProvidersClient;
}

export function systemClients(
  endpoints: Pick<Endpoints, 'gatewayUrl' | 'paymentProviderUrl' | 'carrierUrl'>,
  credentials: Credentials = issuedCredentials(),
): SystemClients {
  return {
    gateway: new GatewayClient(endpoints.gatewayUrl, credentials),
    providers: new ProvidersClient(
      { payment: endpoints.paymentProviderUrl, carrier: endpoints.carrierUrl },
      credentials,
    ),
  };
}
