import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import type { TestServer } from '@bangfu/testing';
import {
  agencyPurchaser,
  catalogFixture,
  channelFixture,
  placeApprovedAgencyOrder,
  startOrderingServer,
} from './test-helpers';

// order_summary (migration 1764002900200) is ordering's read contract for procurement's order export,
// which joins a unit's orders with its bindings, purchase requests and movements in one query.
let server: TestServer;
let ds: DataSource;

beforeAll(async () => {
  ({ server, ds } = await startOrderingServer());
});
afterAll(() => server?.close());

describe('order_summary', () => {
  it('is each order’s number, buyer, channel, status, payment mode, amounts and dates, and follows moves', async () => {
    const catalog = await catalogFixture(server, ds, { agencyPrice: 1200 });
    const channelId = await channelFixture(ds);
    const buyer = await agencyPurchaser(server, ds);
    const order = await placeApprovedAgencyOrder(server, buyer, channelId, [
      { variantId: catalog.variantId, quantity: 3 },
    ]);
    const row = async () =>
      (await ds.query(`SELECT * FROM order_summary WHERE id = $1`, [order.id])) as Array<Record<string, unknown>>;
    const [summary] = await row();
    expect(summary).toMatchObject({
      id: order.id,
      order_no: order.orderNo,
      buyer_kind: 'AGENCY',
      buyer_user_id: buyer.userId,
      buyer_org_id: buyer.organizationId,
      channel_id: channelId,
      status: 'PLACED',
      payment_mode: order.paymentMode,
      total_amount: '3600',
      paid_amount: '0',
      refunded_amount: '0',
      invoice_no: null,
      paid_at: null,
      accepted_at: null,
    });
    expect(summary.created_at).toBeInstanceOf(Date);
    await ds.query(`UPDATE orders SET status = 'CANCELLED', cancelled_at = now() WHERE id = $1`, [order.id]);
    expect((await row())[0].status).toBe('CANCELLED');
  });
});

// order_line_summary (migration 1764003700000) is what attribution's "where your money went" page may
// know of an order's lines: which supplier and origin region each belongs to, so it scopes them in SQL.
describe('order_line_summary', () => {
  it('is each line’s order, supplier, product title, origin region and creation time', async () => {
    const catalog = await catalogFixture(server, ds, { agencyPrice: 800 });
    const channelId = await channelFixture(ds);
    const buyer = await agencyPurchaser(server, ds);
    const order = await placeApprovedAgencyOrder(server, buyer, channelId, [
      { variantId: catalog.variantId, quantity: 2 },
    ]);
    const [line] = (await ds.query(`SELECT * FROM order_line WHERE order_id = $1`, [order.id])) as Array<
      Record<string, unknown>
    >;
    const rows = (await ds.query(`SELECT * FROM order_line_summary WHERE order_id = $1`, [order.id])) as Array<
      Record<string, unknown>
    >;
    expect(rows).toEqual([
      {
        id: line.id,
        order_id: order.id,
        supplier_id: line.supplier_id,
        product_id: line.product_id,
        product_title: line.product_title,
        origin_region_code: line.origin_region_code,
        created_at: line.created_at,
      },
    ]);
    expect(rows[0].supplier_id).toBeTruthy();
    expect(rows[0].origin_region_code).toMatch(/^\d{12}$/);
  });
});
