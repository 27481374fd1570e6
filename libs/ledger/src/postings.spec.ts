import { describe, expect, it } from 'vitest';
import { Accounts } from './chart';
import { ledgerConfigFromEnv } from './ledger.config';
import { PostingKind } from './ledger.entities';
import {
  assertValidEntries,
  buyerPaymentEntries,
  counterSettlementEntries,
  type EntryInput,
  feeFor,
  positionsFrom,
  refundEntries,
  settlementPostings,
  type SupplierOrderPosition,
} from './postings';

const SO1 = '00000000-0000-4000-8000-000000000001';
const SO2 = '00000000-0000-4000-8000-000000000002';
const SO3 = '00000000-0000-4000-8000-000000000003';
const S1 = '10000000-0000-4000-8000-000000000001';
const S2 = '10000000-0000-4000-8000-000000000002';
const S3 = '10000000-0000-4000-8000-000000000003';

const sum = (entries: EntryInput[]) => entries.reduce((s, e) => s + e.amount, 0);
const on = (entries: EntryInput[], account: string) =>
  entries.filter((e) => e.account === account).reduce((s, e) => s + e.amount, 0);

function position(
  over: Partial<SupplierOrderPosition> & { supplierOrderId: string; supplierId: string },
): SupplierOrderPosition {
  return { paid: 0, refunded: 0, clearing: 0, settled: 0, fee: 0, refundedAfterSettlement: 0, feeReversed: 0, ...over };
}

describe('fee arithmetic', () => {
  it('rounds half up in integers', () => {
    expect(feeFor(10_000, 0)).toBe(0);
    expect(feeFor(10_000, 250)).toBe(250);
    expect(feeFor(199, 250)).toBe(5); // 4.975 → 5
    expect(feeFor(1, 4999)).toBe(0); // 0.4999 → 0
    expect(feeFor(1, 5000)).toBe(1); // 0.5 → 1
    expect(feeFor(Number.MAX_SAFE_INTEGER, 10_000)).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => feeFor(100, 10_001)).toThrow();
    expect(() => feeFor(100, 1.5)).toThrow();
  });

  it('reads PLATFORM_FEE_BPS (default 0) and refuses nonsense at boot', () => {
    expect(ledgerConfigFromEnv({})).toEqual({ platformFeeBps: 0 });
    expect(ledgerConfigFromEnv({ PLATFORM_FEE_BPS: '300' })).toEqual({ platformFeeBps: 300 });
    for (const bad of ['-1', '1.5', 'abc', '10001'])
      expect(() => ledgerConfigFromEnv({ PLATFORM_FEE_BPS: bad })).toThrow(/PLATFORM_FEE_BPS/);
  });
});

describe('entry validation', () => {
  it('refuses unbalanced, single-sided, zero, fractional and unknown-account postings', () => {
    const cash = Accounts.cashStripe();
    expect(() => assertValidEntries([{ account: cash, amount: 100 }])).toThrow(/at least two/);
    expect(() =>
      assertValidEntries([
        { account: cash, amount: 100 },
        { account: Accounts.orderClearing(), amount: -99 },
      ]),
    ).toThrow(/sum to 1/);
    expect(() =>
      assertValidEntries([
        { account: cash, amount: 0 },
        { account: Accounts.orderClearing(), amount: 0 },
      ]),
    ).toThrow(/non-zero/);
    expect(() =>
      assertValidEntries([
        { account: cash, amount: 0.5 },
        { account: Accounts.orderClearing(), amount: -0.5 },
      ]),
    ).toThrow(/integer/);
    expect(() =>
      assertValidEntries([
        { account: 'PETTY_CASH', amount: 1 },
        { account: cash, amount: -1 },
      ]),
    ).toThrow(/unknown ledger account/);
    expect(() =>
      assertValidEntries([
        { account: 'SUPPLIER_PAYABLE', amount: 1 },
        { account: cash, amount: -1 },
      ]),
    ).toThrow(/needs owner/);
    expect(() =>
      assertValidEntries([
        { account: cash, amount: 100 },
        { account: Accounts.orderClearing(), amount: -100 },
      ]),
    ).not.toThrow();
  });
});

describe('buyer payment', () => {
  it('credits clearing per supplier order and debits cash with the whole', () => {
    const e = buyerPaymentEntries('CASH_STRIPE', 1000, [
      { supplierOrderId: SO1, supplierId: S1, amount: 700 },
      { supplierOrderId: SO2, supplierId: S2, amount: 300 },
    ]);
    expect(sum(e)).toBe(0);
    expect(on(e, 'CASH_STRIPE')).toBe(1000);
    expect(e.filter((x) => x.account === 'ORDER_CLEARING').map((x) => [x.supplierOrderId, x.amount])).toEqual([
      [SO1, -700],
      [SO2, -300],
    ]);
  });
});

describe('settlement', () => {
  it('allocates the fee per supplier order exactly (largest remainder) and every posting balances', () => {
    const positions = [
      position({ supplierOrderId: SO1, supplierId: S1, paid: 3333, clearing: 3333 }),
      position({ supplierOrderId: SO2, supplierId: S2, paid: 3333, clearing: 3333 }),
      position({ supplierOrderId: SO3, supplierId: S3, paid: 3334, clearing: 3334 }),
    ];
    const postings = settlementPostings(positions, 333); // fee on 10000 = 333
    const fees = postings.filter((p) => p.kind === PostingKind.PLATFORM_FEE);
    expect(fees.reduce((s, p) => s - on(p.entries, 'PLATFORM_FEE_REVENUE'), 0)).toBe(333);
    expect(fees.map((p) => -on(p.entries, 'PLATFORM_FEE_REVENUE'))).toEqual([111, 111, 111]);
    for (const p of postings) expect(sum(p.entries)).toBe(0);
    const payable = postings.filter((p) => p.kind === PostingKind.SUPPLIER_PAYABLE);
    expect(payable.map((p) => -on(p.entries, Accounts.supplierPayable(p.entries[1].supplierId!)))).toEqual([
      3333, 3333, 3334,
    ]);
  });

  it('posts no fee at 0 bp (the 832 default) and skips fully refunded or settled supplier orders', () => {
    const postings = settlementPostings(
      [
        position({ supplierOrderId: SO1, supplierId: S1, paid: 500, clearing: 500 }),
        position({ supplierOrderId: SO2, supplierId: S2, paid: 500, refunded: 500, clearing: 0 }),
        position({ supplierOrderId: SO3, supplierId: S3, paid: 500, clearing: 0, settled: 500 }),
      ],
      0,
    );
    expect(postings.map((p) => [p.kind, p.supplierOrderId])).toEqual([[PostingKind.SUPPLIER_PAYABLE, SO1]]);
  });
});

describe('refunds', () => {
  it('before settlement: reverses clearing in proportion to what each supplier order can still refund', () => {
    const positions = [
      position({ supplierOrderId: SO1, supplierId: S1, paid: 700, clearing: 700 }),
      position({ supplierOrderId: SO2, supplierId: S2, paid: 300, clearing: 300 }),
    ];
    const e = refundEntries(positions, 101, 'CASH_STRIPE');
    expect(sum(e)).toBe(0);
    expect(on(e, 'CASH_STRIPE')).toBe(-101);
    expect(e.filter((x) => x.account === 'ORDER_CLEARING').map((x) => x.amount)).toEqual([71, 30]);
  });

  it('honours explicit parts (refunded lines) and refuses a part above its supplier order', () => {
    const positions = [
      position({ supplierOrderId: SO1, supplierId: S1, paid: 700, clearing: 700 }),
      position({ supplierOrderId: SO2, supplierId: S2, paid: 300, clearing: 300 }),
    ];
    const e = refundEntries(positions, 300, 'CASH_STRIPE', [{ supplierOrderId: SO2, amount: 300 }]);
    expect(e.filter((x) => x.account === 'ORDER_CLEARING').map((x) => [x.supplierOrderId, x.amount])).toEqual([
      [SO2, 300],
    ]);
    expect(() => refundEntries(positions, 301, 'CASH_STRIPE', [{ supplierOrderId: SO2, amount: 301 }])).toThrow(
      expect.objectContaining({ code: 'REFUND_EXCEEDS_PAID' }),
    );
    expect(() => refundEntries(positions, 300, 'CASH_STRIPE', [{ supplierOrderId: SO2, amount: 200 }])).toThrow(
      /sum to 200/,
    );
  });

  it('refuses more than was paid and not yet refunded', () => {
    const positions = [position({ supplierOrderId: SO1, supplierId: S1, paid: 700, refunded: 600, clearing: 100 })];
    expect(() => refundEntries(positions, 101, 'CASH_STRIPE')).toThrow(
      expect.objectContaining({ code: 'REFUND_EXCEEDS_PAID' }),
    );
    expect(() => refundEntries(positions, 0, 'CASH_STRIPE')).toThrow(/positive/);
    expect(() => refundEntries([], 1, 'CASH_STRIPE')).toThrow(expect.objectContaining({ code: 'REFUND_EXCEEDS_PAID' }));
  });

  it('after settlement: takes the refund back from the payable and gives back exactly the whole fee over several partial refunds', () => {
    // Settled 1000 with a 33 fen fee; refunded in three uneven parts.
    let p = position({ supplierOrderId: SO1, supplierId: S1, paid: 1000, settled: 1000, fee: 33 });
    let feeBack = 0;
    for (const part of [333, 333, 334]) {
      const e = refundEntries([p], part, 'CASH_STRIPE');
      expect(sum(e)).toBe(0);
      const back = on(e, 'PLATFORM_FEE_REVENUE');
      feeBack += back;
      expect(on(e, Accounts.supplierPayable(S1))).toBe(part - back);
      p = {
        ...p,
        refunded: p.refunded + part,
        refundedAfterSettlement: p.refundedAfterSettlement + part,
        feeReversed: p.feeReversed + back,
      };
    }
    expect(feeBack).toBe(33);
  });
});

describe('counter settlement', () => {
  it('makes the operator owe the cash and each supplier owed its part less an exactly allocated fee', () => {
    const channel = '20000000-0000-4000-8000-000000000001';
    const e = counterSettlementEntries(
      channel,
      [
        { supplierOrderId: SO1, supplierId: S1, amount: 999 },
        { supplierOrderId: SO2, supplierId: S2, amount: 1 },
      ],
      1000,
    );
    expect(sum(e)).toBe(0);
    expect(on(e, Accounts.counterReceivable(channel))).toBe(1000);
    expect(-on(e, 'PLATFORM_FEE_REVENUE')).toBe(100);
    expect(on(e, Accounts.supplierPayable(S1)) + on(e, Accounts.supplierPayable(S2))).toBe(-900);
  });
});

describe('positions', () => {
  it('folds aggregated ledger rows into per-supplier-order positions', () => {
    const rows = [
      {
        supplierOrderId: SO1,
        supplierId: S1,
        kind: PostingKind.BUYER_PAYMENT,
        prefix: 'ORDER_CLEARING',
        debit: 0,
        credit: 1000,
      },
      {
        supplierOrderId: SO1,
        supplierId: S1,
        kind: PostingKind.SUPPLIER_PAYABLE,
        prefix: 'ORDER_CLEARING',
        debit: 1000,
        credit: 0,
      },
      {
        supplierOrderId: SO1,
        supplierId: S1,
        kind: PostingKind.PLATFORM_FEE,
        prefix: 'PLATFORM_FEE_REVENUE',
        debit: 0,
        credit: 30,
      },
      {
        supplierOrderId: SO1,
        supplierId: S1,
        kind: PostingKind.REFUND,
        prefix: 'SUPPLIER_PAYABLE',
        debit: 100,
        credit: 3,
      },
      {
        supplierOrderId: SO1,
        supplierId: S1,
        kind: PostingKind.REFUND,
        prefix: 'PLATFORM_FEE_REVENUE',
        debit: 3,
        credit: 0,
      },
      { supplierOrderId: SO1, supplierId: S1, kind: PostingKind.REFUND, prefix: 'CASH_STRIPE', debit: 0, credit: 100 },
    ];
    expect(positionsFrom(rows)).toEqual([
      {
        supplierOrderId: SO1,
        supplierId: S1,
        paid: 1000,
        refunded: 100,
        clearing: 0,
        settled: 1000,
        fee: 30,
        refundedAfterSettlement: 100,
        feeReversed: 3,
      },
    ]);
  });
});
