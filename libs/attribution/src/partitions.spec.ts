import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@bangfu/core';
import { addMonths, dayStart, shanghaiDate } from '@bangfu/locale';
import { ENSURE_PARTITIONS_JOB, PartitionJobs } from '@bangfu/queue';
import { migrateDownAndUp, partitionsOf, shanghaiMonthSuffix, type TestServer } from '@bangfu/testing';
import { AttributionService } from './attribution.service';
import {
  channel,
  customer,
  deliver,
  insertOrder,
  product,
  rule,
  startAttributionServer,
  supplier,
  sys,
} from './test-helpers';

let server: TestServer;
let ds: DataSource;
let make: (deliveredAt: Date) => Promise<string>;
const MIGRATION = 'AttributionEntryPartitions1764003500100';

beforeAll(async () => {
  ({ server, ds } = await startAttributionServer());
  const coop = await supplier(ds);
  const tea = await product(ds, coop.supplierId, [16800]);
  await rule(ds, {
    supplierId: coop.supplierId,
    productId: tea.productId,
    kind: 'REVENUE_SHARE',
    effectiveFrom: new Date('2020-01-01T00:00:00Z'),
    cooperativeBp: 3000,
    cooperativeOrgId: coop.supplierId,
  });
  const buyer = await customer(ds);
  const channelId = await channel(ds);
  const attribution = server.app.get(AttributionService);
  /** A retail order of two boxes delivered (counted) at `deliveredAt`, attributed; its order id. */
  make = async (deliveredAt) => {
    const line = { supplierId: coop.supplierId, productId: tea.productId, variantId: tea.variants[0].id };
    const { orderId } = await insertOrder(ds, buyer, channelId, new Date(deliveredAt.getTime() - 86_400_000), [
      { ...line, unitPrice: 16800, quantity: 2, allocations: [{ lotId: null, quantity: 2 }] },
    ]);
    await deliver(ds, orderId, deliveredAt);
    await server.app.get(Db).transaction(sys(), (tx) => attribution.attributeOrder(tx, orderId));
    return orderId;
  };
});
afterAll(() => server?.close());

const partitionsHolding = async (orderId: string) =>
  (
    await ds.query(`SELECT DISTINCT tableoid::regclass::text AS p FROM attribution_entry WHERE order_id = $1`, [
      orderId,
    ])
  ).map((r: { p: string }) => r.p);

describe('attribution_entry partitions (issue 16 item 6)', () => {
  it('files entries by the month they occurred in; a month without a partition waits in DEFAULT for the job', async () => {
    const { partitioned } = await partitionsOf(ds, 'attribution_entry');
    expect(partitioned).toBe(true);
    expect(server.app.get(PartitionJobs).tables()).toContain('attribution_entry');

    const now = await make(new Date());
    expect(await partitionsHolding(now)).toEqual([`attribution_entry_p${shanghaiMonthSuffix(0)}`]);

    const month = addMonths(shanghaiDate().slice(0, 7), 5);
    const later = await make(new Date(dayStart(`${month}-03`).getTime() + 3600_000));
    expect(await partitionsHolding(later)).toEqual(['attribution_entry_default']);
    const made = await server.app.get(PartitionJobs).handle({ name: ENSURE_PARTITIONS_JOB, data: {} });
    const name = `attribution_entry_p${month.replace('-', '_')}`;
    expect(made).toContainEqual({ table: 'attribution_entry', created: [name] });
    expect(await partitionsHolding(later)).toEqual([name]);
    await expect(ds.query(`DELETE FROM attribution_entry WHERE order_id = $1`, [later])).rejects.toThrow(
      /ATTRIBUTION_APPEND_ONLY/,
    );
  });

  it('keeps every entry through down and up again, and the idempotency key still refuses a duplicate', async () => {
    for (let i = 0; i < 3; i++) await make(new Date(Date.now() - i * 40 * 86_400_000));
    const { before, plain } = await migrateDownAndUp(
      ds,
      {
        migration: MIGRATION,
        table: 'attribution_entry',
        orderBy: 'order_line_id, event_key, beneficiary_key, lot_id',
      },
      async () => void (await make(new Date(Date.now() - 70 * 86_400_000))), // written to the plain table, as production data is
    );
    expect(plain.rows).toBeGreaterThan(before.rows);
    await expect(
      ds.query(`INSERT INTO attribution_entry (order_id, order_line_id, supplier_id, product_id, event_key, beneficiary_kind, beneficiary_key,
                  organization_id, region_code, lot_id, rule_id, rule_version, rule_kind, amount, period, occurred_at)
                SELECT order_id, order_line_id, supplier_id, product_id, event_key, beneficiary_kind, beneficiary_key,
                  organization_id, region_code, lot_id, rule_id, rule_version, rule_kind, amount, period, occurred_at
                  FROM attribution_entry LIMIT 1`),
    ).rejects.toThrow(/attribution_entry_.*key/);
  });
});
