import { z } from 'zod';

/**
 * Channel's own settings, read once at boot (core config cannot be extended from a domain lib):
 * - COUNTER_REPORT_MAX_AGE_DAYS (default 7): a counter sales report whose `soldAt` is older than this
 *   is refused with REPORT_TOO_OLD. A sale that old either comes from a counter whose clock is wrong
 *   or is being replayed/backfilled; recording it would reopen statistics, reserved-share completion
 *   and attribution of periods already reported, so the operator files it through a person instead.
 */
export interface ChannelConfig {
  counterReportMaxAgeDays: number;
}

export const CHANNEL_CONFIG = Symbol('CHANNEL_CONFIG');

const schema = z.object({
  COUNTER_REPORT_MAX_AGE_DAYS: z.coerce
    .number({ message: 'expected a whole number of days' })
    .int('expected a whole number of days')
    .min(1)
    .max(366)
    .default(7),
});

export function loadChannelConfig(env: Record<string, string | undefined> = process.env): ChannelConfig {
  const raw = env.COUNTER_REPORT_MAX_AGE_DAYS?.trim();
  const parsed = schema.safeParse(raw ? { COUNTER_REPORT_MAX_AGE_DAYS: raw } : {});
  if (!parsed.success) {
    throw new Error(
      `COUNTER_REPORT_MAX_AGE_DAYS: ${parsed.error.issues[0].message}, 1–366 (got ${JSON.stringify(raw)})`,
    );
  }
  return { counterReportMaxAgeDays: parsed.data.COUNTER_REPORT_MAX_AGE_DAYS };
}
