// Where a running system answers: the native stack's ports (the compose stack publishes the same ones
// on 127.0.0.1), and the settings by which a scenario, the console, the benchmark or the smoke suite is
// pointed at another system. One list, so every caller reads the same variables.
import { formats, setting } from '@saga/shared';
import { parseUrlList } from './instances';

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
// Several instances of a service run in one consumer group: the setting lists each one's ops URL, or names
// a host that resolves to all of them (instances.ts expands it at each use).
const opsUrlsSetting = (service: SagaService) =>
  setting(
    `${service.toUpperCase()}_OPS_URL`,
    `the ${service} service's ops ports (/health, /ready, /metrics): one URL per instance, comma-separated, or a host name that resolves to every instance`,
    [local(defaultPorts[service])],
    parseUrlList,
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
  // Not in defaultPorts: the launcher starts the processes listed there, and Zipkin is not one of ours.
  zipkinUrl: setting('ZIPKIN_URL', 'the trace viewer (Zipkin): its UI and its v2 API', local(9411), formats.url),
  orderOpsUrls: opsUrlsSetting('order'),
  inventoryOpsUrls: opsUrlsSetting('inventory'),
  paymentOpsUrls: opsUrlsSetting('payment'),
  shippingOpsUrls: opsUrlsSetting('shipping'),
};

export interface Endpoints {
  gatewayUrl: string;
  paymentProviderUrl: string;
  carrierUrl: string;
  zipkinUrl: string;
  orderOpsUrls: string[];
  inventoryOpsUrls: string[];
  paymentOpsUrls: string[];
  shippingOpsUrls: string[];
}

/** The ops URLs of each saga service, by name (as configured: instanceUrls expands them to instances). */
export const opsUrls = (endpoints: Endpoints): Record<SagaService, string[]> => ({
  order: endpoints.orderOpsUrls,
  inventory: endpoints.inventoryOpsUrls,
  payment: endpoints.paymentOpsUrls,
  shipping: endpoints.shippingOpsUrls,
});
