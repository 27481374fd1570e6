/**
 * The platform's receiving account (对公收款账户), shown to buyers who pay by bank transfer. Read
 * at boot from PLATFORM_BANK_ACCOUNT_NAME, PLATFORM_BANK_NAME and PLATFORM_BANK_ACCOUNT_NO: all
 * three or none (half an account would send money nowhere). Without it the storefront tells the
 * buyer to use the account printed on the platform's invoice.
 */
export interface PlatformBankAccount {
  payeeName: string;
  bankName: string;
  accountNo: string;
}

export const PLATFORM_BANK_ACCOUNT = Symbol('PLATFORM_BANK_ACCOUNT');

const KEYS = ['PLATFORM_BANK_ACCOUNT_NAME', 'PLATFORM_BANK_NAME', 'PLATFORM_BANK_ACCOUNT_NO'] as const;

export function loadPlatformBankAccount(
  env: Record<string, string | undefined> = process.env,
): PlatformBankAccount | null {
  const values = KEYS.map((k) => env[k]?.trim() ?? '');
  if (values.every((v) => v === '')) return null;
  const missing = KEYS.filter((_, i) => values[i] === '');
  if (missing.length)
    throw new Error(
      `Invalid payment configuration: ${missing.join(', ')} must be set with the other PLATFORM_BANK_* variables`,
    );
  if (!/^[0-9 -]{6,40}$/.test(values[2]))
    throw new Error(
      'Invalid payment configuration: PLATFORM_BANK_ACCOUNT_NO must be 6–40 digits (spaces and dashes allowed)',
    );
  return { payeeName: values[0], bankName: values[1], accountNo: values[2] };
}
