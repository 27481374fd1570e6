import { defineErrorCodes } from '@bangfu/core';

/** The codes attribution answers with (AppError, union results); each has zh-CN and en text in the storefront. */
export const AttributionErrorCode = defineErrorCodes('attribution', {
  BENEFICIARY_NOT_LINKED: 'BENEFICIARY_NOT_LINKED',
  ORDER_NOT_COUNTED: 'ORDER_NOT_COUNTED',
  REFUND_MISMATCH: 'REFUND_MISMATCH',
  REFUND_NOT_FOUND: 'REFUND_NOT_FOUND',
  RULE_EFFECTIVE_BEFORE_PREVIOUS: 'RULE_EFFECTIVE_BEFORE_PREVIOUS',
  RULE_EFFECTIVE_IN_PAST: 'RULE_EFFECTIVE_IN_PAST',
  RULE_EXCEEDS_REVENUE: 'RULE_EXCEEDS_REVENUE',
  SHARES_EXCEED_100: 'SHARES_EXCEED_100',
});
