// The schemas, the generated types and the topic definitions describe one system.
import fs from 'node:fs';
import { EventCatalog, ConsumerGroups, TopicSpecs, Topics, deadLetterTopic, loadCatalog } from '@saga/shared';
import { GENERATED_FILE, generateTypes } from '../src/schemas/codegen';

const catalog = loadCatalog();

describe('schema catalog', () => {
  it('puts every record on a declared topic, and every declared topic carries records', () => {
    const schemaTopics = new Set([...catalog.latest.values()].map((entry) => entry.topic));

    expect([...schemaTopics].sort()).toEqual(Object.values(Topics).sort());
  });

  it('starts every record with the envelope', () => {
    for (const entry of catalog.latest.values()) {
      const fields = (entry.schema as { fields: { name: string; type: { name?: string } }[] }).fields;
      expect({ record: entry.name, first: fields[0]?.name }).toEqual({ record: entry.name, first: 'envelope' });
    }
  });

  it('names events in the past tense and commands in the imperative, by topic', () => {
    for (const entry of catalog.latest.values()) {
      const isCommandTopic = entry.topic.endsWith('.commands');
      expect({ name: entry.name, pastTense: /(ed|Sold)$/.test(entry.name) }).toEqual({
        name: entry.name,
        pastTense: !isCommandTopic,
      });
    }
  });

  it('has generated TypeScript types that match the schemas', () => {
    expect(fs.readFileSync(GENERATED_FILE, 'utf8')).toBe(generateTypes(catalog));
    expect(Object.keys(EventCatalog).sort()).toEqual([...catalog.latest.keys()].sort());
  });

  it('gives every consumer group a dead-letter topic', () => {
    const names = TopicSpecs.map((spec) => spec.name);

    for (const group of Object.values(ConsumerGroups)) expect(names).toContain(deadLetterTopic(group));
  });
});
