import { z } from 'zod';
import { SupplierWarningLevel } from './aftersales.entities';

/** Photos per complaint, and how long a supplier order can be complained about after delivery. */
export const MAX_PHOTOS_PER_COMPLAINT = 9;
export const COMPLAINT_WINDOW_DAYS = 90;

/** The facts a rule looks at, computed per supplier when something changes. */
export interface SupplierFacts {
  /** Upheld complaints decided within each rule's window, keyed by window days. */
  upheldWithin: (days: number) => Promise<number>;
  /** Average score (1–5) and count of ratings given within the window. */
  ratingsWithin: (days: number) => Promise<{ count: number; average: number | null }>;
}

/** One rule: when `test` holds, the supplier gets `level` (at most once per window). */
export interface AftersalesRule {
  code: string;
  level: SupplierWarningLevel;
  windowDays: number;
  /** A reason in zh-CN (shown to supplier and admin) and the figures behind it, or null when the rule does not fire. */
  test: (facts: SupplierFacts) => Promise<{ reason: string; figures: Record<string, unknown> } | null>;
}

/**
 * Thresholds (动态退出), read once at boot:
 * - AFTERSALES_UPHELD_WINDOW_DAYS (90): upheld complaints are counted over this many days;
 * - AFTERSALES_UPHELD_WARNING (3) / AFTERSALES_UPHELD_PROPOSAL (5): that many → warning / suspension proposal;
 * - AFTERSALES_RATING_WINDOW_DAYS (180), AFTERSALES_RATING_MIN_COUNT (10): ratings counted, and how many are needed;
 * - AFTERSALES_RATING_WARNING_BELOW (3.0) / AFTERSALES_RATING_PROPOSAL_BELOW (2.5): an average below → warning / proposal.
 */
export interface AftersalesConfig {
  upheldWindowDays: number;
  upheldWarning: number;
  upheldProposal: number;
  ratingWindowDays: number;
  ratingMinCount: number;
  ratingWarningBelow: number;
  ratingProposalBelow: number;
  /** Shipping within this many hours of payment (or pay-on-delivery confirmation) counts as on time. */
  onTimeShippingHours: number;
}

export const AFTERSALES_CONFIG = Symbol('AFTERSALES_CONFIG');

const schema = z
  .object({
    AFTERSALES_UPHELD_WINDOW_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    AFTERSALES_UPHELD_WARNING: z.coerce.number().int().min(1).max(1000).default(3),
    AFTERSALES_UPHELD_PROPOSAL: z.coerce.number().int().min(1).max(1000).default(5),
    AFTERSALES_RATING_WINDOW_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
    AFTERSALES_RATING_MIN_COUNT: z.coerce.number().int().min(1).max(100000).default(10),
    AFTERSALES_RATING_WARNING_BELOW: z.coerce.number().min(1).max(5).default(3),
    AFTERSALES_RATING_PROPOSAL_BELOW: z.coerce.number().min(1).max(5).default(2.5),
    AFTERSALES_ON_TIME_SHIPPING_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(48),
  })
  .refine((c) => c.AFTERSALES_UPHELD_PROPOSAL >= c.AFTERSALES_UPHELD_WARNING, {
    message: 'AFTERSALES_UPHELD_PROPOSAL must be at least AFTERSALES_UPHELD_WARNING',
  })
  .refine((c) => c.AFTERSALES_RATING_PROPOSAL_BELOW <= c.AFTERSALES_RATING_WARNING_BELOW, {
    message: 'AFTERSALES_RATING_PROPOSAL_BELOW must not exceed AFTERSALES_RATING_WARNING_BELOW',
  });

export function loadAftersalesConfig(env: Record<string, string | undefined> = process.env): AftersalesConfig {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k.startsWith('AFTERSALES_') && v !== undefined && v !== ''),
  );
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success)
    throw new Error(
      `Invalid after-sales configuration: ${parsed.error.issues.map((i) => `${String(i.path[0] ?? '')}: ${i.message}`).join('; ')}`,
    );
  const c = parsed.data;
  return {
    upheldWindowDays: c.AFTERSALES_UPHELD_WINDOW_DAYS,
    upheldWarning: c.AFTERSALES_UPHELD_WARNING,
    upheldProposal: c.AFTERSALES_UPHELD_PROPOSAL,
    ratingWindowDays: c.AFTERSALES_RATING_WINDOW_DAYS,
    ratingMinCount: c.AFTERSALES_RATING_MIN_COUNT,
    ratingWarningBelow: c.AFTERSALES_RATING_WARNING_BELOW,
    ratingProposalBelow: c.AFTERSALES_RATING_PROPOSAL_BELOW,
    onTimeShippingHours: c.AFTERSALES_ON_TIME_SHIPPING_HOURS,
  };
}

function upheldRule(code: string, level: SupplierWarningLevel, threshold: number, days: number): AftersalesRule {
  return {
    code,
    level,
    windowDays: days,
    test: async (facts) => {
      const upheld = await facts.upheldWithin(days);
      return upheld >= threshold
        ? {
            reason: `${days} 天内 ${upheld} 起投诉成立（阈值 ${threshold}）`,
            figures: { upheld, threshold, windowDays: days },
          }
        : null;
    },
  };
}

function ratingRule(
  code: string,
  level: SupplierWarningLevel,
  below: number,
  minCount: number,
  days: number,
): AftersalesRule {
  return {
    code,
    level,
    windowDays: days,
    test: async (facts) => {
      const { count, average } = await facts.ratingsWithin(days);
      if (count < minCount || average === null || average >= below) return null;
      return {
        reason: `${days} 天内 ${count} 条评价平均 ${average.toFixed(2)} 分，低于 ${below}`,
        figures: { count, average, below, minCount, windowDays: days },
      };
    },
  };
}

/** The rules as data: warnings first, proposals at the stricter thresholds. */
export function aftersalesRules(c: AftersalesConfig): AftersalesRule[] {
  return [
    upheldRule('UPHELD_COMPLAINTS_WARNING', SupplierWarningLevel.WARNING, c.upheldWarning, c.upheldWindowDays),
    upheldRule('UPHELD_COMPLAINTS_PROPOSAL', SupplierWarningLevel.PROPOSAL, c.upheldProposal, c.upheldWindowDays),
    ratingRule(
      'LOW_RATING_WARNING',
      SupplierWarningLevel.WARNING,
      c.ratingWarningBelow,
      c.ratingMinCount,
      c.ratingWindowDays,
    ),
    ratingRule(
      'LOW_RATING_PROPOSAL',
      SupplierWarningLevel.PROPOSAL,
      c.ratingProposalBelow,
      c.ratingMinCount,
      c.ratingWindowDays,
    ),
  ];
}
