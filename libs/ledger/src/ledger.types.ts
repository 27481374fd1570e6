import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Fen } from '@bangfu/money';
import { MoneyScalar } from '@bangfu/money';
import { LedgerAccount, PostingKind } from './ledger.entities';

@ObjectType({
  description: 'One movement on a supplier’s payable account; amount > 0 means more is owed to the supplier',
})
export class SupplierStatementLine {
  @Field(() => ID) postingId: string;
  @Field(() => PostingKind) kind: PostingKind;
  @Field(() => ID, { nullable: true }) orderId: string | null;
  @Field(() => ID, { nullable: true }) supplierOrderId: string | null;
  @Field(() => String) reference: string;
  @Field(() => String) description: string;
  @Field(() => MoneyScalar) amount: Fen;
  @Field(() => MoneyScalar, { description: 'Owed to the supplier after this line' }) balance: Fen;
  @Field(() => Date) createdAt: Date;
}

@ObjectType({ description: '供应商对账单 — what the platform owes a supplier over a period' })
export class SupplierStatement {
  @Field(() => ID) supplierId: string;
  @Field(() => Date) from: Date;
  @Field(() => Date, { description: 'Exclusive end' }) to: Date;
  @Field(() => MoneyScalar, { description: 'Owed at `from`' }) openingBalance: Fen;
  @Field(() => MoneyScalar, { description: 'Sales settled to the supplier in the period (gross)' }) sales: Fen;
  @Field(() => MoneyScalar, { description: 'Platform fees charged, net of fees given back with refunds' }) fees: Fen;
  @Field(() => MoneyScalar, { description: 'Refunds taken back from the supplier' }) refunds: Fen;
  @Field(() => MoneyScalar, { description: 'Paid out to the supplier (net of failed payouts)' }) payouts: Fen;
  @Field(() => MoneyScalar, { description: 'Owed at `to`' }) closingBalance: Fen;
  @Field(() => [SupplierStatementLine]) lines: SupplierStatementLine[];
  @Field(() => Boolean, { description: 'True when the period has more lines than returned (balances are still exact)' })
  truncated: boolean;
}

@ObjectType()
export class TrialBalanceLine {
  @Field(() => LedgerAccount) account: LedgerAccount;
  @Field(() => MoneyScalar, { description: 'Debit balance (≥ 0)' }) debit: Fen;
  @Field(() => MoneyScalar, { description: 'Credit balance (≥ 0)' }) credit: Fen;
  @Field(() => MoneyScalar, { description: 'debit − credit' }) balance: Fen;
}

@ObjectType({
  description:
    '试算平衡表 — account balances at a moment. Platform-wide (platform admins): every account, debits equal credits. Region-scoped (auditors): only the accounts of suppliers and counters in the region',
})
export class TrialBalance {
  @Field(() => Date) asOf: Date;
  @Field(() => [TrialBalanceLine]) lines: TrialBalanceLine[];
  @Field(() => MoneyScalar) totalDebit: Fen;
  @Field(() => MoneyScalar) totalCredit: Fen;
  @Field(() => MoneyScalar, {
    description:
      'Sum of the balances shown: always 0 platform-wide; for a region-scoped view the net position of its accounts',
  })
  total: Fen;
  @Field(() => [String], {
    nullable: true,
    description: 'Region code prefixes the balance is limited to; null when platform-wide',
  })
  regionPrefixes: string[] | null;
}
