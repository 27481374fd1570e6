import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { Principal, Role } from '@bangfu/core';
import type { TestServer } from '@bangfu/testing';
import { AnomalyThresholdService } from './anomaly-threshold.service';
import { AnomalyKind } from './anomaly.entities';
import {
  addMembership,
  agency,
  category,
  channel,
  customer,
  detect,
  figure,
  findingsAbout,
  insertOrder,
  lineOf,
  product,
  staffOf,
  startOversightServer,
  supplier,
  sys,
} from './test-helpers';

let server: TestServer;
let ds: DataSource;
let hall: string;
const now = new Date();
const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);

beforeAll(async () => {
  ({ server, ds } = await startOversightServer());
  hall = await channel(ds, 'HALL');
});
afterAll(() => server?.close());

describe('PRICE_ABOVE_REFERENCE', () => {
  it('fires above the market reference by more than the margin, not within it', async () => {
    const s = await supplier(ds);
    const high = await product(ds, s, { price: 13_000, reference: 10_000 });
    const fair = await product(ds, s, { price: 11_000, reference: 10_000 });
    const buyer = await customer(ds);
    const o1 = await insertOrder(ds, buyer, hall, ago(1), [lineOf(s, high, 13_000)]);
    await insertOrder(ds, buyer, hall, ago(1), [lineOf(s, fair, 11_000)]);
    await detect(server, AnomalyKind.PRICE_ABOVE_REFERENCE);
    const [f] = await findingsAbout(ds, AnomalyKind.PRICE_ABOVE_REFERENCE, high.productId);
    expect(f).toMatchObject({
      subject_type: 'PRODUCT',
      supplier_id: s,
      region_code: '520621000000',
      order_ids: [o1],
      status: 'OPEN',
    });
    expect(figure(f, 'soldPrice')?.value).toBe(13_000);
    expect(figure(f, 'marketReferencePrice')?.value).toBe(10_000);
    expect(figure(f, 'rules')?.text).toBe('ABOVE_REFERENCE');
    expect(await findingsAbout(ds, AnomalyKind.PRICE_ABOVE_REFERENCE, fair.productId)).toEqual([]);
  });

  it('fires above the same spec at other suppliers, and on a sudden rise over earlier sales', async () => {
    const cat = await category(ds);
    const [a, b] = [await supplier(ds), await supplier(ds)];
    await product(ds, b, { price: 10_000, reference: 30_000, categoryId: cat });
    const mine = await product(ds, a, { price: 14_000, reference: 30_000, categoryId: cat });
    const steady = await product(ds, a, { price: 10_500, reference: 30_000, categoryId: cat, spec: '500g' });
    const buyer = await customer(ds);
    await insertOrder(ds, buyer, hall, ago(3), [lineOf(a, steady, 10_000)]);
    await insertOrder(ds, buyer, hall, ago(2), [lineOf(a, steady, 10_000)]);
    const risen = await insertOrder(ds, buyer, hall, ago(1), [lineOf(a, steady, 14_000)]);
    const banded = await insertOrder(ds, buyer, hall, ago(1), [lineOf(a, mine, 14_000)]);
    await detect(server, AnomalyKind.PRICE_ABOVE_REFERENCE, [banded]);
    await detect(server, AnomalyKind.PRICE_ABOVE_REFERENCE, [risen]);
    const [band] = await findingsAbout(ds, AnomalyKind.PRICE_ABOVE_REFERENCE, mine.productId);
    expect(figure(band, 'rules')?.text).toBe('ABOVE_PEER_BAND');
    expect(figure(band, 'peerMedianPrice')?.value).toBe(10_000);
    const steadyFindings = await findingsAbout(ds, AnomalyKind.PRICE_ABOVE_REFERENCE, steady.productId);
    // 10,000 twice (no rise, no peer of spec 500g) opens nothing; 14,000 after them is a 40% rise.
    expect(steadyFindings).toHaveLength(1);
    expect(steadyFindings[0]).toMatchObject({ order_ids: [risen] });
    expect(figure(steadyFindings[0], 'rules')?.text).toBe('SUDDEN_RISE');
    expect(figure(steadyFindings[0], 'earlierMedianPrice')?.value).toBe(10_000);
  });

  it('uses the override of the longest matching region prefix', async () => {
    const thresholds = server.app.get(AnomalyThresholdService);
    const admin = sys().withPrincipal(
      new Principal('00000000-0000-0000-0000-000000000000', 'admin', [
        {
          organizationId: '00000000-0000-0000-0000-000000000000',
          organizationKind: 'PLATFORM' as never,
          role: Role.PLATFORM_ADMIN,
          regionPrefix: null,
        },
      ]),
    );
    await ds.query(`DELETE FROM anomaly_threshold`);
    await ds.query(
      `INSERT INTO anomaly_threshold (kind, region_prefix, thresholds) VALUES ('PRICE_ABOVE_REFERENCE', '52', '{"referenceMarginBps": 5000}'), ('PRICE_ABOVE_REFERENCE', '5206', '{"referenceMarginBps": 500}')`,
    );
    const tongren = await supplier(ds, '520621000000');
    const guiyang = await supplier(ds, '520102000000');
    const p1 = await product(ds, tongren, { price: 11_000, reference: 10_000 });
    const p2 = await product(ds, guiyang, { price: 13_000, reference: 10_000 });
    const buyer = await customer(ds);
    const o1 = await insertOrder(ds, buyer, hall, ago(1), [lineOf(tongren, p1, 11_000)]);
    const o2 = await insertOrder(ds, buyer, hall, ago(1), [lineOf(guiyang, p2, 13_000)]);
    await detect(server, AnomalyKind.PRICE_ABOVE_REFERENCE, [o1]);
    await detect(server, AnomalyKind.PRICE_ABOVE_REFERENCE, [o2]);
    expect(await findingsAbout(ds, AnomalyKind.PRICE_ABOVE_REFERENCE, p1.productId)).toHaveLength(1); // 10% > 5% (5206)
    expect(await findingsAbout(ds, AnomalyKind.PRICE_ABOVE_REFERENCE, p2.productId)).toHaveLength(0); // 30% < 50% (52)
    const rule = (await thresholds.rules(admin)).find((r) => r.kind === AnomalyKind.PRICE_ABOVE_REFERENCE)!;
    expect(rule.overrides.map((o) => o.regionPrefix)).toEqual(['52', '5206']);
    await ds.query(`DELETE FROM anomaly_threshold`);
  });
});

describe('SELF_DEALING', () => {
  it('fires when the supplier’s staff buys for an agency, not for an unrelated unit', async () => {
    const s = await supplier(ds);
    const p = await product(ds, s);
    const unit = await agency(ds);
    const insider = await staffOf(ds, s);
    await addMembership(ds, insider, unit.orgId, Role.PURCHASER);
    const bad = await insertOrder(ds, { kind: 'AGENCY', userId: insider, orgId: unit.orgId }, hall, ago(1), [
      lineOf(s, p, 10_000, { quantity: 3 }),
    ]);
    // An unrelated unit buying from the same supplier (any order of the related unit is related too).
    const good = await insertOrder(ds, await agency(ds), hall, ago(1), [lineOf(s, p, 10_000, { quantity: 3 })]);
    await detect(server, AnomalyKind.SELF_DEALING);
    const [f] = await findingsAbout(ds, AnomalyKind.SELF_DEALING, bad);
    expect(f).toMatchObject({ subject_type: 'ORDER', supplier_id: s, severity: 'HIGH', order_ids: [bad] });
    expect(figure(f, 'buyerIsSupplierStaff')?.value).toBe(1);
    expect(figure(f, 'sharedMembers')?.value).toBe(1);
    expect(figure(f, 'orderAmount')?.value).toBe(30_000);
    expect(await findingsAbout(ds, AnomalyKind.SELF_DEALING, good)).toEqual([]);
  });
});

describe('CIRCULAR_TRADE', () => {
  it('fires on a supplier’s staff buying its own products', async () => {
    const s = await supplier(ds);
    const p = await product(ds, s);
    const staff = await staffOf(ds, s);
    const o = await insertOrder(ds, await customer(ds, staff), hall, ago(1), [lineOf(s, p, 10_000)]);
    await detect(server, AnomalyKind.CIRCULAR_TRADE, [o]);
    const [f] = await findingsAbout(ds, AnomalyKind.CIRCULAR_TRADE, s);
    expect(f).toMatchObject({ subject_type: 'SUPPLIER', order_ids: [o] });
    expect(figure(f, 'pattern')?.text).toBe('OWN_PRODUCTS');
  });

  it('fires when A’s staff buy from B and B’s from A; one direction alone is not circular', async () => {
    const [a, b, c] = [await supplier(ds), await supplier(ds), await supplier(ds)];
    const [pa, pb, pc] = [await product(ds, a), await product(ds, b), await product(ds, c)];
    const [staffA, staffB] = [await staffOf(ds, a), await staffOf(ds, b)];
    const ab = await insertOrder(ds, await customer(ds, staffA), hall, ago(5), [lineOf(b, pb, 20_000)]);
    // One direction only: A's staff buy from C; nobody at C buys from A.
    const ac = await insertOrder(ds, await customer(ds, staffA), hall, ago(5), [lineOf(c, pc, 20_000)]);
    await detect(server, AnomalyKind.CIRCULAR_TRADE, [ab]);
    await detect(server, AnomalyKind.CIRCULAR_TRADE, [ac]);
    const [lo, hi] = [a, b].sort();
    expect(await findingsAbout(ds, AnomalyKind.CIRCULAR_TRADE, lo)).toEqual([]);
    const ba = await insertOrder(ds, await customer(ds, staffB), hall, ago(1), [lineOf(a, pa, 19_000)]);
    await detect(server, AnomalyKind.CIRCULAR_TRADE, [ba]);
    await detect(server, AnomalyKind.CIRCULAR_TRADE);
    const found = await findingsAbout(ds, AnomalyKind.CIRCULAR_TRADE, lo);
    expect(found).toHaveLength(1);
    expect(figure(found[0], 'pattern')?.text).toBe('MUTUAL');
    expect([...found[0].order_ids].sort()).toEqual([ab, ba].sort());
    expect(await findingsAbout(ds, AnomalyKind.CIRCULAR_TRADE, hi)).toEqual([]);
    const [x, y] = [a, c].sort();
    expect((await findingsAbout(ds, AnomalyKind.CIRCULAR_TRADE, x)).filter((f) => f.order_ids.includes(ac))).toEqual(
      [],
    );
    expect((await findingsAbout(ds, AnomalyKind.CIRCULAR_TRADE, y)).filter((f) => f.order_ids.includes(ac))).toEqual(
      [],
    );
  });
});
