import { MAX_FEE_BPS } from './postings';

export interface LedgerConfig {
  /** Platform fee in basis points of the settled amount (0 on the 832 platform). */
  platformFeeBps: number;
}

export const LEDGER_CONFIG = Symbol('LEDGER_CONFIG');

/** Read once at boot from the environment; a bad value stops the boot with a clear message. */
export function ledgerConfigFromEnv(env: Record<string, string | undefined> = process.env): LedgerConfig {
  const raw = env.PLATFORM_FEE_BPS?.trim();
  if (!raw) return { platformFeeBps: 0 };
  if (!/^\d+$/.test(raw) || Number(raw) > MAX_FEE_BPS) {
    throw new Error(`PLATFORM_FEE_BPS: expected an integer 0–${MAX_FEE_BPS} basis points (got ${JSON.stringify(raw)})`);
  }
  return { platformFeeBps: Number(raw) };
}
