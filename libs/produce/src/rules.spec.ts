import { describe, expect, it } from 'vitest';
import { Role } from '@bangfu/core';
import { createLinkageFixture } from '@bangfu/supplier';
import { expectErrorCode } from '@bangfu/testing';
import {
  ACCEPT,
  actor,
  COMMIT,
  commitTo,
  cooperative,
  coordinator,
  CREATE_OFFER,
  farmerHousehold,
  OFFER_FIELDS,
  offerInput,
  OFFERS,
  RECEIVE,
  shanghaiDate,
  variantOf,
  villageForFile,
  villages,
} from './test-helpers';

const OFFER = `query($id: ID!) { produceOffer(id: $id) { ${OFFER_FIELDS} } }`;

describe('produce: over-commitment, receipts above commitment, scope, masking, exact money', () => {
  const v = villageForFile('田大姐');

  const newOffer = async (overrides: Record<string, unknown> = {}) =>
    (await v.server.gqlOk(CREATE_OFFER, { input: offerInput(overrides) }, v.farmer.token)).createProduceOffer;
  const held = async (offerId: string) =>
    (
      await v.ds.query(
        `SELECT o.committed_quantity, o.quantity, (SELECT coalesce(sum(quantity), 0)::int FROM produce_commitment c WHERE c.offer_id = o.id AND c.status IN ('PROPOSED','ACCEPTED')) AS open_sum FROM produce_offer o WHERE id = $1`,
        [offerId],
      )
    )[0];

  it('20 concurrent commitments from several suppliers never exceed the offer, and neither do 20 concurrent accepts and declines', async () => {
    const { server, ds, supplierId, staff, farmer, householdId } = v;
    const offer = await newOffer({ quantity: 100 });
    const suppliers = [{ supplierId, staff }];
    for (let i = 0; i < 3; i++) {
      const s = await cooperative(server, ds);
      await createLinkageFixture(ds, { supplierId: s.supplierId, householdId });
      suppliers.push(s);
    }
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        server.gql(
          COMMIT,
          { offerId: offer.id, quantity: 7, unitPrice: 150, pickupDate: shanghaiDate(1) },
          suppliers[i % 4].staff.token,
        ),
      ),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const made = results.map((r) => r.data!.commitToProduceOffer);
    const ok = made.filter((c: any) => c.__typename === 'ProduceCommitment');
    // 14 × 7 = 98 fit in 100; the others are told what is left (2) or that the offer is full.
    expect(ok).toHaveLength(14);
    for (const refused of made.filter((c: any) => c.__typename !== 'ProduceCommitment'))
      expect(refused).toMatchObject({ __typename: 'OfferQuantityExceededError', requested: 7, available: 2 });
    expect(await held(offer.id)).toEqual({ committed_quantity: 98, quantity: 100, open_sum: 98 });

    // The farmer accepts and declines all at once while suppliers keep committing 2 each: still never above 100.
    const decisions = ok.map((c: any, i: number) =>
      i % 2
        ? server.gql(ACCEPT, { id: c.id }, farmer.token)
        : server.gql(
            `mutation($id: ID!) { declineProduceCommitment(id: $id, reason: "不卖了") { id } }`,
            { id: c.id },
            farmer.token,
          ),
    );
    const more = Array.from({ length: 20 }, (_, i) =>
      server.gql(
        COMMIT,
        { offerId: offer.id, quantity: 2, unitPrice: 160, pickupDate: shanghaiDate(1) },
        suppliers[i % 4].staff.token,
      ),
    );
    const all = await Promise.all([...decisions, ...more]);
    expect(all.flatMap((r) => r.errors ?? [])).toEqual([]);
    const after = await held(offer.id);
    expect(after.committed_quantity).toBe(after.open_sum);
    expect(after.committed_quantity).toBeLessThanOrEqual(100);
    const accepted = await ds.query(
      `SELECT coalesce(sum(quantity), 0)::int AS n FROM produce_commitment WHERE offer_id = $1 AND status = 'ACCEPTED'`,
      [offer.id],
    );
    expect(accepted[0].n).toBe(49);
  });

  it('a receipt above the commitment is refused and writes nothing; the commitment can then be received in full', async () => {
    const { server, ds, supplierId, staff, farmer, householdId } = v;
    const offer = await newOffer({ quantity: 50 });
    const c = await commitTo(server, staff, offer.id, 40, 150);
    await server.gqlOk(ACCEPT, { id: c.id }, farmer.token);
    const { variantId } = await variantOf(ds, supplierId, '斤');
    const over = (
      await server.gqlOk(
        RECEIVE,
        { commitmentId: c.id, quantity: 41, newLot: { variantId, lotNo: 'OVER-1', harvestedOn: shanghaiDate() } },
        staff.token,
      )
    ).recordProduceReceipt;
    expect(over).toEqual({
      __typename: 'ReceiptExceedsCommitmentError',
      code: 'RECEIPT_EXCEEDS_COMMITMENT',
      committed: 40,
      received: 41,
    });
    expect((await ds.query(`SELECT count(*)::int AS n FROM lot WHERE variant_id = $1`, [variantId]))[0].n).toBe(0);
    expect((await ds.query(`SELECT stock_on_hand FROM variant WHERE id = $1`, [variantId]))[0].stock_on_hand).toBe(0);
    expect((await ds.query(`SELECT status FROM produce_commitment WHERE id = $1`, [c.id]))[0].status).toBe('ACCEPTED');

    // Into an existing lot: the household's contribution is added and the lot's stock rises.
    const [lot] = await ds.query(
      `INSERT INTO lot (variant_id, lot_no, harvested_on, quantity, remaining) VALUES ($1, 'EXIST-1', $2, 10, 10) RETURNING id`,
      [variantId, shanghaiDate()],
    );
    await ds.query(`INSERT INTO lot_contribution (lot_id, household_id, quantity) VALUES ($1, $2, 10)`, [
      lot.id,
      householdId,
    ]);
    await ds.query(`UPDATE variant SET stock_on_hand = 10 WHERE id = $1`, [variantId]);
    const r = (await server.gqlOk(RECEIVE, { commitmentId: c.id, quantity: 40, lotId: lot.id }, staff.token))
      .recordProduceReceipt;
    expect(r).toMatchObject({ __typename: 'ProduceReceipt', quantity: 40, shortfall: 0, amount: 6000 });
    expect(await ds.query(`SELECT quantity, remaining FROM lot WHERE id = $1`, [lot.id])).toEqual([
      { quantity: 50, remaining: 50 },
    ]);
    expect(await ds.query(`SELECT quantity FROM lot_contribution WHERE lot_id = $1`, [lot.id])).toEqual([
      { quantity: 50 },
    ]);
    expect((await ds.query(`SELECT stock_on_hand FROM variant WHERE id = $1`, [variantId]))[0].stock_on_hand).toBe(50);
  });

  it('a lot whose variant sells in another unit needs lotQuantity (1,220 斤 → 122 箱); another supplier’s lot is refused', async () => {
    const { server, ds, supplierId, staff, farmer } = v;
    const offer = await newOffer({ cropName: '黄金奈李', quantity: 1220, askingPrice: 900 });
    const c = await commitTo(server, staff, offer.id, 1220, 900);
    await server.gqlOk(ACCEPT, { id: c.id }, farmer.token);
    const { variantId } = await variantOf(ds, supplierId, '箱');
    const lot = { variantId, lotNo: 'NL-2026-07', harvestedOn: shanghaiDate() };
    expectErrorCode(
      await server.gql(RECEIVE, { commitmentId: c.id, quantity: 1220, newLot: lot }, staff.token),
      'UNIT_MISMATCH',
    );
    const other = await cooperative(server, ds);
    const foreign = await variantOf(ds, other.supplierId, '箱');
    expectErrorCode(
      await server.gql(
        RECEIVE,
        { commitmentId: c.id, quantity: 1220, newLot: { ...lot, variantId: foreign.variantId }, lotQuantity: 122 },
        staff.token,
      ),
      'WRONG_SUPPLIER_LOT',
    );
    const r = (
      await server.gqlOk(RECEIVE, { commitmentId: c.id, quantity: 1220, newLot: lot, lotQuantity: 122 }, staff.token)
    ).recordProduceReceipt;
    // ¥9.00 × 1,220 斤 = ¥10,980, exact to the fen.
    expect(r).toMatchObject({ quantity: 1220, lotQuantity: 122, amount: 1098000 });
    expect((await ds.query(`SELECT stock_on_hand FROM variant WHERE id = $1`, [variantId]))[0].stock_on_hand).toBe(122);
  });

  it('money is exact up to 2^53 fen and refused beyond it', async () => {
    const { server, staff, farmer } = v;
    const big = await newOffer({ quantity: 2147483647, askingPrice: 1 });
    const c = await commitTo(server, staff, big.id, 2147483647, 4194304);
    expect(c.amount).toBe(Number(2147483647n * 4194304n));
    expect(c.amount).toBe(9007199250546688);
    await server.gqlOk(
      `mutation($id: ID!) { cancelProduceCommitment(id: $id, reason: "报错了") { status } }`,
      { id: c.id },
      staff.token,
    );
    expectErrorCode(
      await server.gql(
        COMMIT,
        { offerId: big.id, quantity: 2147483647, unitPrice: 4194305, pickupDate: shanghaiDate(1) },
        staff.token,
      ),
      'AMOUNT_TOO_LARGE',
    );
    expectErrorCode(
      await server.gql(CREATE_OFFER, { input: offerInput({ quantity: 1.5 }) }, farmer.token),
      'BAD_USER_INPUT',
    );
    expectErrorCode(
      await server.gql(CREATE_OFFER, { input: offerInput({ quantity: 0 }) }, farmer.token),
      'INVALID_QUANTITY',
    );
    expectErrorCode(
      await server.gql(CREATE_OFFER, { input: offerInput({ askingPrice: 0 }) }, farmer.token),
      'INVALID_PRICE',
    );
    expectErrorCode(
      await server.gql(CREATE_OFFER, { input: offerInput({ unit: 'lb' }) }, farmer.token),
      'INVALID_UNIT',
    );
    expectErrorCode(
      await server.gql(
        CREATE_OFFER,
        { input: offerInput({ availableUntil: shanghaiDate(-1), availableFrom: shanghaiDate(-3) }) },
        farmer.token,
      ),
      'INVALID_DATES',
    );
  });

  it('scope: an unlinked supplier and an out-of-prefix coordinator see nothing and cannot act; masking follows the household rules', async () => {
    const { server, ds, supplierId, staff, farmer, householdId } = v;
    const offer = await newOffer({ cropName: '辣椒', quantity: 10 });
    const stranger = await cooperative(server, ds);
    const list = await server.gqlOk(OFFERS, { filter: { cropName: '辣椒' } }, stranger.staff.token);
    expect(list.produceOffers).toMatchObject({ totalCount: 0, edges: [] });
    expect((await server.gqlOk(OFFER, { id: offer.id }, stranger.staff.token)).produceOffer).toBeNull();
    expectErrorCode(
      await server.gql(
        COMMIT,
        { offerId: offer.id, quantity: 1, unitPrice: 100, pickupDate: shanghaiDate(1) },
        stranger.staff.token,
      ),
      'NOT_FOUND',
    );

    const far = await coordinator(server, ds, '4418');
    expect((await server.gqlOk(OFFERS, { filter: { cropName: '辣椒' } }, far.token)).produceOffers.totalCount).toBe(0);
    expect((await server.gqlOk(OFFER, { id: offer.id }, far.token)).produceOffer).toBeNull();
    expectErrorCode(await server.gql(CREATE_OFFER, { input: offerInput({ householdId }) }, far.token), 'FORBIDDEN');
    expectErrorCode(
      await server.gql(
        `{ householdIncomeStatement(householdId: "${householdId}", month: "${shanghaiDate().slice(0, 7)}") { month } }`,
        {},
        far.token,
      ),
      'FORBIDDEN',
    );

    // Another farmer (another household of the same cooperative) sees only its own.
    const [v2] = (await villages(ds, '520621', 2)).slice(1);
    const neighbour = await farmerHousehold(server, ds, supplierId, v2, '杨大哥');
    expect((await server.gqlOk(OFFER, { id: offer.id }, neighbour.farmer.token)).produceOffer).toBeNull();
    expectErrorCode(
      await server.gql(ACCEPT, { id: '00000000-0000-0000-0000-000000000000' }, neighbour.farmer.token),
      'NOT_FOUND',
    );

    // Masking: the coordinator in scope sees 田**, the linked supplier, an auditor in scope and the farmer see the name.
    const near = await coordinator(server, ds, '520621');
    const auditor = await coordinator(server, ds, '5206', Role.AUDITOR);
    const nameFor = async (token: string) =>
      (await server.gqlOk(OFFER, { id: offer.id }, token)).produceOffer.household;
    expect(await nameFor(near.token)).toMatchObject({ headName: '田**', nameMasked: true });
    expect(await nameFor(staff.token)).toMatchObject({ headName: '田大姐', nameMasked: false });
    expect(await nameFor(auditor.token)).toMatchObject({ headName: '田大姐', nameMasked: false });
    expect(await nameFor(farmer.token)).toMatchObject({ headName: '田大姐', nameMasked: false });

    // Others cannot act for the household.
    const c = await commitTo(server, staff, offer.id, 5, 100);
    expectErrorCode(await server.gql(ACCEPT, { id: c.id }, neighbour.farmer.token), 'FORBIDDEN');
    expectErrorCode(await server.gql(ACCEPT, { id: c.id }, near.token), 'FORBIDDEN'); // not an assisted offer
    const customer = await actor(server, ds, Role.CUSTOMER);
    expectErrorCode(await server.gql(OFFERS, {}, customer.token), 'FORBIDDEN');
  });

  it('assisted offers: a town work team lists for a household without a phone, accepts for it, and the receipt needs the household’s confirmation', async () => {
    const { server, ds, village, supplierId, staff } = v;
    const town = village.slice(0, 9);
    const team = await coordinator(server, ds, town);
    const [row] = await ds.query(
      `INSERT INTO household (village_code, head_name, size, status) VALUES ($1, '吴阿婆', 2, 'EX_POVERTY') RETURNING id`,
      [village],
    );
    await createLinkageFixture(ds, { supplierId, householdId: row.id });
    const offer = (
      await server.gqlOk(
        CREATE_OFFER,
        { input: offerInput({ householdId: row.id, cropName: '李子', quantity: 80 }) },
        team.token,
      )
    ).createProduceOffer;
    expect(offer).toMatchObject({ assisted: true, householdId: row.id, villageCode: village });
    const c = await commitTo(server, staff, offer.id, 80, 150);
    await server.gqlOk(ACCEPT, { id: c.id }, team.token);
    const { variantId } = await variantOf(ds, supplierId, '斤');
    const lot = { variantId, lotNo: 'AS-1', harvestedOn: shanghaiDate() };
    expectErrorCode(
      await server.gql(RECEIVE, { commitmentId: c.id, quantity: 80, newLot: lot }, staff.token),
      'HOUSEHOLD_CONFIRMATION_REQUIRED',
    );
    const r = (
      await server.gqlOk(
        RECEIVE,
        { commitmentId: c.id, quantity: 80, newLot: lot, householdConfirmation: '户主按手印' },
        staff.token,
      )
    ).recordProduceReceipt;
    expect(r.householdConfirmedAt).not.toBeNull();
    // A provincial-level coordinator is not a work team: it may not list for households.
    const province = await coordinator(server, ds, '52');
    expectErrorCode(
      await server.gql(CREATE_OFFER, { input: offerInput({ householdId: row.id }) }, province.token),
      'FORBIDDEN',
    );
  });
});
