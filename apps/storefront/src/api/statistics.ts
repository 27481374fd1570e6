// Sales statistics for coordinators and auditors (libs/statistics): one counting definition, money in
// fen. The exports are REST routes under /api/exports that want the bearer token, so they are fetched
// and saved from a blob rather than linked.
import type { ResultOf } from '../lib/graphql';
import { graphql } from './generated';

import type { SalesFiguresFieldsFragment, SalesGroupBy, StatsSide } from './generated/graphql';
export type { SalesGroupBy, StatsSide } from './generated/graphql';

export type SalesFigures = SalesFiguresFieldsFragment;
export type SalesStatsData = SalesStatsQueryData['salesStats'];
export type SalesStatsRow = SalesStatsData['rows'][number];
export type IndicatorsData = IndicatorsQueryData['assistanceIndicators'];
export type ChannelShareQueryData = ResultOf<typeof CHANNEL_CERTIFIED_SHARE>;
export type ChannelShareData = ChannelShareQueryData['channelCertifiedShare']['channels'][number];
export type RegionCompletionRow = RegionCompletionData['regionCompletion'][number];

export const SALES_GROUP_BYS = [
  'REGION',
  'CHANNEL_KIND',
  'CHANNEL',
  'SUPPLIER_KIND',
  'SUPPLIER',
  'CATEGORY',
  'MONTH',
  'BUYER_KIND',
] as const satisfies readonly SalesGroupBy[];
export const STATS_SIDES = ['ORIGIN', 'BUYER'] as const satisfies readonly StatsSide[];

export const FIGURES = graphql(`
  fragment SalesFiguresFields on SalesFigures {
    grossAmount
    refundAmount
    netAmount
    certifiedNetAmount
    uncertifiedNetAmount
    orderCount
    unitCount
    buyerCount
    householdsDriven
  }
`);

export const SALES_STATS = graphql(`
  query SalesStats($regionCode: String!, $from: String!, $to: String!, $groupBy: SalesGroupBy!, $side: StatsSide) {
    salesStats(regionCode: $regionCode, from: $from, to: $to, groupBy: $groupBy, side: $side) {
      regionCode
      regionPath
      fromDay
      toDay
      groupBy
      side
      total {
        ...SalesFiguresFields
      }
      rows {
        key
        label
        figures {
          ...SalesFiguresFields
        }
      }
    }
  }
`);
export type SalesStatsQueryData = ResultOf<typeof SALES_STATS>;

export const ASSISTANCE_INDICATORS = graphql(`
  query AssistanceIndicators($regionCode: String!, $date: String!) {
    assistanceIndicators(regionCode: $regionCode, date: $date) {
      regionCode
      regionPath
      date
      hallCount
      zoneCount
      counterCount
      certifiedSupplierCount
      certifiedProductCount
      salesAmountYtd
      uncertifiedSalesAmountYtd
      householdsDriven
      exPovertyHouseholdsDriven
      monitoredHouseholdsDriven
      villageCollectiveIncome
      summary
    }
  }
`);
export type IndicatorsQueryData = ResultOf<typeof ASSISTANCE_INDICATORS>;

export const CHANNEL_CERTIFIED_SHARE = graphql(`
  query ChannelCertifiedShare($regionCode: String!, $from: String!, $to: String!, $side: StatsSide) {
    channelCertifiedShare(regionCode: $regionCode, from: $from, to: $to, side: $side) {
      regionCode
      fromDay
      toDay
      side
      thresholdBps
      channels {
        channelId
        name
        kind
        netAmount
        certifiedNetAmount
        uncertifiedNetAmount
        certifiedShareBps
        warning
      }
    }
  }
`);
/** Agency units of the region ranked by 预留份额 completion (libs/procurement, the same counting). */
export const REGION_COMPLETION = graphql(`
  query RegionCompletion($regionCode: String!, $year: Int!) {
    regionCompletion(regionCode: $regionCode, year: $year) {
      ...UnitCompletionFields
      regionCode
    }
  }
`);
export type RegionCompletionData = ResultOf<typeof REGION_COMPLETION>;

export type ExportKind = 'sales-stats' | 'channel-certified-share' | 'assistance-indicators';

/** `/api/exports/sales-stats.xlsx?regionCode=…`: the export route of a table with the dashboard's filters. */
export function exportUrl(kind: ExportKind, format: 'csv' | 'xlsx', params: Record<string, string>): string {
  return `/api/exports/${kind}.${format}?${new URLSearchParams(params)}`;
}

export { downloadExport } from './rest';
