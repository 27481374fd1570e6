import { uniqueViolation } from './db';

/**
 * Runs an insert that a unique index guards and answers its duplicate as the domain's error: a check before
 * the insert can race with a concurrent one, and then the index decides. Other errors pass through.
 */
export async function insertUnique<T>(insert: () => Promise<T>, duplicate: () => Error): Promise<T> {
  try {
    return await insert();
  } catch (e) {
    if (uniqueViolation(e)) throw duplicate();
    throw e;
  }
}
