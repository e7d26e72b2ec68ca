// The native stack as `make dev` runs it: topics as code are applied with their settings and
// re-applying changes nothing; schemas survive a registry restart (KafkaSQL storage); Zipkin takes spans.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
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

  // With tracing off the stack starts no Zipkin.
  const traced = process.env.OTEL_SDK_DISABLED?.toLowerCase() === 'true' ? it.skip : it;
  traced('runs Zipkin, which serves a span it was sent back by its trace id', async () => {
    const { zipkinUrl } = stackEndpoints();
    const span = {
      traceId: randomBytes(16).toString('hex'),
      id: randomBytes(8).toString('hex'),
      name: 'native-stack probe',
      timestamp: Date.now() * 1000,
      duration: 1_000,
      localEndpoint: { serviceName: 'native-stack-test' },
    };

    const posted = await fetch(`${zipkinUrl}/api/v2/spans`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([span]),
    });

    expect(posted.status).toBe(202);
    // Zipkin takes spans asynchronously: a trace is readable a moment after the 202.
    const trace = await eventually(async () => {
      const response = await fetch(`${zipkinUrl}/api/v2/trace/${span.traceId}`);
      return response.ok ? ((await response.json()) as unknown[]) : undefined;
    });
    expect(trace).toEqual([expect.objectContaining(span)]);
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
