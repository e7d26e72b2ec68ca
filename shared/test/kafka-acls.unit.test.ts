// The ACL table as the broker gets it: each application writes exactly what it produces and its dead
// letters, reads exactly what it consumes, and uses only its own group.
import { Applications, ConsumerGroups, kafkaAcls, loadCatalog, type AclEntry, type EventType } from '@saga/shared';

const catalog = loadCatalog();
const topicOf = (type: EventType): string => catalog.latest.get(type)!.topic;
const table = kafkaAcls({ applications: Applications, topicOf });

const names = (principal: string, resource: AclEntry['resource'], operation: AclEntry['operation']): string[] =>
  table
    .filter((row) => row.principal === principal && row.resource === resource && row.operation === operation)
    .map((row) => `${row.pattern === 'prefixed' ? 'prefix ' : ''}${row.name}`)
    .sort();

describe('the Kafka ACL table', () => {
  it('lets payment write only payment.events and its dead letters, read only what it consumes, use only its group', () => {
    expect(names('User:payment', 'topic', 'write')).toEqual(['payment-service.dlt', 'payment.events']);
    expect(names('User:payment', 'topic', 'read')).toEqual(['inventory.events', 'order.events']);
    expect(names('User:payment', 'group', 'read')).toEqual(['payment-service']);
    expect(table.filter((row) => row.principal === 'User:payment')).toHaveLength(5);
  });

  it('grants every application the topics of the types it produces and consumes, and nothing else', () => {
    for (const [name, app] of Object.entries(Applications)) {
      const principal = `User:${name}`;
      const produced = [...new Set([...app.produces.map(topicOf), `${app.groupId}.dlt`])].sort();
      const consumed = [...new Set(app.consumes.map(topicOf))].sort();

      expect({ name, writes: names(principal, 'topic', 'write') }).toEqual({ name, writes: produced });
      expect({ name, reads: names(principal, 'topic', 'read') }).toEqual({ name, reads: consumed });
      expect({ name, groups: names(principal, 'group', 'read') }).toEqual({ name, groups: [app.groupId] });
    }
  });

  it('lets only the gateway delete its group (a read-model rebuild starts the projection over)', () => {
    expect(table.filter((row) => row.operation === 'delete' && row.pattern === 'literal')).toEqual([
      {
        principal: 'User:gateway',
        resource: 'group',
        pattern: 'literal',
        name: ConsumerGroups.gateway,
        operation: 'delete',
      },
    ]);
  });

  it('gives the console only groups under its own prefix, and the services groups to look at', () => {
    expect(names('User:console', 'group', 'read')).toEqual(['prefix workshop-console-']);
    expect(names('User:console', 'group', 'describe')).toEqual(Object.values(ConsumerGroups).sort());
    expect(names('User:console', 'topic', 'write')).not.toContain('gateway-projection.dlt');
  });

  it("lets the registry's anonymous listener reach only the registry's own topics and groups", () => {
    const anonymous = table.filter((row) => row.principal === 'User:ANONYMOUS');

    expect(anonymous.every((row) => /^(_apicurio-|_schemas)/.test(row.name) || row.name === 'apicurio-')).toBe(true);
    expect(anonymous.some((row) => row.resource === 'topic' && row.name.includes('.'))).toBe(false);
  });

  it('never allows a wildcard', () => {
    expect(table.filter((row) => row.name === '*' || row.principal === 'User:*')).toEqual([]);
  });
});
