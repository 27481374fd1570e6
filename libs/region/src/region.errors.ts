import { defineErrorCodes } from '@bangfu/core';

/** The codes region answers with (AppError, union results); each has zh-CN and en text in the storefront. */
export const RegionErrorCode = defineErrorCodes('region', {
  UNKNOWN_REGION: 'UNKNOWN_REGION',
});
