// Writes the ACL table (acls.ts) to the broker, idempotently: adds the missing rows and removes every
// ALLOW row the table no longer has, so a topology change cannot leave an old grant behind. Run as the
// admin principal, next to the topics (infra/src/apply-topics.ts).
import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  ResourcePatternTypes,
  type AclEntry as KafkaAcl,
  type Kafka,
} from 'kafkajs';
import type { AclEntry, AclOperation } from './acls';

const OPERATIONS: Record<AclOperation, AclOperationTypes> = {
  read: AclOperationTypes.READ,
  write: AclOperationTypes.WRITE,
  create: AclOperationTypes.CREATE,
  delete: AclOperationTypes.DELETE,
  describe: AclOperationTypes.DESCRIBE,
  'describe-configs': AclOperationTypes.DESCRIBE_CONFIGS,
};

function toKafka(entry: AclEntry): KafkaAcl {
  return {
    principal: entry.principal,
    host: '*',
    resourceType: entry.resource === 'topic' ? AclResourceTypes.TOPIC : AclResourceTypes.GROUP,
    resourceName: entry.name,
    resourcePatternType: entry.pattern === 'literal' ? ResourcePatternTypes.LITERAL : ResourcePatternTypes.PREFIXED,
    operation: OPERATIONS[entry.operation],
    permissionType: AclPermissionTypes.ALLOW,
  };
}

const keyOf = (acl: KafkaAcl): string =>
  [
    acl.principal,
    acl.host,
    acl.resourceType,
    acl.resourcePatternType,
    acl.resourceName,
    acl.operation,
    acl.permissionType,
  ].join('|');

export interface AclApplyResult {
  created: number;
  removed: number;
  unchanged: number;
}

export async function applyAcls(kafka: Kafka, table: readonly AclEntry[]): Promise<AclApplyResult> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { resources } = await admin.describeAcls({
      resourceType: AclResourceTypes.ANY,
      resourcePatternType: ResourcePatternTypes.ANY,
      operation: AclOperationTypes.ANY,
      permissionType: AclPermissionTypes.ANY,
    });
    const present = new Map<string, KafkaAcl>();
    for (const { resourceType, resourceName, resourcePatternType, acls } of resources) {
      for (const acl of acls) {
        const row = { ...acl, resourceType, resourceName, resourcePatternType } as KafkaAcl;
        present.set(keyOf(row), row);
      }
    }
    const wanted = new Map(table.map((entry) => [keyOf(toKafka(entry)), toKafka(entry)]));
    const missing = [...wanted].filter(([key]) => !present.has(key)).map(([, acl]) => acl);
    const stale = [...present].filter(([key]) => !wanted.has(key)).map(([, acl]) => acl);
    if (missing.length > 0) await admin.createAcls({ acl: missing });
    if (stale.length > 0) await admin.deleteAcls({ filters: stale });
    return { created: missing.length, removed: stale.length, unchanged: wanted.size - missing.length };
  } finally {
    await admin.disconnect();
  }
}
