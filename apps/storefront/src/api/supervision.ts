// Agency supervision and the payment clock (libs/procurement): completion rankings by jurisdiction,
// department or unit (frozen month-end snapshots), and what agencies owe suppliers after acceptance.
import type { ResultOf } from '../lib/graphql';
import { graphql } from './generated';

import type { SupervisionFiguresFieldsFragment, SupervisionGroupBy } from './generated/graphql';

export type SupervisionGroup = SupervisionGroupBy;
export type SupervisionFiguresData = SupervisionFiguresFieldsFragment;
export type CompletionRankingData = ResultOf<typeof COMPLETION_RANKING>;
export type SupervisionRowData = CompletionRankingData['completionRanking']['rows'][number];
export type PaymentClockData = ResultOf<typeof PAYMENT_CLOCK>;
export type PaymentClockEntryData = PaymentClockData['paymentClock']['entries'][number];
export type UnitFilingsData = ResultOf<typeof UNIT_FILINGS>;
export const SUPERVISION_GROUPS = [
  'COUNTY',
  'CITY',
  'DEPARTMENT',
  'UNIT',
] as const satisfies readonly SupervisionGroup[];

export const FIGURES = graphql(`
  fragment SupervisionFiguresFields on SupervisionFigures {
    unitsRegistered
    unitsFiled
    unitsActivated
    reservedAmount
    countedAmount
    pendingAmount
    completionBasisPoints
    previousReservedAmount
    reservedChangeAmount
    reservedChangeBasisPoints
  }
`);

/** A ranked jurisdiction, department or unit, and the total row under them. */
export const SUPERVISION_ROW = graphql(`
  fragment SupervisionRowFields on SupervisionRow {
    rank
    key
    label
    decreaseReason
    countedDifference
    completionDifferenceBasisPoints
    figures {
      ...SupervisionFiguresFields
    }
    live {
      countedAmount
      completionBasisPoints
    }
  }
`);

export const COMPLETION_RANKING = graphql(`
  query CompletionRanking($regionCode: String!, $year: Int!, $groupBy: SupervisionGroupBy!, $month: Int) {
    completionRanking(regionCode: $regionCode, year: $year, groupBy: $groupBy, month: $month) {
      regionCode
      regionPath
      year
      month
      groupBy
      snapshot {
        year
        month
        source
        publishedAt
      }
      rows {
        ...SupervisionRowFields
      }
      total {
        ...SupervisionRowFields
      }
    }
  }
`);
export const PAYMENT_CLOCK = graphql(`
  query PaymentClock($filter: PaymentClockFilter, $asOf: String) {
    paymentClock(filter: $filter, asOf: $asOf) {
      asOf
      outstandingAmount
      overdueAmount
      interestAmount
      overdueCount
      entries {
        orderId
        orderNo
        orgId
        unitName
        supplierId
        supplierName
        amount
        acceptedOn
        termDays
        dailyRatePpm
        dueOn
        paidOn
        status
        daysOverdue
        interestAmount
        outstandingAmount
      }
      overdueUnits {
        orgId
        name
        overdueCount
        overdueAmount
        interestAmount
        maxDaysOverdue
      }
    }
  }
`);
export const UNIT_FILINGS = graphql(`
  query UnitFilings($orgId: ID!) {
    reservedShareFilings(orgId: $orgId) {
      id
      year
      canteenMode
      ratioBps
      reservedAmount
      late
      version
      decreaseReason
    }
  }
`);
export function supervisionExportUrl(
  kind: 'ranking' | 'overdue',
  format: 'csv' | 'xlsx',
  params: Record<string, string>,
): string {
  return `/api/procurement/supervision/${kind}.${format}?${new URLSearchParams(params)}`;
}

/** "12.34%" from basis points; "—" when there is no rate. */
export function bpsText(bps: number | null | undefined): string {
  return bps === null || bps === undefined ? '—' : `${(bps / 100).toFixed(2)}%`;
}
