import type { Type } from '@nestjs/common';
import { createUnionType } from '@nestjs/graphql';

/**
 * A mutation's result union (business failures are union members, not exceptions): the success type
 * first, then the error types it may answer instead. The resolver returns an instance of one of them;
 * whatever is not one of the errors is the success.
 */
export function resultUnion<T extends readonly [Type<unknown>, ...Type<unknown>[]]>(name: string, types: T) {
  const [success, ...errors] = types;
  return createUnionType({
    name,
    types: () => types,
    resolveType: (value: object) => errors.find((error) => value instanceof error) ?? success,
  });
}
