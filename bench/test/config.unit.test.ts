// The processes the bench samples, by the ports they listen on: each saga service's instances named and
// placed as the launcher does, and PostgreSQL only when the system keeps its state there.
import { loadBenchConfig, sagaServiceOf, systemPorts } from '../src/config';

describe('the sampled processes', () => {
  it('are the system as it always ran when neither STORE nor INSTANCES is set', () => {
    const ports = systemPorts(loadBenchConfig({ KAFKA_PORT: '9092', ORDER_HTTP_PORT: '8101', POSTGRES_PORT: '5433' }));

    expect(Object.keys(ports)).not.toContain('postgres');
    expect(ports).toMatchObject({ kafka: 9092, order: 8101 });
    expect(Object.keys(ports)).not.toContain('order-1');
  });

  it('name each instance like the launcher and find the n-th on its port + 10·(n-1)', () => {
    const config = loadBenchConfig({
      STORE: 'postgres',
      INSTANCES: '3',
      PAYMENT_HTTP_PORT: '8103',
      POSTGRES_PORT: '5999',
    });

    const ports = systemPorts(config);

    expect(ports).toMatchObject({ 'payment-1': 8103, 'payment-2': 8113, 'payment-3': 8123, postgres: 5999 });
    expect(Object.keys(ports)).not.toContain('payment');
  });

  it("tell a service's instances from the providers named after it", () => {
    expect(sagaServiceOf('payment-2')).toBe('payment');
    expect(sagaServiceOf('shipping')).toBe('shipping');
    expect(sagaServiceOf('payment-provider')).toBeUndefined();
    expect(sagaServiceOf('postgres')).toBeUndefined();
  });
});
