import { defineStateMachine } from '@bangfu/core';
import { PayoutBatchStatus, PayoutStatus, RefundStatus } from './payment.entities';

/**
 * Refunds and payouts move by conditional updates (`… WHERE status IN sourcesOf(to)`), so two
 * webhooks or retries racing on one row move it once; these tables say which moves exist.
 */
export const REFUND_MACHINE = defineStateMachine<RefundStatus>({
  name: 'Refund',
  states: Object.values(RefundStatus),
  initial: [RefundStatus.PENDING],
  transitions: [
    {
      from: RefundStatus.PENDING,
      to: RefundStatus.SUCCEEDED,
      note: 'the provider refunded; recorded on the order and in the ledger',
    },
    { from: RefundStatus.PENDING, to: RefundStatus.FAILED, note: 'the provider refused or reported a failure' },
    // A call that failed on our side (timeout, outage) may still have refunded: the webhook then records it.
    { from: RefundStatus.FAILED, to: RefundStatus.SUCCEEDED, note: 'the provider reports it refunded after all' },
  ],
});

export const PAYOUT_MACHINE = defineStateMachine<PayoutStatus>({
  name: 'Payout',
  states: Object.values(PayoutStatus),
  // Stripe Connect payouts start PENDING; bank-file payouts are EXPORTED when the batch is created.
  initial: [PayoutStatus.PENDING, PayoutStatus.EXPORTED],
  transitions: [
    { from: PayoutStatus.PENDING, to: PayoutStatus.PAID, note: 'Stripe transfer made' },
    { from: PayoutStatus.PENDING, to: PayoutStatus.FAILED, note: 'Stripe refused the transfer; posting reversed' },
  ],
});

export const PAYOUT_BATCH_MACHINE = defineStateMachine<PayoutBatchStatus>({
  name: 'PayoutBatch',
  states: Object.values(PayoutBatchStatus),
  // A batch without Stripe payouts is COMPLETED at once.
  initial: [PayoutBatchStatus.PROCESSING, PayoutBatchStatus.COMPLETED],
  transitions: [
    { from: PayoutBatchStatus.PROCESSING, to: PayoutBatchStatus.COMPLETED, note: 'every payout paid' },
    {
      from: PayoutBatchStatus.PROCESSING,
      to: PayoutBatchStatus.PARTIALLY_FAILED,
      note: 'nothing pending, some payouts failed',
    },
  ],
});

/** What README.md's States section is generated from (`npm run docs:states`). */
export const PAYMENT_STATE_MACHINES = [REFUND_MACHINE, PAYOUT_MACHINE, PAYOUT_BATCH_MACHINE];
