import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { QueueService } from '@bangfu/queue';
import type { TestServer } from '@bangfu/testing';
import { subscriptionsOf } from '@bangfu/events';
import { AnomalyEventConsumer } from './anomaly.consumer';
import { AnomalyKind } from './anomaly.entities';
import { AnomalyScanJob, OVERSIGHT_QUEUE, SCAN_JOB, SCAN_SCHEDULER_ID } from './anomaly.jobs';
import {
  channel,
  customer,
  detect,
  figure,
  findingsAbout,
  insertOrder,
  lineOf,
  lot,
  product,
  ship,
  startOversightServer,
  supplier,
  sys,
} from './test-helpers';

let server: TestServer;
let ds: DataSource;

beforeAll(async () => {
  ({ server, ds } = await startOversightServer());
});
afterAll(() => server?.close());

describe('UNCERTIFIED_UNDER_LABEL', () => {
  it('fires on uncertified goods in an assistance-only channel; not in an open channel, not on certified goods', async () => {
    const s = await supplier(ds);
    const p = await product(ds, s);
    const assistance = await channel(ds, 'HALL');
    const open = await channel(ds, 'ZONE', { regionCode: '440106000000', assistanceOnly: false });
    const buyer = await customer(ds);
    const bad = await insertOrder(ds, buyer, assistance, new Date(), [
      lineOf(s, p, 6_800, { quantity: 2, certified: false }),
    ]);
    const fineOpen = await insertOrder(ds, buyer, open, new Date(), [
      lineOf(s, p, 6_800, { quantity: 2, certified: false }),
    ]);
    const fineCertified = await insertOrder(ds, buyer, assistance, new Date(), [lineOf(s, p, 6_800, { quantity: 2 })]);
    for (const id of [bad, fineOpen, fineCertified]) await detect(server, AnomalyKind.UNCERTIFIED_UNDER_LABEL, [id]);
    const [f] = await findingsAbout(ds, AnomalyKind.UNCERTIFIED_UNDER_LABEL, bad);
    expect(f).toMatchObject({ subject_type: 'ORDER', supplier_id: s, severity: 'HIGH', order_ids: [bad] });
    expect(figure(f, 'uncertifiedAmount')?.value).toBe(13_600);
    expect(await findingsAbout(ds, AnomalyKind.UNCERTIFIED_UNDER_LABEL, fineOpen)).toEqual([]);
    expect(await findingsAbout(ds, AnomalyKind.UNCERTIFIED_UNDER_LABEL, fineCertified)).toEqual([]);
  });

  it('fires on a counter whose certified share is below the threshold; not on one above it', async () => {
    const s = await supplier(ds);
    const p = await product(ds, s);
    const [weak, strong] = [
      await channel(ds, 'COUNTER', { regionCode: '440106000000', assistanceOnly: false }),
      await channel(ds, 'COUNTER', { regionCode: '440106000000', assistanceOnly: false }),
    ];
    const buyer = await customer(ds);
    const sell = (ch: string, certified: boolean, fen: number) =>
      insertOrder(ds, buyer, ch, new Date(Date.now() - 86_400_000), [lineOf(s, p, fen, { certified })]);
    await sell(weak, true, 60_000);
    const unc = await sell(weak, false, 40_000);
    await sell(strong, true, 90_000);
    await sell(strong, false, 10_000);
    // The hourly scan (registered at boot) finds it: a counter's share is no single order's business.
    expect(await server.app.get(QueueService).queue(OVERSIGHT_QUEUE).getJobScheduler(SCAN_SCHEDULER_ID)).toMatchObject({
      pattern: '7 * * * *',
    });
    await server.app.get(AnomalyScanJob).handle({ name: SCAN_JOB, data: {} });
    const [f] = await findingsAbout(ds, AnomalyKind.UNCERTIFIED_UNDER_LABEL, weak);
    expect(f).toMatchObject({
      subject_type: 'COUNTER',
      region_code: '440106000000',
      order_ids: [unc],
      detected_via: 'SCHEDULE',
    });
    expect(figure(f, 'certifiedShare')?.value).toBe(6000);
    expect(figure(f, 'minimumShare')?.value).toBe(8000);
    expect(await findingsAbout(ds, AnomalyKind.UNCERTIFIED_UNDER_LABEL, strong)).toEqual([]);
  });
});

describe('ATTRIBUTION_GAP', () => {
  it('fires when a supplier ships units no harvest lot covers; not when lots cover them', async () => {
    const [gappy, covered] = [await supplier(ds), await supplier(ds)];
    const [pg, pc] = [await product(ds, gappy), await product(ds, covered)];
    const buyer = await customer(ds);
    const withLot = await insertOrder(ds, buyer, await channel(ds), new Date(), [
      lineOf(gappy, pg, 1_000, { quantity: 4 }),
    ]);
    await ship(ds, withLot, await lot(ds, pg.variantId));
    const without = await insertOrder(ds, buyer, await channel(ds), new Date(), [
      lineOf(gappy, pg, 1_000, { quantity: 6 }),
    ]);
    await ship(ds, without, null);
    const fine = await insertOrder(ds, buyer, await channel(ds), new Date(), [
      lineOf(covered, pc, 1_000, { quantity: 10 }),
    ]);
    await ship(ds, fine, await lot(ds, pc.variantId));
    // The shipment's event runs the rule (the order's creation does not: lots are taken at shipment).
    const consumer = server.app.get(AnomalyEventConsumer);
    const event = (type: string) => ({
      id: randomUUID(),
      type,
      version: 1,
      aggregateId: without,
      payload: { orderId: without },
      createdAt: new Date().toISOString(),
    });
    expect(subscriptionsOf(AnomalyEventConsumer)).not.toContain('order.paid');
    await consumer.handle(sys(), event('order.placed'));
    expect(await findingsAbout(ds, AnomalyKind.ATTRIBUTION_GAP, gappy)).toEqual([]);
    await consumer.handle(sys(), event('order.shipped'));
    await detect(server, AnomalyKind.ATTRIBUTION_GAP);
    const found = await findingsAbout(ds, AnomalyKind.ATTRIBUTION_GAP, gappy);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      subject_type: 'SUPPLIER',
      supplier_id: gappy,
      order_ids: [without],
      detected_via: 'EVENT',
    });
    expect(figure(found[0], 'unitsShipped')?.value).toBe(10);
    expect(figure(found[0], 'unitsWithoutLot')?.value).toBe(6);
    expect(figure(found[0], 'uncoveredShare')?.value).toBe(6000);
    expect(await findingsAbout(ds, AnomalyKind.ATTRIBUTION_GAP, covered)).toEqual([]);
  });
});
