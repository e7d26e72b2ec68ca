// A first registration cut short between its two requests (schema stored, subject level not yet set)
// must not lock the subject out: the next start pins FULL_TRANSITIVE and registers.
import { RegistryClient, SUBJECT_COMPATIBILITY, loadCatalog } from '@saga/shared';
import { stackEndpoints, uniqueName } from '../../test/support/helpers';

const CONFLUENT_JSON = { 'content-type': 'application/vnd.schemaregistry.v1+json' };

describe('registering under a subject left without its compatibility level', () => {
  it('pins the level and registers, instead of refusing on every start', async () => {
    const { registryUrl } = stackEndpoints();
    const subject = uniqueName('order.events-saga.order.OrderPlaced');
    const { schema } = loadCatalog().latest.get('OrderPlaced') ?? {};
    if (!schema) throw new Error('OrderPlaced is missing from the catalog');
    // What a registration cut short leaves: the schema stored, no level of the subject's own.
    const stored = await fetch(`${registryUrl}/subjects/${subject}/versions`, {
      method: 'POST',
      headers: CONFLUENT_JSON,
      body: JSON.stringify({ schema: JSON.stringify(schema) }),
    });
    expect(stored.ok).toBe(true);

    const id = await new RegistryClient(registryUrl).register(subject, schema);

    expect(id).toEqual(expect.any(Number));
    const config = (await (await fetch(`${registryUrl}/config/${subject}`)).json()) as { compatibilityLevel: string };
    expect(config.compatibilityLevel).toBe(SUBJECT_COMPATIBILITY);
  });
});
