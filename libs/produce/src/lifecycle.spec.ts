import { beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@bangfu/core';
import { expectErrorCode } from '@bangfu/testing';
import { LogSmsChannel, NOTIFICATION_CHANNEL } from './notification-channel';
import {
  ACCEPT,
  type Actor,
  COMMIT,
  commitTo,
  coordinator,
  CREATE_OFFER,
  DECLINE,
  offerInput,
  OFFERS,
  PAY,
  RECEIVE,
  shanghaiDate,
  variantOf,
  villageForFile,
} from './test-helpers';

const STATEMENT = `query($month: String!) { myIncomeStatement(month: $month) {
  month status purchasePaidTotal purchasePendingTotal attributedTotal
  purchases { receiptId supplierName cropName quantity committedQuantity unitPrice amount paymentStatus paymentMethod paymentReference lotNo }
  attributedIncome { productId amount } attributedOrders { orderNo lotNo amount } confirmation { purchasePaidTotal confirmedAt } disputes { id kind note status } } }`;

describe('produce: offer → commitment → receipt into a lot → payment → monthly confirmation', () => {
  let coord: Actor;
  const month = shanghaiDate().slice(0, 7);

  const v = villageForFile();
  beforeAll(async () => {
    coord = await coordinator(v.server, v.ds, '520621');
  });

  it('lists 500 斤, takes a commitment of 300 at the asking price, receives 280 (short) into a new lot and pays 280 × ¥1.50 exactly', async () => {
    const { server, ds, village, supplierId, staff, farmer, householdId } = v;
    const created = await server.gqlOk(CREATE_OFFER, { input: offerInput() }, farmer.token);
    const offer = created.createProduceOffer;
    expect(offer).toMatchObject({
      householdId,
      villageCode: village,
      quantity: 500,
      committedQuantity: 0,
      availableQuantity: 500,
      status: 'OPEN',
      assisted: false,
    });
    expect(offer.household).toMatchObject({ headName: '田秀英', nameMasked: false });

    // The linked cooperative sees the offer with the household's name (it is linked); it was told in-app.
    const seen = await server.gqlOk(OFFERS, { filter: { cropName: '萝卜' } }, staff.token);
    expect(seen.produceOffers.edges.map((e: any) => e.node.id)).toEqual([offer.id]);
    expect(seen.produceOffers.edges[0].node.household.headName).toBe('田秀英');

    const commit = await server.gqlOk(
      COMMIT,
      { offerId: offer.id, quantity: 300, unitPrice: 150, pickupDate: shanghaiDate(2) },
      staff.token,
    );
    expect(commit.commitToProduceOffer).toMatchObject({
      __typename: 'ProduceCommitment',
      status: 'PROPOSED',
      quantity: 300,
      amount: 45000,
      belowAskingPrice: false,
    });
    const commitmentId = commit.commitToProduceOffer.id;

    // The farmer always decides, at the asking price too: the commitment waits for acceptance.
    const mine = await server.gqlOk(
      `{ myProduceOffers { id status committedQuantity commitments { id status supplierName } } }`,
      {},
      farmer.token,
    );
    expect(mine.myProduceOffers[0]).toMatchObject({
      status: 'PARTLY_COMMITTED',
      committedQuantity: 300,
      commitments: [{ id: commitmentId, status: 'PROPOSED' }],
    });
    const notes = await server.gqlOk(`{ notifications { kind } }`, {}, farmer.token);
    expect(notes.notifications.map((n: any) => n.kind)).toContain('PRODUCE_COMMITMENT_PROPOSED');
    const sms = server.app.get(NOTIFICATION_CHANNEL) as LogSmsChannel;
    expect(sms.sent.some((m) => m.kind === 'PRODUCE_COMMITMENT_PROPOSED' && m.userId === farmer.userId)).toBe(true);

    // Receipt before acceptance is refused: only an accepted commitment is received.
    const { variantId } = await variantOf(ds, supplierId, '斤');
    const early = await server.gql(
      RECEIVE,
      { commitmentId, quantity: 300, newLot: { variantId, lotNo: 'LB-2026-01', harvestedOn: shanghaiDate() } },
      staff.token,
    );
    expectErrorCode(early, 'INVALID_TRANSITION');

    expect((await server.gqlOk(ACCEPT, { id: commitmentId }, farmer.token)).acceptProduceCommitment.status).toBe(
      'ACCEPTED',
    );
    const supplierNotes = await server.gqlOk(`{ notifications { kind } }`, {}, staff.token);
    expect(supplierNotes.notifications.map((n: any) => n.kind)).toEqual(
      expect.arrayContaining(['PRODUCE_OFFER_CREATED', 'PRODUCE_COMMITMENT_ACCEPTED']),
    );

    const received = await server.gqlOk(
      RECEIVE,
      { commitmentId, quantity: 280, newLot: { variantId, lotNo: 'LB-2026-01', harvestedOn: shanghaiDate() } },
      staff.token,
    );
    const receipt = received.recordProduceReceipt;
    expect(receipt).toMatchObject({
      __typename: 'ProduceReceipt',
      quantity: 280,
      committedQuantity: 300,
      shortfall: 20,
      lotQuantity: 280,
      unitPrice: 150,
      amount: 42000,
      lotNo: 'LB-2026-01',
    });
    expect(receipt.payment).toMatchObject({ status: 'PENDING', amount: 42000 });

    // The household's contribution to the lot is the received quantity, and the lot's stock rose by it.
    const [lot] = await ds.query(`SELECT quantity, remaining FROM lot WHERE id = $1`, [receipt.lotId]);
    expect(lot).toEqual({ quantity: 280, remaining: 280 });
    expect(
      await ds.query(`SELECT household_id, quantity FROM lot_contribution WHERE lot_id = $1`, [receipt.lotId]),
    ).toEqual([{ household_id: householdId, quantity: 280 }]);
    expect((await ds.query(`SELECT stock_on_hand FROM variant WHERE id = $1`, [variantId]))[0].stock_on_hand).toBe(280);

    // A second receipt on the same commitment is refused (it is RECEIVED now).
    expectErrorCode(
      await server.gql(RECEIVE, { commitmentId, quantity: 1, lotId: receipt.lotId }, staff.token),
      'INVALID_TRANSITION',
    );

    let statement = (await server.gqlOk(STATEMENT, { month }, farmer.token)).myIncomeStatement;
    expect(statement).toMatchObject({
      status: 'UNCONFIRMED',
      purchasePaidTotal: 0,
      purchasePendingTotal: 42000,
      attributedTotal: 0,
      attributedIncome: [],
      attributedOrders: [],
    });

    expectErrorCode(
      await server.gql(PAY, { receiptId: receipt.id, method: 'BANK_TRANSFER', reference: 'NX-1' }, farmer.token),
      'FORBIDDEN',
    );
    const paid = await server.gqlOk(
      PAY,
      { receiptId: receipt.id, method: 'BANK_TRANSFER', reference: '农商行 20261206-0001' },
      staff.token,
    );
    expect(paid.recordProducePayment).toMatchObject({
      status: 'PAID',
      amount: 42000,
      method: 'BANK_TRANSFER',
      paidOn: shanghaiDate(),
    });
    expectErrorCode(
      await server.gql(PAY, { receiptId: receipt.id, method: 'CASH', reference: 'again' }, staff.token),
      'PAYMENT_ALREADY_RECORDED',
    );

    statement = (await server.gqlOk(STATEMENT, { month }, farmer.token)).myIncomeStatement;
    expect(statement).toMatchObject({ purchasePaidTotal: 42000, purchasePendingTotal: 0 });
    expect(statement.purchases).toEqual([
      expect.objectContaining({
        receiptId: receipt.id,
        cropName: '白萝卜',
        quantity: 280,
        committedQuantity: 300,
        amount: 42000,
        paymentStatus: 'PAID',
        paymentReference: '农商行 20261206-0001',
        lotNo: 'LB-2026-01',
      }),
    ]);

    const confirmed = await server.gqlOk(
      `mutation($m: String!) { confirmMonthlyIncome(month: $m) { status confirmation { purchasePaidTotal attributedTotal } } }`,
      { m: month },
      farmer.token,
    );
    expect(confirmed.confirmMonthlyIncome).toMatchObject({
      status: 'CONFIRMED',
      confirmation: { purchasePaidTotal: 42000, attributedTotal: 0 },
    });

    const rates = await server.gqlOk(
      `query($r: String!, $m: String!) { incomeConfirmationRates(regionCode: $r, month: $m) { bySupplier { key households confirmed rateBps } byVillage { key households confirmed disputed rateBps } } }`,
      { r: '520621', m: month },
      coord.token,
    );
    expect(rates.incomeConfirmationRates.bySupplier).toEqual([
      { key: supplierId, households: 1, confirmed: 1, rateBps: 10000 },
    ]);
    expect(rates.incomeConfirmationRates.byVillage).toEqual([
      { key: village, households: 1, confirmed: 1, disputed: 0, rateBps: 10000 },
    ]);
  });

  it('a disputed line notifies the supplier and the county coordinator, shows DISPUTED, and auditors in scope see it', async () => {
    const { server, ds, staff, farmer, householdId } = v;
    const [receipt] = await ds.query(`SELECT id FROM produce_receipt WHERE household_id = $1`, [householdId]);
    const d = await server.gqlOk(
      `mutation($input: DisputeIncomeLineInput!) { disputeIncomeLine(input: $input) { id kind amount status note } }`,
      { input: { month, kind: 'PURCHASE_PAYMENT', receiptId: receipt.id, note: '少付了 20 斤的钱' } },
      farmer.token,
    );
    expect(d.disputeIncomeLine).toMatchObject({ kind: 'PURCHASE_PAYMENT', amount: 42000, status: 'OPEN' });
    const st = (await server.gqlOk(STATEMENT, { month }, farmer.token)).myIncomeStatement;
    expect(st.status).toBe('DISPUTED');
    for (const who of [staff, coord]) {
      const n = await server.gqlOk(`{ notifications { kind } }`, {}, who.token);
      expect(n.notifications.map((x: any) => x.kind)).toContain('INCOME_LINE_DISPUTED');
    }
    const auditor = await coordinator(server, ds, '5206', Role.AUDITOR);
    const list = await server.gqlOk(
      `query($f: IncomeDisputeFilter) { incomeDisputes(filter: $f) { id householdId } }`,
      { f: { month } },
      auditor.token,
    );
    expect(list.incomeDisputes.map((x: any) => x.id)).toEqual([d.disputeIncomeLine.id]);
    const elsewhere = await coordinator(server, ds, '4418', Role.AUDITOR);
    expect((await server.gqlOk(`{ incomeDisputes { id } }`, {}, elsewhere.token)).incomeDisputes).toEqual([]);
    // Disputing a line that is not in the month is a mistake, not a dispute.
    expectErrorCode(
      await server.gql(
        `mutation($input: DisputeIncomeLineInput!) { disputeIncomeLine(input: $input) { id } }`,
        { input: { month, kind: 'ATTRIBUTED_INCOME', productId: receipt.id, note: 'x' } },
        farmer.token,
      ),
      'BAD_USER_INPUT',
    );
    const resolved = await server.gqlOk(
      `mutation($id: ID!) { resolveIncomeDispute(id: $id, resolution: "已补付") { status resolution } }`,
      { id: d.disputeIncomeLine.id },
      staff.token,
    );
    expect(resolved.resolveIncomeDispute).toEqual({ status: 'RESOLVED', resolution: '已补付' });
  });

  it('declining gives the quantity back; withdrawing cancels undecided commitments and refuses while accepted ones wait', async () => {
    const { server, staff, farmer } = v;
    const offer = (
      await server.gqlOk(
        CREATE_OFFER,
        { input: offerInput({ cropName: '红薯', quantity: 100, askingPrice: 200 }) },
        farmer.token,
      )
    ).createProduceOffer;
    const low = await commitTo(server, staff, offer.id, 60, 180);
    expect(low).toMatchObject({ status: 'PROPOSED', belowAskingPrice: true });
    const declined = await server.gqlOk(DECLINE, { id: low.id, reason: '价格太低' }, farmer.token);
    expect(declined.declineProduceCommitment).toMatchObject({ status: 'DECLINED', declineReason: '价格太低' });
    const q = `query($id: ID!) { produceOffer(id: $id) { status committedQuantity availableQuantity } }`;
    expect((await server.gqlOk(q, { id: offer.id }, farmer.token)).produceOffer).toEqual({
      status: 'OPEN',
      committedQuantity: 0,
      availableQuantity: 100,
    });
    expectErrorCode(await server.gql(ACCEPT, { id: low.id }, farmer.token), 'INVALID_TRANSITION');

    const a = await commitTo(server, staff, offer.id, 100, 200);
    expect((await server.gqlOk(q, { id: offer.id }, farmer.token)).produceOffer.status).toBe('COMMITTED');
    const full = await commitTo(server, staff, offer.id, 1, 200);
    expect(full).toMatchObject({ __typename: 'OfferNotOpenError', offerStatus: 'COMMITTED' });
    await server.gqlOk(ACCEPT, { id: a.id }, farmer.token);
    expectErrorCode(
      await server.gql(`mutation($id: ID!) { withdrawProduceOffer(id: $id) { id } }`, { id: offer.id }, farmer.token),
      'OFFER_HAS_ACCEPTED_COMMITMENTS',
    );

    const other = (
      await server.gqlOk(CREATE_OFFER, { input: offerInput({ cropName: '土豆', quantity: 50 }) }, farmer.token)
    ).createProduceOffer;
    const p = await commitTo(server, staff, other.id, 20, 150);
    const w = await server.gqlOk(
      `mutation($id: ID!) { withdrawProduceOffer(id: $id, reason: "自家留用") { status committedQuantity commitments { id status } } }`,
      { id: other.id },
      farmer.token,
    );
    expect(w.withdrawProduceOffer).toEqual({
      status: 'WITHDRAWN',
      committedQuantity: 0,
      commitments: [{ id: p.id, status: 'CANCELLED' }],
    });
    const n = await server.gqlOk(`{ notifications { kind } }`, {}, staff.token);
    expect(n.notifications.map((x: any) => x.kind)).toContain('PRODUCE_OFFER_WITHDRAWN');
  });

  it('expires after availableUntil: read as EXPIRED, filtered as EXPIRED, takes no commitment', async () => {
    const { server, ds, staff, farmer } = v;
    const offer = (
      await server.gqlOk(CREATE_OFFER, { input: offerInput({ cropName: '青菜', quantity: 30 }) }, farmer.token)
    ).createProduceOffer;
    await ds.query(`UPDATE produce_offer SET available_from = $2, available_until = $2 WHERE id = $1`, [
      offer.id,
      shanghaiDate(-1),
    ]);
    const list = await server.gqlOk(OFFERS, { filter: { status: 'EXPIRED' } }, staff.token);
    expect(list.produceOffers.edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({ id: offer.id, status: 'EXPIRED' }),
    ]);
    const open = await server.gqlOk(OFFERS, { filter: { status: 'OPEN', cropName: '青菜' } }, staff.token);
    expect(open.produceOffers.totalCount).toBe(0);
    // Any pickup date from today on is after its last day; the conditional UPDATE refuses it even when a date slips through.
    expectErrorCode(
      await server.gql(
        COMMIT,
        { offerId: offer.id, quantity: 1, unitPrice: 100, pickupDate: shanghaiDate() },
        staff.token,
      ),
      'INVALID_PICKUP_DATE',
    );
    await ds.query(`UPDATE produce_offer SET available_until = $2 WHERE id = $1`, [offer.id, shanghaiDate()]);
    const ok = await commitTo(server, staff, offer.id, 1, 100, shanghaiDate());
    expect(ok.__typename).toBe('ProduceCommitment');
  });
  it('photos from the phone: uploaded, attached to the offer as keys, served back; someone else’s key is refused', async () => {
    const { server, staff, farmer } = v;
    // A 1×1 PNG.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const up = async (token: string) => {
      const res = await fetch(`${server.url}/produce-files/images`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' },
        body: png,
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    const mine = await up(farmer.token);
    expect(mine.status).toBe(201);
    expect(mine.body.key).toMatch(/^produce\/[0-9a-f-]{36}\.png$/);
    const offer = (
      await server.gqlOk(
        `mutation($input: CreateProduceOfferInput!) { createProduceOffer(input: $input) { imageKeys imageUrls } }`,
        { input: offerInput({ imageKeys: [mine.body.key] }) },
        farmer.token,
      )
    ).createProduceOffer;
    expect(offer).toEqual({ imageKeys: [mine.body.key], imageUrls: [`/produce-files/${mine.body.key}`] });
    const served = await fetch(`${server.url}/produce-files/${mine.body.key}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    const notPng = await fetch(`${server.url}/produce-files/images`, {
      method: 'POST',
      headers: { authorization: `Bearer ${farmer.token}`, 'content-type': 'image/png' },
      body: Buffer.from('GIF89a....'),
    });
    expect(notPng.status).toBe(415);
    // A PNG cut short in its pixel data is refused as a product image would be, not stored as a broken photo.
    const truncated = await fetch(`${server.url}/produce-files/images`, {
      method: 'POST',
      headers: { authorization: `Bearer ${farmer.token}`, 'content-type': 'image/png' },
      body: png.subarray(0, png.length - 20),
    });
    expect(truncated.status).toBe(415);
    expect(((await truncated.json()) as any).error.code).toBe('INVALID_IMAGE_TYPE');
    const theirs = await up(coord.token);
    expectErrorCode(
      await server.gql(CREATE_OFFER, { input: offerInput({ imageKeys: [theirs.body.key] }) }, farmer.token),
      'BAD_USER_INPUT',
    );
    expect(
      (
        await fetch(`${server.url}/produce-files/images`, {
          method: 'POST',
          headers: { authorization: `Bearer ${staff.token}`, 'content-type': 'image/png' },
          body: png,
        })
      ).status,
    ).toBe(403);
  });
});
