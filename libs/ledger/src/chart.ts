import { AccountKind, AccountOwnerKind } from './ledger.entities';

/**
 * The chart of accounts (科目表). Sign convention everywhere: debit > 0, credit < 0; an asset's
 * balance is normally positive, a liability's or revenue's negative. See README.md for the
 * postings that move money between them.
 */
export interface AccountDefinition {
  /** Code prefix; per-owner accounts are `<prefix>:<owner uuid>`. */
  prefix: string;
  number: string;
  name: string;
  kind: AccountKind;
  ownerKind: AccountOwnerKind;
}

export const CHART: Record<string, AccountDefinition> = {
  CASH_STRIPE: {
    prefix: 'CASH_STRIPE',
    number: '1010',
    name: '银行存款-Stripe 账户 (money held at Stripe)',
    kind: AccountKind.ASSET,
    ownerKind: AccountOwnerKind.PLATFORM,
  },
  CASH_BANK: {
    prefix: 'CASH_BANK',
    number: '1020',
    name: '银行存款-平台对公账户 (platform bank account)',
    kind: AccountKind.ASSET,
    ownerKind: AccountOwnerKind.PLATFORM,
  },
  COUNTER_RECEIVABLE: {
    prefix: 'COUNTER_RECEIVABLE',
    number: '1130',
    name: '应收专柜运营方款 (cash a counter channel collected and owes the platform)',
    kind: AccountKind.ASSET,
    ownerKind: AccountOwnerKind.CHANNEL,
  },
  ORDER_CLEARING: {
    prefix: 'ORDER_CLEARING',
    number: '2010',
    name: '待结算订单款 (buyer money held until settlement)',
    kind: AccountKind.LIABILITY,
    ownerKind: AccountOwnerKind.PLATFORM,
  },
  SUPPLIER_PAYABLE: {
    prefix: 'SUPPLIER_PAYABLE',
    number: '2020',
    name: '应付供应商款 (owed to a supplier)',
    kind: AccountKind.LIABILITY,
    ownerKind: AccountOwnerKind.SUPPLIER,
  },
  BUYER_REFUNDS_DUE: {
    prefix: 'BUYER_REFUNDS_DUE',
    number: '2030',
    name: '待退买家款 (money received that no payable order can take: paid after cancel, paid twice)',
    kind: AccountKind.LIABILITY,
    ownerKind: AccountOwnerKind.PLATFORM,
  },
  PLATFORM_FEE_REVENUE: {
    prefix: 'PLATFORM_FEE_REVENUE',
    number: '6010',
    name: '平台服务费收入 (platform fee)',
    kind: AccountKind.REVENUE,
    ownerKind: AccountOwnerKind.PLATFORM,
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Account codes, built only through these helpers so a typo cannot open a new account. */
export const Accounts = {
  cashStripe: () => 'CASH_STRIPE',
  cashBank: () => 'CASH_BANK',
  orderClearing: () => 'ORDER_CLEARING',
  buyerRefundsDue: () => 'BUYER_REFUNDS_DUE',
  platformFeeRevenue: () => 'PLATFORM_FEE_REVENUE',
  supplierPayable: (supplierId: string) => `SUPPLIER_PAYABLE:${supplierId.toLowerCase()}`,
  counterReceivable: (channelId: string) => `COUNTER_RECEIVABLE:${channelId.toLowerCase()}`,
};

export interface ParsedAccountCode {
  code: string;
  definition: AccountDefinition;
  ownerId: string | null;
}

/** Validates a code against the chart; throws for anything not in it. */
export function parseAccountCode(code: string): ParsedAccountCode {
  const [prefix, owner, ...rest] = code.split(':');
  const definition = CHART[prefix];
  if (!definition || rest.length > 0) throw new Error(`unknown ledger account ${code}`);
  const perOwner = definition.ownerKind !== AccountOwnerKind.PLATFORM;
  if (perOwner !== (owner !== undefined))
    throw new Error(`ledger account ${code}: ${perOwner ? 'needs' : 'takes no'} owner id`);
  if (owner !== undefined && !UUID.test(owner))
    throw new Error(`ledger account ${code}: owner must be a lower-case uuid`);
  return { code, definition, ownerId: owner ?? null };
}

export function accountName(parsed: ParsedAccountCode): string {
  return parsed.ownerId ? `${parsed.definition.name} ${parsed.ownerId}` : parsed.definition.name;
}

/** The cash-like accounts a refund or payout can be paid from. */
export type CashAccount = 'CASH_STRIPE' | 'CASH_BANK' | `COUNTER_RECEIVABLE:${string}`;
