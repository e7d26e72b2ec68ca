// The AsyncAPI document: parsed by @asyncapi/parser with its Avro schema parser, saying for every
// application what it sends and receives, and committed to docs/ exactly as generated from the code.
import fs from 'node:fs';
import path from 'node:path';
import { Parser, type AsyncAPIDocumentInterface } from '@asyncapi/parser';
import { AvroSchemaParser } from '@asyncapi/avro-schema-parser';
import avro, { type Schema } from 'avsc';
import { Applications, TopicSpecs, loadCatalog } from '@saga/shared';
import { asyncApiDocument, asyncApiYaml } from '../src/asyncapi/asyncapi';
import { withNamespaces } from '../src/asyncapi/asyncapi-messages';

const COMMITTED = path.resolve(__dirname, '../../docs/asyncapi.yaml');
const RENDERED = path.resolve(__dirname, '../../docs/asyncapi/index.html');
const catalog = loadCatalog();

// Severity 2 (information) is the only one allowed, and only this: AsyncAPI 3.1 exists, but the issue
// asks for 3.0, which the AsyncAPI generator and html-template used for docs/asyncapi/ render.
const JUSTIFIED_INFOS = ['asyncapi-latest-version'];

let parsed: AsyncAPIDocumentInterface;
let diagnostics: { severity: number; code: string | number; message: string; path: (string | number)[] }[];
beforeAll(async () => {
  const parser = new Parser();
  parser.registerSchemaParser(AvroSchemaParser());
  const result = await parser.parse(asyncApiYaml());
  if (!result.document) throw new Error(JSON.stringify(result.diagnostics.slice(0, 5), null, 2));
  parsed = result.document;
  diagnostics = result.diagnostics;
});

/** The message names of `service`'s operations of one action, sorted. */
function messagesOf(service: string, action: 'send' | 'receive'): string[] {
  const operations = parsed.operations().filterBy((op) => op.action() === action);
  const own = operations.filter((op) =>
    op
      .tags()
      .all()
      .some((tag) => tag.name() === service),
  );
  return [
    ...new Set(
      own.flatMap((op) =>
        op
          .messages()
          .all()
          .map((message) => message.id()),
      ),
    ),
  ].sort();
}

describe('AsyncAPI document', () => {
  it('parses without errors or warnings, the Avro payloads included', () => {
    const serious = diagnostics.filter((diagnostic) => diagnostic.severity < 2);
    const infos = diagnostics.filter((diagnostic) => diagnostic.severity === 2).map((d) => d.code);

    expect(serious).toEqual([]);
    expect(infos).toEqual(JUSTIFIED_INFOS);
    expect(parsed.messages().all().length).toBe(catalog.latest.size + 1); // + the dead letter
  });

  it.each(Object.values(Applications).map((app) => [app.service, app] as const))(
    'says %s receives exactly what it consumes and sends what it produces, plus its dead letters',
    (_service, app) => {
      const deadLetters = app.consumes.length > 0 ? ['DeadLetter'] : [];

      expect(messagesOf(app.service, 'receive')).toEqual([...app.consumes].sort());
      expect(messagesOf(app.service, 'send')).toEqual([...app.produces, ...deadLetters].sort());
    },
  );

  it('embeds every payload as the schema the serde registers (same canonical form)', () => {
    const { components } = asyncApiDocument() as { components: { schemas: Record<string, { schema: Schema }> } };
    for (const entry of catalog.latest.values()) {
      const embedded = components.schemas[entry.name]?.schema as Schema;
      expect({ type: entry.name, same: avro.Type.forSchema(embedded).equals(entry.type) }).toEqual({
        type: entry.name,
        same: true,
      });
    }
    expect(withNamespaces({ type: 'record', name: 'a.b.C', fields: [] })).toEqual({
      type: 'record',
      name: 'C',
      namespace: 'a.b',
      fields: [],
    });
  });

  it('changes when a consumer registration changes, so the committed copy cannot go stale unnoticed', () => {
    const order = { ...Applications.order, consumes: Applications.order.consumes.slice(1) };
    const changed = asyncApiDocument({ catalog, topics: TopicSpecs, applications: { ...Applications, order } });

    expect(changed).not.toEqual(asyncApiDocument());
  });

  it('is committed to docs/asyncapi.yaml as generated (run `make docs` after changing topics, handlers or schemas)', () => {
    expect(fs.readFileSync(COMMITTED, 'utf8')).toBe(asyncApiYaml());
  });

  it('is rendered in docs/asyncapi/index.html with exactly the current operations (run `make docs`)', () => {
    // The HTML anchors each operation as `operation-<action>-<operation id>`.
    const anchors = fs
      .readFileSync(RENDERED, 'utf8')
      .matchAll(/operation-(?:send|receive)-([a-z-]+\.(?:sends|receives)\.[a-z.-]*[a-z])/g);
    const rendered = [...new Set([...anchors].map((match) => match[1]))].sort();

    expect(rendered).toEqual(Object.keys(asyncApiDocument().operations as object).sort());
  });
});
