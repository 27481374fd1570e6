import { defineErrorCodes } from '@bangfu/core';

/** The codes oversight answers with (AppError, union results); each has zh-CN and en text in the storefront. */
export const OversightErrorCode = defineErrorCodes('oversight', {
  FINDING_ALREADY_REVIEWED: 'FINDING_ALREADY_REVIEWED',
  FINDING_HAS_NO_SUPPLIER: 'FINDING_HAS_NO_SUPPLIER',
  PROPOSAL_ALREADY_DECIDED: 'PROPOSAL_ALREADY_DECIDED',
});
