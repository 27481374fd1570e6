import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { OrganizationKind, RequestContext, Role } from '@bangfu/core';
import { createOrg, createUserWithRole } from '@bangfu/identity';
import { expectErrorCode, startWithDataSource, type TestServer } from '@bangfu/testing';
import { Accounts } from './chart';
import { PostingKind } from './ledger.entities';
import { LedgerModule } from './ledger.module';
import { LedgerService } from './ledger.service';

// 2.5 % platform fee for this file (the default is 0); read by LedgerModule at boot.
process.env.PLATFORM_FEE_BPS = '250';

let server: TestServer;
let ds: DataSource;
let ledger: LedgerService;
const sys = () => RequestContext.system('ledger-spec');
let supplierA: string; // 江口县 (5206…)
let supplierB: string; // 西乡县 (6107…)
let tokens: Record<'admin' | 'staffA' | 'staffB' | 'auditorTongren' | 'auditorHanzhong' | 'coordinator', string>;

const STATEMENT = `query($s: ID!, $from: String!, $to: String!) { supplierStatement(supplierId: $s, from: $from, to: $to) {
  supplierId openingBalance sales fees refunds payouts closingBalance truncated lines { kind orderId supplierOrderId amount balance } } }`;
const TRIAL = `query($asOf: String) { trialBalance(asOf: $asOf) { totalDebit totalCredit total lines { account { code kind ownerKind ownerId } debit credit balance } } }`;

async function login(role: Role, options: { organizationId?: string; regionPrefix?: string } = {}) {
  const u = await createUserWithRole(ds, role, options);
  return server.login(u.email, u.password);
}

beforeAll(async () => {
  ({ server, ds } = await startWithDataSource({ imports: [LedgerModule] }));
  ledger = server.app.get(LedgerService);
  supplierA = (await createOrg(ds, { kind: OrganizationKind.SUPPLIER, regionCode: '520621000000' })).id;
  supplierB = (await createOrg(ds, { kind: OrganizationKind.SUPPLIER, regionCode: '610724000000' })).id;
  tokens = {
    admin: await login(Role.PLATFORM_ADMIN),
    staffA: await login(Role.SUPPLIER_STAFF, { organizationId: supplierA }),
    staffB: await login(Role.SUPPLIER_ADMIN, { organizationId: supplierB }),
    auditorTongren: await login(Role.AUDITOR, { regionPrefix: '5206' }),
    auditorHanzhong: await login(Role.AUDITOR, { regionPrefix: '6107' }),
    coordinator: await login(Role.COORDINATOR, { regionPrefix: '5206' }),
  };
});
afterAll(() => server?.close());

const count = async (sql: string, params: unknown[] = []) => Number(Object.values((await ds.query(sql, params))[0])[0]);
const ledgerRows = async () => ({
  postings: await count('SELECT count(*) FROM ledger_posting'),
  entries: await count('SELECT count(*) FROM ledger_entry'),
});
const totalOfAllEntries = () => count('SELECT coalesce(sum(amount), 0) FROM ledger_entry');

/** An order paid 10 000 fen: 6 000 to supplier A, 4 000 to supplier B. */
async function paidOrder() {
  const orderId = randomUUID();
  const so = { a: randomUUID(), b: randomUUID() };
  await ledger.postBuyerPayment(sys(), {
    orderId,
    paymentId: randomUUID(),
    amount: 10_000,
    cash: 'CASH_STRIPE',
    shares: [
      { supplierOrderId: so.a, supplierId: supplierA, amount: 6_000 },
      { supplierOrderId: so.b, supplierId: supplierB, amount: 4_000 },
    ],
  });
  return { orderId, so };
}

describe('posting', () => {
  it('writes a balanced posting once per idempotency key', async () => {
    const input = {
      kind: PostingKind.COUNTER_REMITTANCE,
      idempotencyKey: `k-${randomUUID()}`,
      reference: 'r',
      entries: [
        { account: Accounts.cashBank(), amount: 500 },
        { account: Accounts.counterReceivable(randomUUID()), amount: -500 },
      ],
    };
    const before = await ledgerRows();
    const [a, b] = await Promise.all([ledger.post(sys(), input), ledger.post(sys(), input)]);
    expect(b.id).toBe(a.id);
    expect(a.entries.map((e) => e.amount).sort()).toEqual([-500, 500]);
    expect(await ledgerRows()).toEqual({ postings: before.postings + 1, entries: before.entries + 2 });
    await expect(
      ledger.post(sys(), {
        ...input,
        entries: [
          { ...input.entries[0], amount: 600 },
          { ...input.entries[1], amount: -600 },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
  });

  it('refuses an unbalanced posting in code and writes nothing', async () => {
    const before = await ledgerRows();
    await expect(
      ledger.post(sys(), {
        kind: PostingKind.PAYOUT,
        idempotencyKey: `k-${randomUUID()}`,
        entries: [
          { account: Accounts.cashBank(), amount: 500 },
          { account: Accounts.supplierPayable(supplierA), amount: -499 },
        ],
      }),
    ).rejects.toMatchObject({ code: 'LEDGER_UNBALANCED' });
    expect(await ledgerRows()).toEqual(before);
  });
});

describe('the database enforces the invariants even when code is bypassed', () => {
  async function rawPosting(amounts: number[]): Promise<void> {
    const qr = ds.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction();
      const [acct] = await qr.query(
        `INSERT INTO ledger_account (code, name, kind, owner_kind) VALUES ('CASH_BANK', 'bank', 'ASSET', 'PLATFORM') ON CONFLICT (code) DO UPDATE SET name = ledger_account.name RETURNING id`,
      );
      const [p] = await qr.query(
        `INSERT INTO ledger_posting (kind, idempotency_key) VALUES ('PAYOUT', $1) RETURNING id`,
        [`raw-${randomUUID()}`],
      );
      for (const amount of amounts)
        await qr.query(`INSERT INTO ledger_entry (posting_id, account_id, amount) VALUES ($1, $2, $3)`, [
          p.id,
          acct.id,
          amount,
        ]);
      await qr.commitTransaction();
    } catch (e) {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      throw e;
    } finally {
      await qr.release();
    }
  }

  it('an unbalanced posting inserted with raw SQL fails at COMMIT', async () => {
    const before = await ledgerRows();
    await expect(rawPosting([1000, -999])).rejects.toThrow(/LEDGER_UNBALANCED/);
    await expect(rawPosting([1000])).rejects.toThrow(/LEDGER_UNBALANCED/);
    await expect(rawPosting([])).rejects.toThrow(/LEDGER_UNBALANCED/);
    expect(await ledgerRows()).toEqual(before);
    // The same statements balanced are accepted: it is the sum that is refused, not the path.
    await rawPosting([1000, -1000]);
    expect((await ledgerRows()).postings).toBe(before.postings + 1);
  });

  it('entries and postings cannot be updated, deleted or truncated', async () => {
    await paidOrder();
    const [entry] = await ds.query(`SELECT id, amount FROM ledger_entry ORDER BY id LIMIT 1`);
    await expect(ds.query(`UPDATE ledger_entry SET amount = amount + 1 WHERE id = $1`, [entry.id])).rejects.toThrow(
      /LEDGER_APPEND_ONLY/,
    );
    await expect(ds.query(`DELETE FROM ledger_entry WHERE id = $1`, [entry.id])).rejects.toThrow(/LEDGER_APPEND_ONLY/);
    await expect(ds.query(`UPDATE ledger_posting SET reference = 'edited'`)).rejects.toThrow(/LEDGER_APPEND_ONLY/);
    await expect(ds.query(`DELETE FROM ledger_posting`)).rejects.toThrow(/LEDGER_APPEND_ONLY/);
    await expect(ds.query(`TRUNCATE ledger_entry, ledger_posting`)).rejects.toThrow(/LEDGER_APPEND_ONLY/);
    await expect(ds.query(`DELETE FROM ledger_account`)).rejects.toThrow(/LEDGER_APPEND_ONLY/);
    await expect(ds.query(`UPDATE ledger_account SET kind = 'REVENUE' WHERE code = 'CASH_STRIPE'`)).rejects.toThrow(
      /LEDGER_APPEND_ONLY/,
    );
    const [same] = await ds.query(`SELECT amount FROM ledger_entry WHERE id = $1`, [entry.id]);
    expect(same.amount).toBe(entry.amount);
  });
});

describe('order money: payment → settlement (2.5 % fee) → refunds → payout', () => {
  it('settles each supplier order to its supplier less an exactly allocated fee, idempotently', async () => {
    const { orderId, so } = await paidOrder();
    const first = await ledger.postSettlement(sys(), orderId);
    expect(first.map((p) => p.kind)).toEqual([
      PostingKind.SUPPLIER_PAYABLE,
      PostingKind.PLATFORM_FEE,
      PostingKind.SUPPLIER_PAYABLE,
      PostingKind.PLATFORM_FEE,
    ]);
    expect(await ledger.postSettlement(sys(), orderId)).toEqual([]);
    const positions = await ledger.orderPositions(sys(), orderId);
    const byId = Object.fromEntries(positions.map((p) => [p.supplierOrderId, p]));
    expect(byId[so.a]).toMatchObject({ paid: 6000, clearing: 0, settled: 6000, fee: 150 });
    expect(byId[so.b]).toMatchObject({ paid: 4000, clearing: 0, settled: 4000, fee: 100 });
    expect(await totalOfAllEntries()).toBe(0);
  });

  it('partial refund before settlement reverses clearing proportionally; the rest settles', async () => {
    const { orderId, so } = await paidOrder();
    const refund = await ledger.postRefund(sys(), {
      orderId,
      refundId: randomUUID(),
      amount: 1_001,
      cash: 'CASH_STRIPE',
    });
    const clearing = refund.entries.filter((e) => e.account.code === 'ORDER_CLEARING');
    expect(clearing.map((e) => e.amount).reduce((a, b) => a + b, 0)).toBe(1_001);
    await ledger.postSettlement(sys(), orderId);
    const positions = await ledger.orderPositions(sys(), orderId);
    const total = positions.reduce((s, p) => s + p.settled, 0);
    expect(total).toBe(10_000 - 1_001);
    expect(positions.reduce((s, p) => s + p.fee, 0)).toBe(Math.round(((10_000 - 1_001) * 250) / 10_000));
    expect(
      positions.find((p) => p.supplierOrderId === so.a)!.refunded +
        positions.find((p) => p.supplierOrderId === so.b)!.refunded,
    ).toBe(1_001);
  });

  it('refunds after settlement come out of the payable with the fee given back; more than paid is refused and nothing is written', async () => {
    const { orderId } = await paidOrder();
    await ledger.postSettlement(sys(), orderId);
    await ledger.postRefund(sys(), { orderId, refundId: randomUUID(), amount: 4_000, cash: 'CASH_STRIPE' });
    const before = await ledgerRows();
    await expect(
      ledger.postRefund(sys(), { orderId, refundId: randomUUID(), amount: 6_001, cash: 'CASH_STRIPE' }),
    ).rejects.toMatchObject({ code: 'REFUND_EXCEEDS_PAID' });
    expect(await ledgerRows()).toEqual(before);
    const refundId = randomUUID();
    await ledger.postRefund(sys(), { orderId, refundId, amount: 6_000, cash: 'CASH_STRIPE' });
    // The same refund id again is the same posting (retries after a crash are safe).
    await ledger.postRefund(sys(), { orderId, refundId, amount: 6_000, cash: 'CASH_STRIPE' });
    const positions = await ledger.orderPositions(sys(), orderId);
    for (const p of positions) {
      expect(p.refunded).toBe(p.paid);
      expect(p.feeReversed).toBe(p.fee);
    }
    expect(await ledger.netPaid(sys(), orderId)).toBe(0);
  });

  it('counter settlement: the operator owes the cash, the suppliers are owed at once', async () => {
    const orderId = randomUUID();
    const channelId = randomUUID();
    const soId = randomUUID();
    const p = await ledger.postCounterSettlement(sys(), {
      orderId,
      channelId,
      parts: [{ supplierOrderId: soId, supplierId: supplierA, amount: 2_000 }],
    });
    const again = await ledger.postCounterSettlement(sys(), {
      orderId,
      channelId,
      parts: [{ supplierOrderId: soId, supplierId: supplierA, amount: 2_000 }],
    });
    expect(again.id).toBe(p.id);
    expect(p.kind).toBe(PostingKind.COUNTER_SETTLEMENT);
    const [position] = await ledger.orderPositions(sys(), orderId);
    expect(position).toMatchObject({ paid: 2_000, settled: 2_000, fee: 50 });
  });
});

describe('supplierStatement', () => {
  it('shows sales, fees, refunds and payouts with running balances; closing = opening + movements', async () => {
    const owedBefore = (await ledger.payableBalances(sys())).find((b) => b.supplierId === supplierA)?.owed ?? 0;
    const { orderId } = await paidOrder();
    await ledger.postSettlement(sys(), orderId);
    await ledger.postRefund(sys(), { orderId, refundId: randomUUID(), amount: 1_000, cash: 'CASH_STRIPE' });
    const owed = (await ledger.payableBalances(sys())).find((b) => b.supplierId === supplierA)!.owed;
    expect(owed).toBeGreaterThan(owedBefore);
    await ledger.postPayout(sys(), {
      payoutId: randomUUID(),
      supplierId: supplierA,
      amount: owed,
      cash: 'CASH_BANK',
      reference: 'batch-1',
    });
    expect((await ledger.payableBalances(sys())).find((b) => b.supplierId === supplierA)!.owed).toBe(0);

    const s = (await server.gqlOk(STATEMENT, { s: supplierA, from: '2020-01-01', to: '2029-12-31' }, tokens.staffA))
      .supplierStatement;
    expect(s.openingBalance).toBe(0);
    expect(s.closingBalance).toBe(0);
    expect(s.closingBalance).toBe(s.openingBalance + s.sales - s.fees - s.refunds - s.payouts);
    expect(s.lines.at(-1).balance).toBe(s.closingBalance);
    expect(s.lines.at(-1)).toMatchObject({ kind: 'PAYOUT', amount: -owed });
    expect(s.truncated).toBe(false);
    // A period before any activity is empty; the opening balance of a later period carries over.
    const empty = (await server.gqlOk(STATEMENT, { s: supplierA, from: '2020-01-01', to: '2020-12-31' }, tokens.admin))
      .supplierStatement;
    expect(empty).toMatchObject({ openingBalance: 0, closingBalance: 0, lines: [] });
  });

  it('is readable by the supplier’s staff, platform admins and auditors covering it — nobody else', async () => {
    const vars = { s: supplierA, from: '2026-01-01', to: '2026-12-31' };
    for (const who of ['staffA', 'admin', 'auditorTongren'] as const)
      expect((await server.gql(STATEMENT, vars, tokens[who])).errors).toBeUndefined();
    expectErrorCode(await server.gql(STATEMENT, vars, tokens.staffB), 'FORBIDDEN');
    expectErrorCode(await server.gql(STATEMENT, vars, tokens.auditorHanzhong), 'FORBIDDEN');
    expectErrorCode(await server.gql(STATEMENT, vars, tokens.coordinator), 'FORBIDDEN');
    expectErrorCode(await server.gql(STATEMENT, vars, null), 'UNAUTHENTICATED');
    expectErrorCode(await server.gql(STATEMENT, { ...vars, s: randomUUID() }, tokens.admin), 'NOT_FOUND');
    expectErrorCode(await server.gql(STATEMENT, { ...vars, from: '2026-02-30' }, tokens.admin), 'BAD_USER_INPUT');
    expectErrorCode(
      await server.gql(STATEMENT, { ...vars, from: '2026-12-31', to: '2026-01-01' }, tokens.admin),
      'BAD_USER_INPUT',
    );
  });
});

describe('trialBalance', () => {
  it('sums to zero, debits equal credits, and per-account balances match the entries', async () => {
    await paidOrder();
    const t = (await server.gqlOk(TRIAL, {}, tokens.admin)).trialBalance;
    expect(t.total).toBe(0);
    expect(t.totalDebit).toBe(t.totalCredit);
    expect(t.lines.reduce((s: number, l: { balance: number }) => s + l.balance, 0)).toBe(0);
    const clearing = t.lines.find((l: { account: { code: string } }) => l.account.code === 'ORDER_CLEARING');
    const [{ balance }] = await ds.query(
      `SELECT sum(e.amount)::text AS balance FROM ledger_entry e JOIN ledger_account a ON a.id = e.account_id WHERE a.code = 'ORDER_CLEARING'`,
    );
    expect(clearing.balance).toBe(Number(balance));
    expect(clearing.account).toMatchObject({ kind: 'LIABILITY', ownerKind: 'PLATFORM' });
    // Before anything was posted it is empty (and still zero).
    expect((await server.gqlOk(TRIAL, { asOf: '2020-01-01' }, tokens.auditorTongren)).trialBalance).toMatchObject({
      total: 0,
      lines: [],
    });
  });

  it('shows a region-scoped auditor only the accounts of suppliers and counters in its region, filtered in SQL', async () => {
    const { orderId } = await paidOrder();
    await ledger.postSettlement(sys(), orderId);
    const [tongrenCounter, hanzhongCounter] = await Promise.all(
      ['520621000000', '610724000000'].map(
        async (region) =>
          (
            await ds.query(
              `INSERT INTO channel (kind, name, online, region_code, device_id, device_secret) VALUES ('COUNTER', 'c', false, $1, $2, 's') RETURNING id`,
              [region, `CTR-${randomUUID().slice(0, 8)}`],
            )
          )[0].id as string,
      ),
    );
    for (const [channelId, supplierId] of [
      [tongrenCounter, supplierA],
      [hanzhongCounter, supplierB],
    ]) {
      await ledger.postCounterSettlement(sys(), {
        orderId: randomUUID(),
        channelId,
        parts: [{ supplierOrderId: randomUUID(), supplierId, amount: 1_000 }],
      });
    }
    const owners = (t: { lines: Array<{ account: { ownerKind: string; ownerId: string | null } }> }) =>
      t.lines.map((l) => l.account.ownerId ?? l.account.ownerKind).sort();
    const all = (await server.gqlOk(TRIAL, {}, tokens.admin)).trialBalance;
    expect(owners(all)).toEqual(
      expect.arrayContaining(['PLATFORM', supplierA, supplierB, tongrenCounter, hanzhongCounter]),
    );
    expect(all.total).toBe(0);

    const tongren = (
      await server.gqlOk(
        `query { trialBalance { regionPrefixes total lines { account { ownerKind ownerId } balance } } }`,
        {},
        tokens.auditorTongren,
      )
    ).trialBalance;
    expect(owners(tongren)).toEqual([supplierA, tongrenCounter].sort());
    expect(tongren.regionPrefixes).toEqual(['5206']);
    expect(tongren.total).toBe(tongren.lines.reduce((sum: number, l: { balance: number }) => sum + l.balance, 0));
    const hanzhong = (await server.gqlOk(TRIAL, {}, tokens.auditorHanzhong)).trialBalance;
    expect(owners(hanzhong)).toEqual([supplierB, hanzhongCounter].sort());
    expect(
      (await server.gqlOk(`query { trialBalance { regionPrefixes } }`, {}, tokens.admin)).trialBalance.regionPrefixes,
    ).toBeNull();
  });

  it('is for platform admins and auditors only', async () => {
    expectErrorCode(await server.gql(TRIAL, {}, tokens.staffA), 'FORBIDDEN');
    expectErrorCode(await server.gql(TRIAL, {}, tokens.coordinator), 'FORBIDDEN');
    expectErrorCode(await server.gql(TRIAL, { asOf: 'yesterday' }, tokens.admin), 'BAD_USER_INPUT');
  });
});
