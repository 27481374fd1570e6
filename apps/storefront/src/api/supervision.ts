// Agency supervision and the payment clock (libs/procurement): completion rankings by jurisdiction,
// department or unit (frozen month-end snapshots), and what agencies owe suppliers after acceptance.
export const SUPERVISION_GROUPS = ['COUNTY', 'CITY', 'DEPARTMENT', 'UNIT'] as const;
export type SupervisionGroup = (typeof SUPERVISION_GROUPS)[number];

export interface SupervisionFiguresData {
  unitsRegistered: number;
  unitsFiled: number;
  unitsActivated: number;
  reservedAmount: number;
  countedAmount: number;
  pendingAmount: number;
  completionBasisPoints: number | null;
  previousReservedAmount: number;
  reservedChangeAmount: number;
  reservedChangeBasisPoints: number | null;
}

export interface SupervisionRowData {
  rank: number;
  key: string;
  label: string;
  decreaseReason: string | null;
  countedDifference: number | null;
  completionDifferenceBasisPoints: number | null;
  figures: SupervisionFiguresData;
  live: { countedAmount: number; completionBasisPoints: number | null } | null;
}

const FIGURES =
  'unitsRegistered unitsFiled unitsActivated reservedAmount countedAmount pendingAmount completionBasisPoints previousReservedAmount reservedChangeAmount reservedChangeBasisPoints';

export const COMPLETION_RANKING = /* GraphQL */ `
  query CompletionRanking($regionCode: String!, $year: Int!, $groupBy: SupervisionGroupBy!, $month: Int) {
    completionRanking(regionCode: $regionCode, year: $year, groupBy: $groupBy, month: $month) {
      regionCode regionPath year month groupBy
      snapshot { year month source publishedAt }
      rows { rank key label decreaseReason countedDifference completionDifferenceBasisPoints figures { ${FIGURES} } live { countedAmount completionBasisPoints } }
      total { rank key label decreaseReason countedDifference completionDifferenceBasisPoints figures { ${FIGURES} } live { countedAmount completionBasisPoints } }
    }
  }
`;
export interface CompletionRankingData {
  completionRanking: {
    regionCode: string;
    regionPath: string[];
    year: number;
    month: number | null;
    groupBy: SupervisionGroup;
    snapshot: { year: number; month: number; source: string; publishedAt: string } | null;
    rows: SupervisionRowData[];
    total: SupervisionRowData;
  };
}

export interface PaymentClockEntryData {
  orderId: string;
  orderNo: string;
  orgId: string;
  unitName: string;
  supplierId: string;
  supplierName: string;
  amount: number;
  acceptedOn: string;
  termDays: number;
  dailyRatePpm: number;
  dueOn: string;
  paidOn: string | null;
  status: 'NOT_DUE' | 'OVERDUE' | 'PAID' | 'PAID_LATE';
  daysOverdue: number;
  interestAmount: number;
  outstandingAmount: number;
}

export const PAYMENT_CLOCK = /* GraphQL */ `
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
`;
export interface PaymentClockData {
  paymentClock: {
    asOf: string;
    outstandingAmount: number;
    overdueAmount: number;
    interestAmount: number;
    overdueCount: number;
    entries: PaymentClockEntryData[];
    overdueUnits: Array<{
      orgId: string;
      name: string;
      overdueCount: number;
      overdueAmount: number;
      interestAmount: number;
      maxDaysOverdue: number;
    }>;
  };
}

export const UNIT_FILINGS = /* GraphQL */ `
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
`;
export interface UnitFilingsData {
  reservedShareFilings: Array<{
    id: string;
    year: number;
    canteenMode: string;
    ratioBps: number;
    reservedAmount: number;
    late: boolean;
    version: number;
    decreaseReason: string | null;
  }>;
}

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
