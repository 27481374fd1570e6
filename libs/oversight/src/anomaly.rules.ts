import type { RequestContext } from '@bangfu/core';
import { counterThresholdBps } from '@bangfu/statistics';
import { AnomalyKind, type AnomalyFigureData, type AnomalySeverity, type AnomalySubjectType } from './anomaly.entities';
import type { DetectorDeps } from './detector-deps';
import { detectAttributionGap, detectUncertifiedUnderLabel } from './detectors-label';
import { detectDeadlineSpike, detectOrderBurst, detectSplitBasket } from './detectors-pattern';
import { detectCircularTrade, detectPriceAboveReference, detectSelfDealing } from './detectors-trade';

/** What a detection run looks at: one order's neighbourhood (events) or everything recent (schedule). */
export interface DetectionScope {
  /** The orders an event was about; null for a scheduled or manual scan. */
  orderIds: string[] | null;
  now: Date;
}

/** What a detector reports; the engine turns it into a finding once per evidence key. */
export interface Candidate {
  kind: AnomalyKind;
  severity: AnomalySeverity;
  subjectType: AnomalySubjectType;
  subjectId: string;
  subjectLabel: string;
  /** The supplier concerned, when there is one (a confirmed finding may propose its suspension). */
  supplierId: string | null;
  /** 12-digit region code of the subject: decides the thresholds and who sees the finding. */
  regionCode: string;
  summary: string;
  figures: AnomalyFigureData[];
  orderIds: string[];
  /** With kind and subject, identifies the evidence: the same fingerprint never opens a second finding. */
  fingerprint: string;
  /** Evidence that grows (a burst): an open finding of the same kind and subject sharing an order absorbs it. */
  mergeOnOverlap?: boolean;
}

export type Thresholds = Record<string, number>;
/** The thresholds in force for a region: defaults, overridden by the longest matching prefix. */
export type ThresholdsFor = (regionCode: string) => Thresholds;

/** A rule's detector: the candidates it sees in the scope, with the thresholds of each region. */
export type Detector = (
  ctx: RequestContext,
  deps: DetectorDeps,
  scope: DetectionScope,
  th: ThresholdsFor,
) => Promise<Candidate[]>;

export interface AnomalyRule {
  kind: AnomalyKind;
  /** What the rule looks for (English; the storefront translates the kind). */
  description: string;
  /** Default thresholds with what each means; a region may override any of them (anomaly_threshold). */
  thresholds: Record<string, { default: number; doc: string }>;
  detect: Detector;
}

/** The rules, as data: each kind's detector and its default thresholds (money in fen, shares in basis points). */
export const ANOMALY_RULES: readonly AnomalyRule[] = [
  {
    kind: AnomalyKind.PRICE_ABOVE_REFERENCE,
    description:
      'A sold price above the market reference, above the same spec at other suppliers, or a sudden rise over earlier sales',
    thresholds: {
      referenceMarginBps: { default: 2000, doc: 'above the market reference price by more than this' },
      peerMarginBps: {
        default: 3000,
        doc: 'above the median of the same category, spec and unit at other suppliers by more than this',
      },
      minPeers: { default: 1, doc: 'other suppliers’ variants needed for the band' },
      riseBps: { default: 3000, doc: 'above the median of the variant’s earlier sold prices by more than this' },
      riseMinHistory: { default: 2, doc: 'earlier sales needed to speak of a rise' },
      lookbackDays: { default: 90, doc: 'earlier sales considered' },
    },
    detect: detectPriceAboveReference,
  },
  {
    kind: AnomalyKind.SELF_DEALING,
    description:
      'An agency order from a supplier whose people are also the buying unit’s people (shared members, the supplier’s staff buying)',
    thresholds: {
      minAmount: { default: 1, doc: 'the supplier’s part of the order, at least (fen)' },
      lookbackDays: { default: 30, doc: 'orders scanned by the schedule' },
    },
    detect: detectSelfDealing,
  },
  {
    kind: AnomalyKind.CIRCULAR_TRADE,
    description:
      'Money going round: a supplier’s staff buying its own products, or supplier A’s staff buying from B while B’s buy from A',
    thresholds: {
      lookbackDays: { default: 90, doc: 'window in which both directions must occur' },
      minAmount: { default: 1, doc: 'each direction, at least (fen)' },
    },
    detect: detectCircularTrade,
  },
  {
    kind: AnomalyKind.ORDER_BURST,
    description:
      'Many near-identical orders (same variants and quantities) in a short time; flags odd hours, new accounts and one unit’s staff (摊派)',
    thresholds: {
      windowMinutes: { default: 60, doc: 'orders this close together form a burst' },
      minOrders: { default: 5, doc: 'near-identical orders in the window' },
      oddHourStart: { default: 0, doc: 'odd hours start (Asia/Shanghai, hour 0–23)' },
      oddHourEnd: { default: 6, doc: 'odd hours end (exclusive)' },
      newAccountDays: { default: 7, doc: 'an account younger than this at order time is new' },
      flagShareBps: {
        default: 5000,
        doc: 'share of the burst at odd hours / from new accounts / from one unit that raises the severity',
      },
      scanHours: { default: 48, doc: 'orders scanned by the schedule' },
    },
    detect: detectOrderBurst,
  },
  {
    kind: AnomalyKind.DEADLINE_SPIKE,
    description: 'A unit’s purchases concentrated just before the deadline (year end by default)',
    thresholds: {
      deadlineMonth: { default: 12, doc: 'deadline month' },
      deadlineDay: { default: 31, doc: 'deadline day' },
      windowDays: { default: 15, doc: 'days before the deadline (inclusive) that count as “just before”' },
      shareBps: { default: 5000, doc: 'share of the year’s purchases in the window, at least' },
      minAmount: { default: 1_000_000, doc: 'purchases in the window, at least (fen)' },
    },
    detect: detectDeadlineSpike,
  },
  {
    kind: AnomalyKind.SPLIT_BASKET,
    description: 'Procurement’s split-basket flag: requests each under the purchaser’s limit that together exceed it',
    thresholds: {
      minExcessBps: { default: 0, doc: 'the requests together exceed the limit by at least this' },
      lookbackDays: { default: 30, doc: 'flags scanned by the schedule' },
    },
    detect: detectSplitBasket,
  },
  {
    kind: AnomalyKind.UNCERTIFIED_UNDER_LABEL,
    description:
      'Uncertified goods sold in an assistance-only channel, or a counter whose certified share is below the threshold',
    thresholds: {
      counterMinShareBps: {
        default: counterThresholdBps(),
        doc: 'a counter’s certified share of sales, at least (STATS_COUNTER_CERTIFIED_MIN_BPS)',
      },
      counterMinAmount: { default: 10_000, doc: 'a counter’s sales in the window before its share is judged (fen)' },
      counterLookbackDays: { default: 30, doc: 'a counter’s window' },
      lookbackDays: { default: 30, doc: 'orders scanned by the schedule' },
    },
    detect: detectUncertifiedUnderLabel,
  },
  {
    kind: AnomalyKind.ATTRIBUTION_GAP,
    description: 'A supplier shipping more than its harvest lots cover (attribution’s unassigned bucket growing)',
    thresholds: {
      maxUncoveredBps: { default: 1000, doc: 'units shipped without a lot, at most this share' },
      minUncoveredUnits: { default: 5, doc: 'units without a lot before a finding opens' },
      lookbackDays: { default: 90, doc: 'shipments considered' },
    },
    detect: detectAttributionGap,
  },
];

/**
 * Kinds that no detector looks for: another domain records them as they happen
 * (`ExternalFindingService.record`, in its own transaction), so they have no thresholds and no scan.
 */
export const EXTERNAL_FINDING_KINDS: ReadonlyMap<AnomalyKind, { description: string; recordedBy: string }> = new Map([
  [
    AnomalyKind.INCOME_DISPUTE,
    {
      description: 'A farmer household disputes a line of its monthly income (a purchase payment or attributed income)',
      recordedBy: 'libs/produce',
    },
  ],
]);

export const RULE_BY_KIND: ReadonlyMap<AnomalyKind, AnomalyRule> = new Map(ANOMALY_RULES.map((r) => [r.kind, r]));

export function defaultThresholds(rule: AnomalyRule): Thresholds {
  return Object.fromEntries(Object.entries(rule.thresholds).map(([k, v]) => [k, v.default]));
}

/** Thresholds for a region: the defaults, overridden by the override whose prefix is the longest that matches. */
export function thresholdsResolver(
  rule: AnomalyRule,
  overrides: Array<{ regionPrefix: string; thresholds: Thresholds }>,
): ThresholdsFor {
  const base = defaultThresholds(rule);
  const sorted = [...overrides].sort((a, b) => b.regionPrefix.length - a.regionPrefix.length);
  return (regionCode) => {
    const hit = sorted.find((o) => regionCode.startsWith(o.regionPrefix));
    return hit ? { ...base, ...hit.thresholds } : base;
  };
}
