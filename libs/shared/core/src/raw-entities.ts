import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral, ValueTransformer } from 'typeorm';
import { prepared } from './prepared';

interface Reader {
  /** The SELECT list: every column of the entity under its database name. */
  columns: string;
  build: (row: Record<string, unknown>) => ObjectLiteral;
}

const readers = new WeakMap<EntityMetadata, Reader>();

function transformFrom(transformer: ValueTransformer | ValueTransformer[] | undefined, value: unknown): unknown {
  if (!transformer) return value;
  // TypeORM applies an array of transformers in reverse order when reading.
  const list = Array.isArray(transformer) ? [...transformer].reverse() : [transformer];
  return list.reduce((v, t) => t.from(v), value);
}

function readerFor(metadata: EntityMetadata): Reader {
  let reader = readers.get(metadata);
  if (!reader) {
    // Virtual columns are relations' join columns without a property of their own.
    const columns = metadata.columns.filter((c) => !c.isVirtual);
    if (columns.some((c) => c.embeddedMetadata))
      throw new Error(`findRaw: ${metadata.name} has embedded columns, which it does not map`);
    reader = {
      columns: columns.map((c) => `"${c.databaseName}"`).join(', '),
      build: (row) => {
        const entity = metadata.create() as ObjectLiteral;
        for (const c of columns) entity[c.propertyName] = transformFrom(c.transformer, row[c.databaseName]);
        return entity;
      },
    };
    readers.set(metadata, reader);
  }
  return reader;
}

/**
 * Entities read with plain SQL on hot read paths: `sql` receives the entity's column list (for its
 * SELECT) and the rows become instances of the entity with the same values `find` gives (the
 * columns' transformers applied), without building a query through the query builder and
 * TypeORM's raw-result transformation, which cost a product page more than its SQL did. Relations
 * are not loaded.
 */
export async function findRaw<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  sql: (columns: string) => string,
  params: unknown[],
): Promise<T[]> {
  const reader = readerFor(em.connection.getMetadata(entity));
  // Prepared (parsed and planned once per connection): each call site's text is constant.
  const rows: Record<string, unknown>[] = await em.query(prepared(sql(reader.columns)), params);
  return rows.map((r) => reader.build(r) as T);
}
