import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { Db } from './db';
import { notFound } from './errors';
import { isUuid } from './ids';
import type { RequestContext } from './request-context';

/**
 * The row with this id, locked FOR UPDATE until the caller's transaction ends, so what it reads next cannot
 * change under it. NOT_FOUND (`what`) when there is no such row, or when the id is no uuid (PostgreSQL would
 * refuse the comparison with an error instead).
 */
export async function lockRow<T extends ObjectLiteral>(
  db: Db,
  tx: RequestContext,
  entity: EntityTarget<T>,
  id: string,
  what: string,
): Promise<T> {
  if (!isUuid(id)) throw notFound(what, id);
  const row = await db
    .repo(tx, entity)
    .createQueryBuilder('row')
    .setLock('pessimistic_write')
    .where('row.id = :id', { id })
    .getOne();
  if (!row) throw notFound(what, id);
  return row;
}
