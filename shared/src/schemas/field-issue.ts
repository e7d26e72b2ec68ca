// Which field makes a reader schema unable to read a writer schema. avsc's resolver only says that
// resolution failed ("no matching field for default-less X.y"); the schema gate names the field and
// what is wrong with it, walking into nested records so the path points at the change.
import type { Type } from 'avsc';

export type FieldIssue =
  /** The reader has the field, the writer does not, and the reader gives no default to fill it with. */
  | { kind: 'no-default'; path: string }
  /** Both have the field, but the writer's type cannot be read as the reader's. */
  | { kind: 'type-changed'; path: string; readerType: string; writerType: string };

interface RecordField {
  name: string;
  type: Type;
  defaultValue(): unknown;
}

function fieldsOf(type: Type): RecordField[] | undefined {
  return type.typeName === 'record' ? (type as unknown as { fields: RecordField[] }).fields : undefined;
}

function readable(reader: Type, writer: Type): boolean {
  try {
    reader.createResolver(writer);
    return true;
  } catch {
    return false; // the answer itself: not readable
  }
}

const typeLabel = (type: Type): string => type.name ?? type.typeName;

/** The first field of `reader` that cannot be filled from data written with `writer`, if any. */
export function fieldIssue(reader: Type, writer: Type, prefix = ''): FieldIssue | undefined {
  const readerFields = fieldsOf(reader);
  const writerFields = fieldsOf(writer);
  if (!readerFields || !writerFields) return undefined;
  for (const field of readerFields) {
    const path = `${prefix}${field.name}`;
    const written = writerFields.find((candidate) => candidate.name === field.name);
    if (!written) {
      if (field.defaultValue() === undefined) return { kind: 'no-default', path };
      continue;
    }
    if (!readable(field.type, written.type)) {
      return (
        fieldIssue(field.type, written.type, `${path}.`) ?? {
          kind: 'type-changed',
          path,
          readerType: typeLabel(field.type),
          writerType: typeLabel(written.type),
        }
      );
    }
  }
  return undefined;
}
