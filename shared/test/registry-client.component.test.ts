// RegistryClient against a loopback stand-in of the registry's REST API, for the one answer the real
// registry gives only under a race: a retried first registration whose rule the timed-out first attempt
// has set meanwhile (Apicurio: 409 "rule already exists"). That start goes on; a schema the registry
// refuses as incompatible (also 409) still fails it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { RegistryUnavailableError, SchemaIncompatibleError } from '@saga/shared';
import { RegistryClient, SUBJECT_COMPATIBILITY } from '../src/avro/registry-client';

const schema = { type: 'record' as const, name: 'Thing', namespace: 'test', fields: [{ name: 'id', type: 'string' }] };

interface Registry {
  /** The subject's rule, once set. */
  rule: string | undefined;
  /** Whether `schema` is registered (the stand-in knows one schema). */
  registered: boolean;
  /** What POST /subjects/{subject}/versions answers when the schema is not registered yet. */
  refuseRegistration: boolean;
  /** Another instance's rule is being set: PUT answers 'already exists' but GET does not show it yet. */
  ruleNotYetVisible?: boolean;
}

async function standIn(registry: Registry): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/vnd.schemaregistry.v1+json' });
      res.end(JSON.stringify(body));
    };
    req.resume();
    req.on('end', () => {
      const path = req.url ?? '';
      if (req.method === 'GET' && path.startsWith('/config/')) {
        return registry.rule
          ? send(200, { compatibilityLevel: registry.rule })
          : send(404, { error_code: 40401, message: 'Subject not found' });
      }
      if (req.method === 'PUT' && path.startsWith('/config/')) {
        // The race: the first attempt, which timed out on the client's side, has set the rule meanwhile.
        if (!registry.ruleNotYetVisible) registry.rule = SUBJECT_COMPATIBILITY;
        return send(409, { error_code: 409, message: 'Rule already exists' });
      }
      if (req.method === 'POST' && /^\/subjects\/[^/]+\/versions$/.test(path)) {
        if (registry.refuseRegistration) return send(409, { error_code: 409, message: 'Incompatible schema' });
        registry.registered = true;
        return send(200, { id: 7 });
      }
      if (req.method === 'POST' && /^\/subjects\/[^/]+$/.test(path)) {
        return registry.registered
          ? send(200, { subject: 'thing-value', id: 7, version: 1, schema: JSON.stringify(schema) })
          : send(404, { error_code: 40403, message: 'Schema not found' });
      }
      send(404, { error_code: 404, message: `no route ${req.method} ${path}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('RegistryClient', () => {
  it('goes on when a retried first registration finds its rule already set by the attempt that timed out', async () => {
    const registry: Registry = { rule: undefined, registered: false, refuseRegistration: false };
    const { url, close } = await standIn(registry);
    try {
      await expect(new RegistryClient(url).register('thing-value', schema)).resolves.toBe(7);
    } finally {
      await close();
    }
  });

  it('fails retriably when the rule another instance is setting does not read back yet', async () => {
    const registry: Registry = {
      rule: undefined,
      registered: false,
      refuseRegistration: false,
      ruleNotYetVisible: true,
    };
    const { url, close } = await standIn(registry);
    try {
      await expect(new RegistryClient(url).register('thing-value', schema)).rejects.toBeInstanceOf(
        RegistryUnavailableError,
      );
    } finally {
      await close();
    }
  });

  it('still refuses a schema the registry refuses as incompatible', async () => {
    const registry: Registry = { rule: SUBJECT_COMPATIBILITY, registered: false, refuseRegistration: true };
    const { url, close } = await standIn(registry);
    try {
      await expect(new RegistryClient(url).register('thing-value', schema)).rejects.toBeInstanceOf(
        SchemaIncompatibleError,
      );
    } finally {
      await close();
    }
  });
});
