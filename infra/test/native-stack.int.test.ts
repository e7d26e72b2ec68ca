// The native stack as `make dev` runs it: topics as code are applied with their settings and
// re-applying changes nothing; schemas survive a registry restart (KafkaSQL storage).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ConfigResourceTypes } from 'kafkajs';
import { RegistryClient, TopicSpecs, applyTopics, loadCatalog, subjectFor, type SagaError } from '@saga/shared';
import { eventually, stackEndpoints, testKafka, uniqueName } from '../../test/support/helpers';

const STACK = path.resolve(__dirname, '../native');

describe('native stack', () => {
  const kafka = testKafka();

  it('creates every defined topic with its partitions, cleanup policy and retention', async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: TopicSpecs.map((spec) => spec.name) });
      const { resources } = await admin.describeConfigs({
        includeSynonyms: false,
        resources: TopicSpecs.map((spec) => ({
          type: ConfigResourceTypes.TOPIC,
          name: spec.name,
          configNames: ['cleanup.policy', 'retention.ms'],
        })),
      });

      for (const spec of TopicSpecs) {
        const configs = resources.find((resource) => resource.resourceName === spec.name)?.configEntries ?? [];
        expect({
          name: spec.name,
          partitions: topics.find((topic) => topic.name === spec.name)?.partitions.length,
          cleanup: configs.find((entry) => entry.configName === 'cleanup.policy')?.configValue,
          retention: configs.find((entry) => entry.configName === 'retention.ms')?.configValue,
        }).toEqual({
          name: spec.name,
          partitions: spec.partitions,
          cleanup: spec.cleanupPolicy,
          retention: String(spec.retentionMs),
        });
      }
    } finally {
      await admin.disconnect();
    }
  });

  it('applies the topic definitions idempotently', async () => {
    const result = await applyTopics(kafka, TopicSpecs);

    expect(result).toEqual({ created: [], grown: [], unchanged: TopicSpecs.map((spec) => spec.name) });
  });

  const ownStack = process.env.TEST_STACK_ENV ? it : it.skip;
  ownStack(
    'keeps registered schemas across a registry restart',
    async () => {
      const registry = new RegistryClient(stackEndpoints().registryUrl);
      const entry = loadCatalog().latest.get('OrderPlaced')!;
      const subject = subjectFor(uniqueName('restart'), entry.fullName);
      const id = await registry.register(subject, entry.schema);
      const env = JSON.parse(process.env.TEST_STACK_ENV!) as NodeJS.ProcessEnv;

      execFileSync('bash', [path.join(STACK, 'registry.sh'), 'stop'], { env });
      execFileSync('bash', [path.join(STACK, 'registry.sh'), 'start'], { env });
      execFileSync('node', [path.resolve(__dirname, '../dist/wait-for-stack.js'), 'registry'], {
        env: { ...env, SCHEMA_REGISTRY_URL: stackEndpoints().registryUrl },
      });

      const restarted = new RegistryClient(stackEndpoints().registryUrl);
      // A pooled keep-alive socket to the old process fails once, retriably; callers retry those.
      const schema = await eventually(() =>
        restarted.schemaById(id).catch((error: SagaError) => (error.retriable ? undefined : Promise.reject(error))),
      );
      expect(schema).toMatchObject({ name: entry.fullName });
      expect(await restarted.register(subject, entry.schema)).toBe(id);
    },
    180_000,
  );
});
