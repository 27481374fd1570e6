import { defineErrorCodes } from '@bangfu/core';

/** The codes ledger answers with (AppError, union results); each has zh-CN and en text in the storefront. */
export const LedgerErrorCode = defineErrorCodes('ledger', {
  LEDGER_INVALID_ENTRY: 'LEDGER_INVALID_ENTRY',
  LEDGER_UNBALANCED: 'LEDGER_UNBALANCED',
});
