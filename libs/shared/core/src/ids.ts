import { badInput } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** IDs reach SQL as uuid parameters: test them first, so a malformed one is "not found" or bad input, never a 500. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The id, or BAD_USER_INPUT naming the field. */
export function assertUuid(value: unknown, field: string): string {
  if (!isUuid(value)) throw badInput(`${field} is not a valid id`, { field });
  return value;
}
