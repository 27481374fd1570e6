// Sales statistics for coordinators and auditors (libs/statistics): one counting definition, money in
// fen. The exports are REST routes under /api/exports that want the bearer token, so they are fetched
// and saved from a blob rather than linked.
import { CLIENT_CODES, RequestError } from '../lib/graphql';
import { api } from './client';

export const SALES_GROUP_BYS = [
  'REGION',
  'CHANNEL_KIND',
  'CHANNEL',
  'SUPPLIER_KIND',
  'SUPPLIER',
  'CATEGORY',
  'MONTH',
  'BUYER_KIND',
] as const;
export type SalesGroupBy = (typeof SALES_GROUP_BYS)[number];
export const STATS_SIDES = ['ORIGIN', 'BUYER'] as const;
export type StatsSide = (typeof STATS_SIDES)[number];

export interface SalesFigures {
  grossAmount: number;
  refundAmount: number;
  netAmount: number;
  certifiedNetAmount: number;
  uncertifiedNetAmount: number;
  orderCount: number;
  unitCount: number;
  buyerCount: number;
  householdsDriven: number | null;
}

export interface SalesStatsRow {
  key: string;
  label: string;
  figures: SalesFigures;
}

export interface SalesStatsData {
  regionCode: string;
  regionPath: string[];
  fromDay: string;
  toDay: string;
  groupBy: SalesGroupBy;
  side: StatsSide;
  total: SalesFigures;
  rows: SalesStatsRow[];
}

const FIGURES =
  'grossAmount refundAmount netAmount certifiedNetAmount uncertifiedNetAmount orderCount unitCount buyerCount householdsDriven';

export const SALES_STATS = /* GraphQL */ `
  query SalesStats($regionCode: String!, $from: String!, $to: String!, $groupBy: SalesGroupBy!, $side: StatsSide) {
    salesStats(regionCode: $regionCode, from: $from, to: $to, groupBy: $groupBy, side: $side) {
      regionCode regionPath fromDay toDay groupBy side
      total { ${FIGURES} }
      rows { key label figures { ${FIGURES} } }
    }
  }
`;
export type SalesStatsQueryData = { salesStats: SalesStatsData };

export interface IndicatorsData {
  regionCode: string;
  regionPath: string[];
  date: string;
  hallCount: number;
  zoneCount: number;
  counterCount: number;
  certifiedSupplierCount: number;
  certifiedProductCount: number;
  salesAmountYtd: number;
  uncertifiedSalesAmountYtd: number;
  householdsDriven: number;
  exPovertyHouseholdsDriven: number;
  monitoredHouseholdsDriven: number;
  villageCollectiveIncome: number;
  summary: string;
}

export const ASSISTANCE_INDICATORS = /* GraphQL */ `
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
`;
export type IndicatorsQueryData = { assistanceIndicators: IndicatorsData };

export interface ChannelShareData {
  channelId: string;
  name: string;
  kind: string;
  netAmount: number;
  certifiedNetAmount: number;
  uncertifiedNetAmount: number;
  certifiedShareBps: number | null;
  warning: boolean;
}

export const CHANNEL_CERTIFIED_SHARE = /* GraphQL */ `
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
`;
export type ChannelShareQueryData = { channelCertifiedShare: { thresholdBps: number; channels: ChannelShareData[] } };

/** Agency units of the region ranked by 预留份额 completion (libs/procurement, the same counting). */
export const REGION_COMPLETION = /* GraphQL */ `
  query RegionCompletion($regionCode: String!, $year: Int!) {
    regionCompletion(regionCode: $regionCode, year: $year) {
      rank
      orgId
      name
      regionCode
      reservedAmount
      countedAmount
      pendingAmount
      completionBasisPoints
      completionPercent
    }
  }
`;
export interface RegionCompletionRow {
  rank: number;
  orgId: string;
  name: string;
  regionCode: string | null;
  reservedAmount: number;
  countedAmount: number;
  pendingAmount: number;
  completionBasisPoints: number | null;
  completionPercent: number | null;
}
export type RegionCompletionData = { regionCompletion: RegionCompletionRow[] };

export type ExportKind = 'sales-stats' | 'channel-certified-share' | 'assistance-indicators';

/** `/api/exports/sales-stats.xlsx?regionCode=…`: the export route of a table with the dashboard's filters. */
export function exportUrl(kind: ExportKind, format: 'csv' | 'xlsx', params: Record<string, string>): string {
  return `/api/exports/${kind}.${format}?${new URLSearchParams(params)}`;
}

/** The file name the server gave (RFC 6266 `filename*` first), or the fallback. */
export function dispositionFileName(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* fall through to the plain name */
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1] : fallback;
}

/** Fetches an export with the bearer token (a plain link cannot send it) and saves it under the server's name. */
export async function downloadExport(url: string, fallbackName: string): Promise<void> {
  const token = api.tokens.get();
  let res: Response;
  try {
    res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch (e) {
    throw new RequestError(CLIENT_CODES.NETWORK, e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) {
    let body: { error?: { code?: unknown; message?: unknown } } | null = null;
    try {
      body = await res.json();
    } catch {
      /* not JSON */
    }
    const code =
      typeof body?.error?.code === 'string'
        ? body.error.code
        : res.status >= 502
          ? CLIENT_CODES.NETWORK
          : CLIENT_CODES.UNKNOWN;
    throw new RequestError(code, typeof body?.error?.message === 'string' ? body.error.message : `HTTP ${res.status}`);
  }
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = dispositionFileName(res.headers.get('content-disposition'), fallbackName);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
