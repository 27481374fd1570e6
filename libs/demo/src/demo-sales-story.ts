import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Db, type Principal, RequestContext, Role } from '@bangfu/core';
import { AuthService, hashPassword, seedMembership, seedUser, seedUserId } from '@bangfu/identity';
import { VariantService } from '@bangfu/catalog';
import { ChannelKind, ChannelService, CounterSalesService, signCounterRequest } from '@bangfu/channel';
import {
  CheckoutService,
  FulfilmentService,
  Order,
  OrderService,
  OrderStateMachine,
  SupplierOrderStatus,
} from '@bangfu/ordering';
import { RefundService } from '@bangfu/payment';
import type { DemoCatalogIds } from './seed-catalog';
import { DEMO_COUNTER } from './seed-catalog';
import { DEMO_SUPPLIERS } from './demo-catalog';
import { demoShipment, skuLines } from './demo-activity';
import { DEMO_PASSWORD } from './demo-data';
import { payDemoRetailOrder } from './seed-activity';

/**
 * The coordinator dashboard's story (issue 12, item 9): retail sales of the last five months in the
 * online hall (专馆), the Guangzhou zone and a general zone in 江口县 (专区), from Guizhou, Shaanxi, Guangdong and Chongqing, a
 * refund in the month after its sale, uncertified sales (a product whose certificate expired), and
 * this week's smart-counter (专柜) sales. Every order goes through the real services (place, pay by
 * transfer, ship, confirm receipt, refund; counter sales through the signed counter report), so the
 * statistics and attribution rollups are written by their real consumers in the counting transaction.
 *
 * Past months: the services stamp the current time, and attribution entries are append-only, so
 * moving rows after they counted would leave every read model wrong. Instead, while the past orders
 * are played, a DEMO-ONLY database clock (`demo_story_clock` + `demo_story_clock_stamp` triggers on
 * ordering's and payment's time columns) stamps the story's time into the rows as they are written,
 * before any consumer reads them; both are dropped when the story ends (also on failure). The seed
 * runs before the API listens, so no other request is stamped. Orders placed in those months predate
 * the attribution rules (set today), so they attribute to no household: farmer@'s ¥2,340.21 and the
 * households of the README's story are unchanged; the counter sales (rice, now) do attribute.
 */
const SHOPPERS = [
  { email: 'shopper-lin@demo.bangfu', displayName: '林女士（广州市民）' },
  { email: 'shopper-chen@demo.bangfu', displayName: '陈先生（广州市民）' },
];

interface StoryOrder {
  key: string;
  /** Asia/Shanghai day of placement; paid 10 minutes later, shipped the next day, received 3 days later. */
  placedOn: string;
  shopper: 0 | 1;
  channelKey: 'hall-online' | 'zone-guangzhou' | typeof JIANGKOU_ZONE.key;
  lines: Array<{ sku: string; quantity: number }>;
  /** A refund of one line (its SKU), on this day. */
  refund?: { sku: string; on: string; reason: string };
}

/**
 * Every demo channel is assistance-only (certified products only), so the story's platform admin opens
 * a general zone in 江口县 where the cooperative also sells 梵净山翠峰茶, whose certificate expired on
 * 2025-12-31: the uncertified sales the coordinator of 铜仁 sees separately.
 */
export const JIANGKOU_ZONE = {
  key: 'zone-jiangkou',
  name: '梵净山农特产品展销专区（江口县）',
  regionCode: '520621000000',
  address: '贵州省铜仁市江口县凯德街道梵净山大道',
  products: [
    { title: '梵净山翠峰茶', staff: 'supplier@demo.bangfu' },
    { title: '贵州梵净山绿茶礼盒', staff: 'supplier@demo.bangfu' },
    { title: '梵净山黄牛肉', staff: 'cattle@demo.bangfu' },
  ],
} as const;

/** A story order as one row: key, day placed, shopper, channel, then SKU → quantity. */
const storyOrder = (
  key: string,
  placedOn: string,
  shopper: StoryOrder['shopper'],
  channelKey: StoryOrder['channelKey'],
  quantities: Record<string, number>,
): StoryOrder => ({ key, placedOn, shopper, channelKey, lines: skuLines(quantities) });

/** The past months; the beef of the September order is refunded in October. */
export const DEMO_SALES_STORY: StoryOrder[] = [
  storyOrder('story-2607-tea-honey', '2026-07-12', 0, 'hall-online', { 'FJS-GT-250': 3, 'QL-HONEY-500': 2 }),
  storyOrder('story-2608-jiangkou', '2026-08-05', 1, 'zone-jiangkou', { 'FJS-CF-100': 4, 'TR-BEEF-1KG': 2 }),
  storyOrder('story-2608-zone-beef', '2026-08-20', 0, 'zone-guangzhou', { 'TR-BEEF-1KG': 5, 'HZ-FUNGI-GIFT': 2 }),
  {
    ...storyOrder('story-2609-refunded-beef', '2026-09-09', 1, 'hall-online', { 'HZ-FUNGI-GIFT': 3, 'TR-BEEF-1KG': 2 }),
    refund: { sku: 'TR-BEEF-1KG', on: '2026-10-15', reason: '冷链运输超时，牛肉退款' },
  },
  storyOrder('story-2610-zone-veg', '2026-10-18', 0, 'zone-guangzhou', { 'LZ-CX-5KG': 4, 'CK-KONJAC-1KG': 6 }),
  storyOrder('story-2610-jiangkou', '2026-10-26', 0, 'zone-jiangkou', { 'FJS-CF-100': 3, 'FJS-GT-250': 1 }),
  storyOrder('story-2611-zone-tea', '2026-11-08', 1, 'zone-guangzhou', { 'FJS-GT-250': 4, 'TR-BEEF-1KG': 3 }),
  storyOrder('story-2611-radish', '2026-11-22', 0, 'hall-online', { 'CK-RADISH-5KG': 5, 'QL-HONEY-500': 3 }),
];

/** This week's sales at the canteen's smart counter (walk-in buyers), reported by the device as it would. */
export const DEMO_COUNTER_SALES = [
  { reportId: 'story-counter-1', lines: skuLines({ 'LZ-RICE-10KG': 2 }) },
  { reportId: 'story-counter-2', lines: skuLines({ 'LZ-RICE-10KG': 1 }) },
];

export interface DemoSalesStorySummary {
  orders: number;
  counterSales: number;
  refunds: number;
}

const HOUR = 3_600_000;
const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/** Plays the story; the demo seed calls it once, after the agency story (whose figures it leaves alone). */
export async function seedDemoSalesStory(
  app: INestApplicationContext,
  ids: DemoCatalogIds,
): Promise<DemoSalesStorySummary> {
  const db = app.get(Db);
  const system = () => RequestContext.system('demo-sales-story');
  const sql = (text: string, params: unknown[] = []) => db.manager(system()).query(text, params);
  const auth = app.get(AuthService);
  const principals = new Map<string, Principal>();
  const as = async (email: string): Promise<RequestContext> => {
    let p = principals.get(email);
    if (!p) {
      const userId = await seedUserId(db.manager(system()), email);
      const loaded = userId && (await auth.load(userId));
      if (!loaded) throw new Error(`demo account ${email} cannot act`);
      principals.set(email, (p = loaded));
    }
    return new RequestContext(`demo-sales-story-${randomUUID()}`, p);
  };
  await createShoppers(db);

  const staffOf = new Map(
    DEMO_SUPPLIERS.map((s) => [
      ids.supplierIds.get(s.key)!,
      { key: s.key, email: s.staff?.email ?? 'supplier@demo.bangfu' },
    ]),
  );
  const orders = app.get(OrderService);
  const fulfilment = app.get(FulfilmentService);
  const admin = await as('admin@demo.bangfu');
  let refunds = 0;

  const zone = await app.get(ChannelService).create(admin, {
    kind: ChannelKind.ZONE,
    name: JIANGKOU_ZONE.name,
    regionCode: JIANGKOU_ZONE.regionCode,
    address: JIANGKOU_ZONE.address,
    assistanceOnly: false,
  });
  const channelIds = new Map([...ids.channelIds, [JIANGKOU_ZONE.key, zone.channel.id]]);
  for (const p of JIANGKOU_ZONE.products)
    await app.get(ChannelService).place(await as(p.staff), zone.channel.id, ids.productIds.get(p.title)!);

  await installDemoClock(db);
  try {
    const setClock = (t: Date) => sql(`UPDATE demo_story_clock SET at = $1`, [t]);
    for (const s of DEMO_SALES_STORY) {
      const shopper = await as(SHOPPERS[s.shopper].email);
      const placedAt = at(s.placedOn, 10);
      await setClock(placedAt);
      const placed = await app.get(CheckoutService).placeOrder(shopper, {
        idempotencyKey: s.key,
        channelId: channelIds.get(s.channelKey)!,
        lines: s.lines.map((l) => ({ variantId: ids.variantIds.get(l.sku)!, quantity: l.quantity })),
      });
      if (!(placed instanceof Order)) throw new Error(`demo story order ${s.key} refused: ${JSON.stringify(placed)}`);
      const paidAt = new Date(placedAt.getTime() + HOUR / 6);
      await setClock(paidAt);
      const paidBy = await payDemoRetailOrder(app, shopper, admin, placed, paidAt, `DEMO-${placed.orderNo}`);
      const supplierOrders = await app.get(OrderStateMachine).supplierOrders(system(), placed.id);
      await setClock(new Date(placedAt.getTime() + 24 * HOUR));
      for (const [i, so] of supplierOrders.entries()) {
        const staff = staffOf.get(so.supplierId)!;
        const { carrier, trackingNo } = demoShipment(staff.key, placed.orderNo, i);
        await fulfilment.ship(await as(staff.email), so.id, carrier, trackingNo);
      }
      await setClock(new Date(placedAt.getTime() + 72 * HOUR));
      for (const so of await app.get(OrderStateMachine).supplierOrders(system(), placed.id)) {
        if (so.status === SupplierOrderStatus.SHIPPED) await fulfilment.confirmDelivery(shopper, so.id, '已签收');
      }
      // A payment applied as Stripe's webhook would (Stripe configured) never reached Stripe: no refund.
      if (s.refund && paidBy === 'TRANSFER') {
        const refund = s.refund;
        await setClock(at(refund.on, 15));
        const line = (await orders.lines(system(), placed.id)).find((l) => l.sku === refund.sku)!;
        await app
          .get(RefundService)
          .refundOrder(admin, { orderId: placed.id, lineIds: [line.id], reason: refund.reason });
        refunds++;
      }
    }
  } finally {
    await removeDemoClock(db);
  }

  // This week's counter sales: now (a counter may not report sales older than a few days), signed.
  const counter = app.get(CounterSalesService);
  for (const [i, c] of DEMO_COUNTER_SALES.entries()) {
    const priced = await app.get(VariantService).forSale(
      system(),
      c.lines.map((l) => ids.variantIds.get(l.sku)!),
    );
    const body = {
      reportId: c.reportId,
      soldAt: new Date(Date.now() - (DEMO_COUNTER_SALES.length - i) * 60_000).toISOString(),
      lines: c.lines.map((l) => {
        const variantId = ids.variantIds.get(l.sku)!;
        return {
          variantId,
          quantity: l.quantity,
          unitPrice: Number(priced.find((v) => v.variantId === variantId)!.retailPrice),
        };
      }),
    };
    const rawBody = Buffer.from(JSON.stringify(body));
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = `demo${randomUUID().replace(/-/g, '')}`;
    await counter.receive(system(), {
      deviceId: DEMO_COUNTER.deviceId,
      headers: {
        'x-bangfu-timestamp': timestamp,
        'x-bangfu-nonce': nonce,
        'x-bangfu-signature': signCounterRequest(DEMO_COUNTER.secret, timestamp, nonce, rawBody),
      },
      rawBody,
      body,
      ip: null,
    });
  }
  new Logger('Demo').log(
    `sales story: ${DEMO_SALES_STORY.length} retail orders 2026-07…11, ${refunds} refund, ${DEMO_COUNTER_SALES.length} counter sales`,
  );
  return { orders: DEMO_SALES_STORY.length, counterSales: DEMO_COUNTER_SALES.length, refunds };
}

/** Two retail customers of the story (password `bangfu-demo`, not in the README's login table). */
async function createShoppers(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(RequestContext.system('demo-sales-story'), async (tx) => {
    const em = db.manager(tx);
    for (const s of SHOPPERS) {
      const userId = await seedUser(em, { email: s.email, displayName: s.displayName, passwordHash });
      await seedMembership(em, { userId, role: Role.CUSTOMER, organizationId: null });
    }
  });
}

/** Tables and time columns the demo clock stamps (a column a table lacks is ignored). */
const STAMPED: Record<string, string[]> = {
  orders: ['created_at', 'paid_at', 'delivered_at', 'accepted_at', 'settled_at'],
  order_line: ['created_at'],
  order_history: ['created_at'],
  order_refund: ['created_at'],
  supplier_order: ['created_at', 'shipped_at', 'delivered_at'],
  supplier_order_history: ['created_at'],
  payment: ['created_at', 'paid_at', 'confirmed_at'],
  payment_refund: ['created_at', 'completed_at'],
};

/**
 * DEMO ONLY. While demo_story_clock holds a time, every listed time column written (set on INSERT,
 * changed on UPDATE) takes that time instead of the wall clock. Never part of a migration.
 */
async function installDemoClock(db: Db): Promise<void> {
  const q = (text: string) => db.manager(RequestContext.system('demo-sales-story')).query(text);
  await q(`CREATE TABLE demo_story_clock (at timestamptz NOT NULL)`);
  await q(`INSERT INTO demo_story_clock VALUES (now())`);
  await q(`
    CREATE FUNCTION demo_story_clock_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE c timestamptz; patch jsonb;
    BEGIN
      SELECT at INTO c FROM demo_story_clock LIMIT 1;
      IF c IS NULL THEN RETURN NEW; END IF;
      SELECT jsonb_object_agg(e.k, to_jsonb(c)) INTO patch FROM jsonb_each(to_jsonb(NEW)) AS e(k, v)
       WHERE e.k = ANY(TG_ARGV) AND e.v <> 'null'::jsonb AND (TG_OP = 'INSERT' OR e.v IS DISTINCT FROM to_jsonb(OLD) -> e.k);
      IF patch IS NULL THEN RETURN NEW; END IF;
      RETURN jsonb_populate_record(NEW, patch);
    END $$`);
  for (const [table, columns] of Object.entries(STAMPED)) {
    await q(
      `CREATE TRIGGER demo_story_clock BEFORE INSERT OR UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION demo_story_clock_stamp(${columns.map((c) => `'${c}'`).join(', ')})`,
    );
  }
}

async function removeDemoClock(db: Db): Promise<void> {
  const q = (text: string) => db.manager(RequestContext.system('demo-sales-story')).query(text);
  for (const table of Object.keys(STAMPED)) await q(`DROP TRIGGER IF EXISTS demo_story_clock ON ${table}`);
  await q(`DROP FUNCTION IF EXISTS demo_story_clock_stamp()`);
  await q(`DROP TABLE IF EXISTS demo_story_clock`);
}
