import { defineErrorCodes } from '@bangfu/core';

/** The codes aftersales answers with (AppError, union results); each has zh-CN and en text in the storefront. */
export const AftersalesErrorCode = defineErrorCodes('aftersales', {
  ALREADY_RATED: 'ALREADY_RATED',
  COMPLAINT_ALREADY_OPEN: 'COMPLAINT_ALREADY_OPEN',
  COMPLAINT_NOT_ALLOWED: 'COMPLAINT_NOT_ALLOWED',
  COMPLAINT_WRONG_STATE: 'COMPLAINT_WRONG_STATE',
  RATING_NOT_ALLOWED: 'RATING_NOT_ALLOWED',
  TOO_MANY_PHOTOS: 'TOO_MANY_PHOTOS',
});
