import { defineErrorCodes } from '@bangfu/core';

/** The codes identity answers with (AppError, union results); each has zh-CN and en text in the storefront. */
export const IdentityErrorCode = defineErrorCodes('identity', {
  ADDRESS_LIMIT: 'ADDRESS_LIMIT',
  CANNOT_DISABLE_SELF: 'CANNOT_DISABLE_SELF',
  DUPLICATE_IDENTIFIER: 'DUPLICATE_IDENTIFIER',
  INVALID_ADDRESS: 'INVALID_ADDRESS',
  INVALID_PHONE: 'INVALID_PHONE',
  RESET_TOKEN_INVALID: 'RESET_TOKEN_INVALID',
  ROLE_ORGANIZATION_MISMATCH: 'ROLE_ORGANIZATION_MISMATCH',
  UNKNOWN_ADDRESS: 'UNKNOWN_ADDRESS',
  WEAK_PASSWORD: 'WEAK_PASSWORD',
  WRONG_PASSWORD: 'WRONG_PASSWORD',
});
