import { defineErrorCodes } from '@bangfu/core';

/** The codes supplier answers with (AppError, union results); each has zh-CN and en text in the storefront. */
export const SupplierErrorCode = defineErrorCodes('supplier', {
  DUPLICATE_HOUSEHOLD: 'DUPLICATE_HOUSEHOLD',
  HOUSEHOLD_HAS_LOGIN: 'HOUSEHOLD_HAS_LOGIN',
  HOUSEHOLD_NOT_LINKED: 'HOUSEHOLD_NOT_LINKED',
  INVALID_ID_NUMBER: 'INVALID_ID_NUMBER',
  SUPPLIER_NOT_ACTIVE: 'SUPPLIER_NOT_ACTIVE',
  SUPPLIER_NOT_ELIGIBLE: 'SUPPLIER_NOT_ELIGIBLE',
});
