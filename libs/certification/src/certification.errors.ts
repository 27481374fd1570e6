import { defineErrorCodes } from '@bangfu/core';

/** The codes certification answers with (AppError, union results); each has zh-CN and en text in the storefront. */
export const CertificationErrorCode = defineErrorCodes('certification', {
  CERTIFICATE_EXPIRED: 'CERTIFICATE_EXPIRED',
  CERTIFICATION_ALREADY_ACTIVE: 'CERTIFICATION_ALREADY_ACTIVE',
  CERTIFICATION_CLOSED: 'CERTIFICATION_CLOSED',
  DUPLICATE_CERTIFICATE_NO: 'DUPLICATE_CERTIFICATE_NO',
  INVALID_VALIDITY: 'INVALID_VALIDITY',
  NO_LINKAGE: 'NO_LINKAGE',
  REASON_REQUIRED: 'REASON_REQUIRED',
  TOO_MANY_CERTIFICATION_DOCUMENTS: 'TOO_MANY_CERTIFICATION_DOCUMENTS',
});
