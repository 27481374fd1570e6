import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { RequestContext, Role } from '@bangfu/core';
import { LedgerService } from '@bangfu/ledger';
import { expectErrorCode, type TestServer } from '@bangfu/testing';
import { fenToYuan } from '@bangfu/money';
import type { StripeTestServer } from './testing/stripe-test-server';
import {
  actor,
  type Actor,
  count,
  dispatchOrderEvents,
  expectLedgerBalanced,
  expectLedgerMatchesOrders,
  type LocalStripe,
  onlineHall,
  orderBalanceOn,
  orderRow,
  placeOrder,
  setPayoutAccount,
  shipAndDeliver,
  startLocalStripe,
  startPaymentServer,
  stripeIntentSucceeded,
  type Supplier,
  supplierWithVariant,
} from './test-helpers';

const SECRET = 'whsec_bangfu_payout_secret';
let stripe: LocalStripe;
let stripeServer: StripeTestServer;
let server: TestServer;
let ds: DataSource;
let ledger: LedgerService;
let hall: string;
let buyer: Actor;
let admin: Actor;

const PAY = `mutation($id: ID!) { payOrder(orderId: $id, method: CARD) { clientSecret } }`;
const SETTLE = `mutation($id: ID!) { settleOrder(orderId: $id) { id status } }`;
const REFUND = `mutation($id: ID!, $amount: Money) { refundOrder(orderId: $id, amount: $amount) { id status } }`;
const SET_ACCOUNT = `mutation($input: SupplierPayoutAccountInput!) { setSupplierPayoutAccount(input: $input) { supplierId stripeAccountId bankName bankAccountName bankAccountNo } }`;
const ACCOUNT = `query($id: ID!) { supplierPayoutAccount(supplierId: $id) { supplierId bankAccountNo stripeAccountId } }`;
const BATCH = `mutation { createPayoutBatch { id status totalAmount skippedSupplierIds csvUrl payouts { supplierId amount method status reference providerRef failure } } }`;
const RETRY = `mutation($id: ID!) { retryPayoutBatch(batchId: $id) { id status payouts { supplierId status providerRef } } }`;
const STATEMENT = `query($s: ID!) { supplierStatement(supplierId: $s, from: "2020-01-01", to: "2029-12-31") { openingBalance sales fees refunds payouts closingBalance lines { kind amount balance } } }`;
const TRIAL = `{ trialBalance { total totalDebit totalCredit lines { account { code } balance } } }`;

beforeAll(async () => {
  // 3 % platform fee in this file (the 832 default is 0).
  stripe = await startLocalStripe('sk_test_payouts', SECRET, { PLATFORM_FEE_BPS: '300' });
  stripeServer = stripe.stripeServer;
  ({ server, ds } = await startPaymentServer());
  ledger = server.app.get(LedgerService);
  hall = await onlineHall(ds);
  buyer = await actor(server, ds, Role.CUSTOMER);
  admin = await actor(server, ds, Role.PLATFORM_ADMIN);
});
afterAll(async () => {
  await server?.close();
  await stripeServer?.close();
});

/** A retail order from the given suppliers, paid, shipped, delivered and settled (settlement postings via the order.settled event). */
async function settledOrder(lines: Array<{ s: Supplier; quantity: number }>) {
  const order = await placeOrder(
    server,
    buyer.token,
    hall,
    lines.map((l) => ({ variantId: l.s.variantId, quantity: l.quantity })),
  );
  const { clientSecret } = (await server.gqlOk(PAY, { id: order.id }, buyer.token)).payOrder;
  await stripeIntentSucceeded(server, stripe, SECRET, clientSecret);
  await shipAndDeliver(
    server,
    order,
    lines.map((l) => l.s),
    buyer.token,
  );
  await server.gqlOk(SETTLE, { id: order.id }, admin.token);
  await dispatchOrderEvents(server, ds, order.id, 'order.settled');
  return order;
}

const owed = async (supplierId: string) =>
  (await ledger.payableBalances(RequestContext.system())).find((b) => b.supplierId === supplierId)?.owed ?? 0;

describe('settlement (order.settled → ledger)', () => {
  it('makes each supplier order payable to its supplier less a 3 % fee allocated exactly; the event twice posts once', async () => {
    const a = await supplierWithVariant(server, ds, { retail: 3333, agency: 3000 });
    const b = await supplierWithVariant(server, ds, { retail: 1111, agency: 1000 });
    const order = await settledOrder([
      { s: a, quantity: 1 },
      { s: b, quantity: 2 },
    ]);
    expect((await orderRow(ds, order.id)).status).toBe('SETTLED');
    const fee = Math.round(((3333 + 2222) * 300) / 10_000); // 166.65 → 167
    const fees = await ds.query(
      `SELECT e.supplier_id, -e.amount::int AS fee FROM ledger_entry e JOIN ledger_posting p ON p.id = e.posting_id JOIN ledger_account a ON a.id = e.account_id
        WHERE p.order_id = $1 AND p.kind = 'PLATFORM_FEE' AND a.code = 'PLATFORM_FEE_REVENUE'`,
      [order.id],
    );
    expect(fees.reduce((s: number, f: { fee: number }) => s + f.fee, 0)).toBe(fee);
    expect(await owed(a.supplierId)).toBe(
      3333 - fees.find((f: { supplier_id: string }) => f.supplier_id === a.supplierId).fee,
    );
    expect(await owed(b.supplierId)).toBe(
      2222 - fees.find((f: { supplier_id: string }) => f.supplier_id === b.supplierId).fee,
    );
    // Redelivered event (BullMQ retry, relay replay): consumed once, and postSettlement is idempotent anyway.
    await dispatchOrderEvents(server, ds, order.id, 'order.settled');
    expect(
      await count(ds, `SELECT count(*) FROM ledger_posting WHERE order_id = $1 AND kind = 'SUPPLIER_PAYABLE'`, [
        order.id,
      ]),
    ).toBe(2);
    expect(await orderBalanceOn(ds, order.id, 'ORDER_CLEARING')).toBe(0);

    // A refund after settlement comes out of the supplier's payable, with the fee share given back.
    const beforeA = await owed(a.supplierId);
    await server.gqlOk(REFUND, { id: order.id, amount: 3333 }, admin.token);
    const statement = (await server.gqlOk(STATEMENT, { s: a.supplierId }, a.adminToken)).supplierStatement;
    expect(statement.closingBalance).toBe(
      statement.openingBalance + statement.sales - statement.fees - statement.refunds - statement.payouts,
    );
    expect(await owed(a.supplierId)).toBeLessThan(beforeA);
    await expectLedgerBalanced(ds);
    await expectLedgerMatchesOrders(ds);
  });
});

describe('payout accounts', () => {
  it('supplier admins set their bank account (masked when read back); only the platform links Stripe accounts', async () => {
    const s = await supplierWithVariant(server, ds, { retail: 1000, agency: 900 });
    const other = await supplierWithVariant(server, ds, { retail: 1000, agency: 900 });
    const input = {
      supplierId: s.supplierId,
      bankName: '中国农业银行江口支行',
      bankAccountName: '江口县梵净山茶叶专业合作社',
      bankAccountNo: '6228480012345678901',
    };
    const set = (await server.gqlOk(SET_ACCOUNT, { input }, s.adminToken)).setSupplierPayoutAccount;
    expect(set).toMatchObject({ supplierId: s.supplierId, bankAccountNo: '****8901' });
    expect((await server.gqlOk(ACCOUNT, { id: s.supplierId }, admin.token)).supplierPayoutAccount.bankAccountNo).toBe(
      '6228480012345678901',
    );
    expectErrorCode(
      await server.gql(SET_ACCOUNT, { input: { ...input, supplierId: other.supplierId } }, s.adminToken),
      'FORBIDDEN',
    );
    expectErrorCode(
      await server.gql(SET_ACCOUNT, { input: { supplierId: s.supplierId, stripeAccountId: 'acct_123' } }, s.adminToken),
      'FORBIDDEN',
    );
    expectErrorCode(
      await server.gql(SET_ACCOUNT, { input: { ...input, bankAccountNo: '12-34' } }, s.adminToken),
      'BAD_USER_INPUT',
    );
    expectErrorCode(
      await server.gql(
        SET_ACCOUNT,
        { input: { supplierId: s.supplierId, bankName: null, bankAccountName: null, bankAccountNo: null } },
        s.adminToken,
      ),
      'BAD_USER_INPUT',
    );
    expectErrorCode(await server.gql(ACCOUNT, { id: s.supplierId }, buyer.token), 'FORBIDDEN');
    const linked = (
      await server.gqlOk(
        SET_ACCOUNT,
        { input: { supplierId: s.supplierId, stripeAccountId: 'acct_1Bangfu' } },
        admin.token,
      )
    ).setSupplierPayoutAccount;
    expect(linked).toMatchObject({ stripeAccountId: 'acct_1Bangfu', bankAccountNo: '6228480012345678901' });
  });
});

describe('payout batches', () => {
  let connect: Supplier; // Stripe Connect
  let bank: Supplier; // bank file
  let none: Supplier; // no payout account

  beforeAll(async () => {
    // Pay out whatever earlier tests left owed, so this batch is only about these suppliers.
    await server.gql(BATCH, {}, admin.token);
    connect = await supplierWithVariant(server, ds, { retail: 12_345, agency: 10_000 });
    bank = await supplierWithVariant(server, ds, { retail: 1_005, agency: 900 });
    none = await supplierWithVariant(server, ds, { retail: 500, agency: 400 });
    await setPayoutAccount(server, admin.token, { supplierId: connect.supplierId, stripeAccountId: 'acct_1Connect' });
    await setPayoutAccount(server, bank.adminToken, {
      supplierId: bank.supplierId,
      bankName: '贵州银行铜仁分行',
      bankAccountName: '=HYPERLINK("x"),"合作社"',
      bankAccountNo: '6214830012340001',
    });
    await settledOrder([
      { s: connect, quantity: 1 },
      { s: bank, quantity: 3 },
      { s: none, quantity: 1 },
    ]);
  });

  it('pays every supplier its payable: Stripe Connect transfer, bank file line, or skipped without an account', async () => {
    const owedConnect = await owed(connect.supplierId);
    const owedBank = await owed(bank.supplierId);
    const owedNone = await owed(none.supplierId);
    expect(owedConnect).toBeGreaterThan(0);
    const batch = (await server.gqlOk(BATCH, {}, admin.token)).createPayoutBatch;
    // Suppliers of earlier tests without a payout account are skipped too.
    expect(batch).toMatchObject({
      status: 'COMPLETED',
      totalAmount: owedConnect + owedBank,
      csvUrl: `/api/payouts/${batch.id}.csv`,
    });
    expect(batch.skippedSupplierIds).toContain(none.supplierId);
    expect(batch.payouts).toHaveLength(2);
    const byS = Object.fromEntries(batch.payouts.map((p: { supplierId: string }) => [p.supplierId, p]));
    expect(byS[connect.supplierId]).toMatchObject({
      amount: owedConnect,
      method: 'STRIPE_CONNECT',
      status: 'PAID',
      providerRef: expect.stringMatching(/^tr_/),
    });
    expect(byS[bank.supplierId]).toMatchObject({
      amount: owedBank,
      method: 'BANK_FILE',
      status: 'EXPORTED',
      providerRef: null,
    });
    const transfer = stripeServer.transfers.get(byS[connect.supplierId].providerRef)!;
    expect(transfer).toMatchObject({
      amount: owedConnect,
      currency: 'cny',
      destination: 'acct_1Connect',
      transfer_group: batch.id,
    });
    const sent = stripeServer.requests.find(
      (r) => r.path === '/v1/transfers' && r.params.destination === 'acct_1Connect',
    )!;
    expect(sent.idempotencyKey).toMatch(/^bangfu-payout-/);
    expect(await owed(connect.supplierId)).toBe(0);
    expect(await owed(bank.supplierId)).toBe(0);
    expect(await owed(none.supplierId)).toBe(owedNone);
    const statement = (await server.gqlOk(STATEMENT, { s: bank.supplierId }, bank.adminToken)).supplierStatement;
    expect(statement).toMatchObject({ closingBalance: 0, payouts: owedBank });
    expect(statement.lines.at(-1)).toMatchObject({ kind: 'PAYOUT', amount: -owedBank, balance: 0 });

    // The bank file: admin only; yuan with two decimals; formula-looking cells neutralised.
    const csvRes = await fetch(`${server.url}${batch.csvUrl}`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(csvRes.status).toBe(200);
    expect(csvRes.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csvRes.headers.get('content-disposition')).toContain(`payout-${batch.id}.csv`);
    const text = (await csvRes.text()).replace(/^\uFEFF/, '');
    const rows = text.trim().split('\r\n');
    expect(rows[0]).toBe(
      'supplier_id,supplier_name,bank_name,bank_account_name,bank_account_no,amount_yuan,currency,reference',
    );
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(`${bank.supplierId},`);
    expect(rows[1]).toContain(`,6214830012340001,${fenToYuan(owedBank)},CNY,${byS[bank.supplierId].reference}`);
    expect(rows[1]).toContain(`"'=HYPERLINK(""x""),""合作社"""`);
    expect(fenToYuan(owedBank)).toMatch(/^\d+\.\d{2}$/);

    const supplierRes = await fetch(`${server.url}${batch.csvUrl}`, {
      headers: { authorization: `Bearer ${bank.adminToken}` },
    });
    expect(supplierRes.status).toBe(403);
    expect((await fetch(`${server.url}${batch.csvUrl}`)).status).toBe(401);
    const missing = await fetch(`${server.url}/api/payouts/00000000-0000-4000-8000-000000000000.csv`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(missing.status).toBe(404);

    // Nothing left to pay but the supplier without an account.
    const again = await server.gql(BATCH, {}, admin.token);
    expect(expectErrorCode(again, 'NOTHING_TO_PAY').extensions?.skippedSupplierIds).toContain(none.supplierId);
    expectErrorCode(await server.gql(BATCH, {}, buyer.token), 'FORBIDDEN');
    await expectLedgerBalanced(ds);
  });

  it('a refused transfer fails its payout and reverses the posting (owed again); an outage leaves it pending until retried, paid once', async () => {
    const refused = await supplierWithVariant(server, ds, { retail: 2_000, agency: 1_800 });
    const flaky = await supplierWithVariant(server, ds, { retail: 3_000, agency: 2_800 });
    await setPayoutAccount(server, admin.token, { supplierId: refused.supplierId, stripeAccountId: 'acct_1Refused' });
    await setPayoutAccount(server, admin.token, { supplierId: flaky.supplierId, stripeAccountId: 'acct_1Flaky' });
    await settledOrder([
      { s: refused, quantity: 1 },
      { s: flaky, quantity: 1 },
    ]);
    const owedRefused = await owed(refused.supplierId);
    stripeServer.failingDestinations.add('acct_1Refused');
    const transfersBefore = stripeServer.transfers.size;
    const batchRes = await server.gqlOk(BATCH, {}, admin.token);
    const batch = batchRes.createPayoutBatch;
    const byS = Object.fromEntries(batch.payouts.map((p: { supplierId: string }) => [p.supplierId, p]));
    expect(byS[refused.supplierId]).toMatchObject({
      status: 'FAILED',
      failure: expect.stringContaining('cannot receive transfers'),
    });
    expect(byS[flaky.supplierId]).toMatchObject({ status: 'PAID' });
    expect(batch.status).toBe('PARTIALLY_FAILED');
    expect(await owed(refused.supplierId)).toBe(owedRefused);
    expect(await count(ds, `SELECT count(*) FROM ledger_posting WHERE kind = 'PAYOUT_REVERSAL'`)).toBe(1);
    expect(stripeServer.transfers.size).toBe(transfersBefore + 1);

    // Outage: Stripe answers 500 (no transfer made) → payout stays PENDING, batch PROCESSING; retry pays it once.
    stripeServer.failingDestinations.delete('acct_1Refused');
    stripeServer.failNext(10);
    const pending = (await server.gqlOk(BATCH, {}, admin.token)).createPayoutBatch;
    expect(pending).toMatchObject({
      status: 'PROCESSING',
      payouts: [expect.objectContaining({ supplierId: refused.supplierId, status: 'PENDING' })],
    });
    stripeServer.failNext(0);
    const retried = (await server.gqlOk(RETRY, { id: pending.id }, admin.token)).retryPayoutBatch;
    expect(retried).toMatchObject({
      status: 'COMPLETED',
      payouts: [expect.objectContaining({ status: 'PAID', providerRef: expect.stringMatching(/^tr_/) })],
    });
    expect((await server.gqlOk(RETRY, { id: pending.id }, admin.token)).retryPayoutBatch.status).toBe('COMPLETED');
    expect([...stripeServer.transfers.values()].filter((t) => t.destination === 'acct_1Refused')).toHaveLength(1);
    expect(await owed(refused.supplierId)).toBe(0);
    await expectLedgerBalanced(ds);
  });

  it('the trial balance sums to zero and shows where the money is', async () => {
    const t = (await server.gqlOk(TRIAL, {}, admin.token)).trialBalance;
    expect(t.total).toBe(0);
    expect(t.totalDebit).toBe(t.totalCredit);
    const codes = t.lines.map((l: { account: { code: string } }) => l.account.code);
    expect(codes).toEqual(expect.arrayContaining(['CASH_STRIPE', 'PLATFORM_FEE_REVENUE']));
    const fee = t.lines.find((l: { account: { code: string } }) => l.account.code === 'PLATFORM_FEE_REVENUE');
    expect(fee.balance).toBeLessThan(0);
  });
});
