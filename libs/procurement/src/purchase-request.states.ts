import { defineStateMachine } from '@bangfu/core';
import { PurchaseRequestStatus as S } from './procurement.entities';
import { ProcurementErrorCode } from './procurement.errors';

/** 采购申请: a request is decided once; every decision also moves its order (see purchase-request.service.ts). */
export const PURCHASE_REQUEST_MACHINE = defineStateMachine<S>({
  name: 'PurchaseRequest',
  states: Object.values(S),
  initial: [S.PENDING_APPROVAL],
  transitions: [
    {
      from: S.PENDING_APPROVAL,
      to: S.APPROVED,
      note: 'an APPROVER of the unit within its limit, or the unit policy (auto-approved)',
    },
    { from: S.PENDING_APPROVAL, to: S.REJECTED, note: 'an APPROVER of the unit, with a reason' },
    { from: S.PENDING_APPROVAL, to: S.WITHDRAWN, note: 'its purchaser or an agency admin of the unit' },
  ],
  // The code and message clients already get for a decided request.
  errorCode: ProcurementErrorCode.REQUEST_NOT_PENDING,
  message: (from) => `The request is already ${from}`,
});

/** What README.md's States section is generated from (`npm run docs:states`). */
export const PROCUREMENT_STATE_MACHINES = [PURCHASE_REQUEST_MACHINE];
