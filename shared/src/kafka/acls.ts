// The broker's ACL table, generated from the topology: which principal may do what to which topic and
// group. Pure, so the table can be read and tested without a broker; apply-acls.ts writes it.
// The broker denies whatever is not here (allow.everyone.if.no.acl.found=false); `admin` is a super user
// and needs no rows. READ, WRITE and DELETE each imply DESCRIBE, so no row grants DESCRIBE alone except
// the console's look at the services' groups (their lag).
import type { EventType } from '../generated/events';
import { ConsoleGroupPrefix, TopicSpecs, deadLetterTopic } from '../topics';
import type { Application, ApplicationName } from '../topology';

export type AclResource = 'topic' | 'group';
export type AclPattern = 'literal' | 'prefixed';
export type AclOperation = 'read' | 'write' | 'create' | 'delete' | 'describe' | 'describe-configs';

export interface AclEntry {
  /** `User:order`; `User:ANONYMOUS` is whoever connects on the registry's PLAINTEXT listener. */
  principal: string;
  resource: AclResource;
  pattern: AclPattern;
  name: string;
  operation: AclOperation;
}

/**
 * The schema registry's own topics and groups (Apicurio KafkaSQL): natively `_apicurio-*`
 * (infra/native/registry.sh), in compose `_schemas*` (the registry image's names). It creates the topics
 * itself and joins a fresh `apicurio-<uuid>` group at every start to replay its journal.
 */
export const RegistryKafkaResources = {
  principal: 'User:ANONYMOUS',
  topics: [
    '_apicurio-kafkasql-journal',
    '_apicurio-kafkasql-snapshots',
    '_apicurio-registry-events',
    '_schemas',
    '_schemas-snapshots',
    '_schemas-events',
  ],
  groupPrefix: 'apicurio-',
} as const;

export interface AclInputs {
  applications: Readonly<Record<ApplicationName, Application>>;
  /** The topic a type is written to (the schema catalog's folder). */
  topicOf: (type: EventType) => string;
}

const user = (name: string): string => `User:${name}`;
const unique = <T>(items: Iterable<T>): T[] => [...new Set(items)].sort();

function rows(
  principal: string,
  resource: AclResource,
  names: Iterable<string>,
  operations: AclOperation[],
  pattern: AclPattern = 'literal',
): AclEntry[] {
  return unique(names).flatMap((name) =>
    operations.map((operation) => ({ principal, resource, pattern, name, operation })),
  );
}

/** One application: write what it produces and its dead letters, read what it consumes, its one group. */
function applicationAcls(name: ApplicationName, app: Application, topicOf: AclInputs['topicOf']): AclEntry[] {
  const principal = user(name);
  const written = [...app.produces.map(topicOf), deadLetterTopic(app.groupId)];
  return [
    ...rows(principal, 'topic', written, ['write']),
    ...rows(principal, 'topic', app.consumes.map(topicOf), ['read']),
    // The gateway's rebuild deletes its group to start the projection over.
    ...rows(principal, 'group', [app.groupId], name === 'gateway' ? ['read', 'delete'] : ['read']),
  ];
}

/**
 * The workshop console: its live tap reads every topic and dead-letter topic, its replay writes a dead
 * letter back where it came from (so any topic some group consumes), its lag panel describes the
 * services' groups; its own groups (tap, dead-letter reader) share one prefix, and it deletes them after.
 */
function consoleAcls({ applications, topicOf }: AclInputs): AclEntry[] {
  const principal = user('console');
  const apps = Object.values(applications);
  return [
    ...rows(
      principal,
      'topic',
      TopicSpecs.map((spec) => spec.name),
      ['read'],
    ),
    ...rows(
      principal,
      'topic',
      apps.flatMap((app) => app.consumes.map(topicOf)),
      ['write'],
    ),
    ...rows(
      principal,
      'group',
      apps.map((app) => app.groupId),
      ['describe'],
    ),
    ...rows(principal, 'group', [ConsoleGroupPrefix], ['read', 'delete'], 'prefixed'),
  ];
}

function registryAcls(): AclEntry[] {
  const { principal, topics, groupPrefix } = RegistryKafkaResources;
  return [
    ...rows(principal, 'topic', topics, ['create', 'describe-configs', 'read', 'write']),
    ...rows(principal, 'group', [groupPrefix], ['read'], 'prefixed'),
  ];
}

export function kafkaAcls(inputs: AclInputs): AclEntry[] {
  const apps = Object.entries(inputs.applications) as Array<[ApplicationName, Application]>;
  return [
    ...apps.flatMap(([name, app]) => applicationAcls(name, app, inputs.topicOf)),
    ...consoleAcls(inputs),
    ...registryAcls(),
  ];
}
