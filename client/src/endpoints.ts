// Where a running system answers: the native stack's ports (the compose stack publishes the same ones
// on 127.0.0.1), and the settings by which a scenario, the console, the benchmark or the smoke suite is
// pointed at another system. One list, so every caller reads the same variables.
import { formats, setting } from '@saga/shared';

export const defaultPorts = {
  gateway: 8080,
  console: 8090,
  order: 8101,
  inventory: 8102,
  payment: 8103,
  shipping: 8104,
  paymentProvider: 8095,
  carrier: 8096,
} as const;

export type SystemPorts = Record<keyof typeof defaultPorts, number>;

/** The saga services whose ops port (/health, /ready, /metrics) a caller may read. */
export const SagaServices = ['order', 'inventory', 'payment', 'shipping'] as const;
export type SagaService = (typeof SagaServices)[number];

const local = (port: number) => `http://127.0.0.1:${port}`;
const opsUrl = (service: SagaService) =>
  setting(
    `${service.toUpperCase()}_OPS_URL`,
    `the ${service} service's ops port (/health, /ready, /metrics)`,
    local(defaultPorts[service]),
    formats.url,
  );

export const endpointSettings = {
  gatewayUrl: setting('GATEWAY_URL', 'the gateway (REST front door)', local(defaultPorts.gateway), formats.url),
  paymentProviderUrl: setting(
    'PAYMENT_PROVIDER_URL',
    'the fake payment provider',
    local(defaultPorts.paymentProvider),
    formats.url,
  ),
  carrierUrl: setting('CARRIER_URL', 'the fake carrier', local(defaultPorts.carrier), formats.url),
  orderOpsUrl: opsUrl('order'),
  inventoryOpsUrl: opsUrl('inventory'),
  paymentOpsUrl: opsUrl('payment'),
  shippingOpsUrl: opsUrl('shipping'),
};

export interface Endpoints {
  gatewayUrl: string;
  paymentProviderUrl: string;
  carrierUrl: string;
  orderOpsUrl: string;
  inventoryOpsUrl: string;
  paymentOpsUrl: string;
  shippingOpsUrl: string;
}

/** The ops URL of each saga service, by name. */
export const opsUrls = (endpoints: Endpoints): Record<SagaService, string> => ({
  order: endpoints.orderOpsUrl,
  inventory: endpoints.inventoryOpsUrl,
  payment: endpoints.paymentOpsUrl,
  shipping: endpoints.shippingOpsUrl,
});
