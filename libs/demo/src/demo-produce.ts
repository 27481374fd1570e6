import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AttributionKind, AttributionRuleService } from '@bangfu/attribution';
import { LotService, ProductService, VariantService } from '@bangfu/catalog';
import { CertificationService } from '@bangfu/certification';
import { Db, RequestContext } from '@bangfu/core';
import { AuthService, hashPassword, seedMembership, seedOrganization, seedUser, seedUserId } from '@bangfu/identity';
import { CheckoutService, FulfilmentService, Order, OrderService, OrderStateMachine } from '@bangfu/ordering';
import {
  type CommitOutcome,
  CommitmentService,
  IncomeLineKind,
  IncomeService,
  OfferNotOpenError,
  OfferQuantityExceededError,
  OfferService,
  type ProduceCommitment,
  ProducePaymentMethod,
  type ProduceReceipt,
  ReceiptExceedsCommitmentError,
  type ReceiptOutcome,
  ReceiptService,
} from '@bangfu/produce';
import { seedHousehold, seedHouseholdUser, seedLinkage } from '@bangfu/supplier';
import { DEMO_PASSWORD } from './demo-data';
import type { DemoCatalogIds } from './seed-catalog';
import { payDemoRetailOrder } from './seed-activity';

/** 寨岗镇, 连南瑶族自治县, 清远 (real 2023 codes): the town, and two of its villages. */
export const ZHAIGANG = { town: '441826102', jinguang: '441826102205', xinzhai: '441826102223' };
export const ZHAIGANG_TEAM = {
  email: 'zhaigang@demo.bangfu',
  displayName: '寨岗镇驻镇工作队（邓队长）',
  org: '连南瑶族自治县寨岗镇驻镇帮镇扶村工作队',
};
export const DEMO_FARMER_MO = { email: 'farmer-mo@demo.bangfu', displayName: '莫金凤（农户）' };
/** The reports' story: 1,220 斤 of 黄金奈李, 122 boxes of 10 斤, ¥9.00 a 斤 = ¥10,980 (about ¥11,000). */
export const NAILI = {
  title: '连南黄金奈李',
  sku: 'LN-NAILI-10J',
  jin: 1220,
  boxes: 122,
  pricePerJin: 900,
  lotNo: 'NL-ZG-2612',
};

const day = (offset = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offset * 86_400_000));

/**
 * Farmers' produce (issue 14) for the demo, outside coordinator@'s 5206 except farmer@'s open offer, so
 * the README's Tongren figures do not move:
 * - 寨岗镇's work team (zhaigang@, a COORDINATOR scoped to the town) lists 盘金妹's 1,220 斤 of 黄金奈李
 *   for her (assisted); the Lianzhou cooperative commits at ¥9.00/斤, the team accepts for her, the
 *   cooperative receives them as 122 boxes into lot NL-ZG-2612 of its new 连南黄金奈李 (she pressed her
 *   thumbprint) and pays ¥10,980 by WeChat; customer@ then buys two boxes, delivered — her lot sold;
 * - 莫金凤 (farmer-mo@, 连州) offers 600 斤 of 菜心, accepts 500 at ¥2.40 (below her ¥2.50), delivers 480
 *   into lot CX-2611 and disputes the month's purchase line — one disputed month;
 * - open offers in 新寨村 (生姜, assisted) and 云舍村 (farmer@'s 鲜笋) for the portals to show.
 */
export async function seedDemoProduce(app: INestApplicationContext, ids: DemoCatalogIds): Promise<void> {
  const db = app.get(Db);
  const system = RequestContext.system('demo-produce');
  const lianzhouId = ids.supplierIds.get('lianzhou')!;

  // Accounts and households the story needs (as the catalogue seed writes its own).
  const households = new Map<string, string>();
  await db.transaction(system, async (tx) => {
    const em = db.manager(tx);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const officeId = await seedOrganization(em, {
      kind: 'COORDINATION_OFFICE',
      name: ZHAIGANG_TEAM.org,
      creditCode: null,
      regionCode: `${ZHAIGANG.town}000`,
    });
    const teamId = await seedUser(em, {
      email: ZHAIGANG_TEAM.email,
      displayName: ZHAIGANG_TEAM.displayName,
      passwordHash,
    });
    await seedMembership(em, {
      userId: teamId,
      role: 'COORDINATOR',
      organizationId: officeId,
      regionPrefix: ZHAIGANG.town,
    });
    for (const [key, village, name] of [
      ['pan', ZHAIGANG.jinguang, '盘金妹'],
      ['fang', ZHAIGANG.xinzhai, '房石贵'],
    ]) {
      const householdId = await seedHousehold(em, {
        villageCode: village,
        headName: name,
        size: 4,
        status: 'EX_POVERTY',
        createdByOrgId: officeId,
      });
      households.set(key, householdId);
      await seedLinkage(em, {
        supplierId: lianzhouId,
        householdId,
        type: 'PURCHASE_CONTRACT',
        terms: '奈李、生姜订单收购，保底价',
        validFrom: `${day().slice(0, 4)}-01-01`,
      });
    }
    const moId = await seedUser(em, {
      email: DEMO_FARMER_MO.email,
      displayName: DEMO_FARMER_MO.displayName,
      passwordHash,
    });
    await seedMembership(em, { userId: moId, role: 'FARMER', organizationId: lianzhouId });
    await seedHouseholdUser(em, ids.householdIds.get('mo')!, moId);
  });

  const as = async (email: string): Promise<RequestContext> => {
    const userId = await seedUserId(db.manager(system), email);
    const principal = userId && (await app.get(AuthService).load(userId));
    if (!principal) throw new Error(`demo account ${email} cannot act`);
    return new RequestContext(`demo-produce-${randomUUID()}`, principal);
  };
  const team = await as(ZHAIGANG_TEAM.email);
  const lianzhou = await as('lianzhou@demo.bangfu');
  const moFarmer = await as(DEMO_FARMER_MO.email);
  const offers = app.get(OfferService);
  const commitments = app.get(CommitmentService);
  const receipts = app.get(ReceiptService);
  const window = { availableFrom: day(), availableUntil: day(7) };
  const committed = (outcome: CommitOutcome): ProduceCommitment => {
    if (outcome instanceof OfferQuantityExceededError || outcome instanceof OfferNotOpenError)
      throw new Error(`demo commitment refused: ${JSON.stringify(outcome)}`);
    return outcome;
  };
  const received = (outcome: ReceiptOutcome): ProduceReceipt => {
    if (outcome instanceof ReceiptExceedsCommitmentError)
      throw new Error(`demo receipt refused: ${JSON.stringify(outcome)}`);
    return outcome;
  };

  // ── 黄金奈李: the town work team helps 盘金妹 sell 1,220 斤 ──
  const product = await app.get(ProductService).create(lianzhou, {
    supplierId: lianzhouId,
    title: NAILI.title,
    description: '寨岗镇金光村高山黄金奈李，果皮金黄、脆甜多汁；驻镇工作队帮助农户两天卖出 122 箱。',
    originRegionCode: ZHAIGANG.jinguang,
    variants: [
      { sku: NAILI.sku, spec: '10斤装', unit: '箱', retailPrice: 9800, agencyPrice: 9000, marketReferencePrice: 11800 },
    ],
  });
  await app.get(ProductService).publish(lianzhou, product.id);
  // The online hall sells certified products only: the town team verifies origin and linkage, the platform certifies.
  const admin = await as('admin@demo.bangfu');
  const certs = app.get(CertificationService);
  const cert = await certs.submit(lianzhou, product.id);
  await certs.verify(team, cert.id, '驻镇工作队核实：产地寨岗镇金光村，订单收购联结在册');
  const year = Number(day().slice(0, 4));
  await certs.certify(admin, cert.id, {
    certificateNo: `GD-QY-${year}-0388`,
    issuer: '清远市乡村振兴局',
    batch: `${year}年第四批`,
    validFrom: day(),
    validTo: `${year + 1}-12-31`,
  });
  await app.get(AttributionRuleService).setRule(lianzhou, {
    kind: AttributionKind.CONTRACT_PURCHASE,
    perUnitPayout: 500,
    productId: product.id,
    supplierId: lianzhouId,
    note: '奈李订单收购：每售出一箱再返农户 5 元',
  });
  const naili = await offers.create(team, {
    householdId: households.get('pan')!,
    cropName: '黄金奈李',
    variety: '奈李',
    quantity: NAILI.jin,
    unit: '斤',
    askingPrice: NAILI.pricePerJin,
    note: '驻镇工作队代登记',
    ...window,
  });
  const nailiDeal = committed(
    await commitments.commit(lianzhou, {
      offerId: naili.id,
      quantity: NAILI.jin,
      unitPrice: NAILI.pricePerJin,
      pickupDate: day(),
      supplierId: lianzhouId,
      note: '两天内分两车收完',
    }),
  );
  await commitments.accept(team, nailiDeal.id);
  const variantId = (await app.get(VariantService).listByProducts(system, [product.id])).find(
    (v) => v.sku === NAILI.sku,
  )!.id;
  const nailiReceipt = received(
    await receipts.record(lianzhou, {
      commitmentId: nailiDeal.id,
      quantity: NAILI.jin,
      newLot: { variantId, lotNo: NAILI.lotNo, harvestedOn: day() },
      lotQuantity: NAILI.boxes,
      householdConfirmation: '户主按手印',
    }),
  );
  await receipts.recordPayment(lianzhou, nailiReceipt.id, ProducePaymentMethod.WECHAT_PAY, 'WX-NAILI-0001', day());

  // …and the cooperative sells her boxes: customer@ buys two, paid, shipped, delivered.
  const customer = await as('customer@demo.bangfu');
  const placed = await app.get(CheckoutService).placeOrder(customer, {
    idempotencyKey: 'demo-produce-naili',
    channelId: ids.channelIds.get('hall-online')!,
    lines: [{ variantId, quantity: 2 }],
  });
  if (!(placed instanceof Order)) throw new Error(`demo naili order refused: ${JSON.stringify(placed)}`);
  const order = await app.get(OrderService).get(system, placed.id);
  await payDemoRetailOrder(app, customer, admin, order, new Date(), `DEMO-NAILI-${order.orderNo}`);
  const [so] = await app.get(OrderStateMachine).supplierOrders(system, order.id);
  await app.get(FulfilmentService).ship(lianzhou, so.id, '顺丰速运', `SF${order.orderNo.replace(/\D/g, '')}`);
  await app.get(FulfilmentService).confirmDelivery(customer, so.id, '已签收');

  // ── 菜心: 莫金凤 delivers short and disputes the month's purchase line ──
  const choySum = await offers.create(moFarmer, {
    cropName: '菜心',
    variety: '迟花菜心',
    quantity: 600,
    unit: '斤',
    askingPrice: 250,
    note: '',
    ...window,
  });
  const choyDeal = committed(
    await commitments.commit(lianzhou, {
      offerId: choySum.id,
      quantity: 500,
      unitPrice: 240,
      pickupDate: day(),
      supplierId: lianzhouId,
    }),
  );
  await commitments.accept(moFarmer, choyDeal.id);
  const cx = (await app.get(LotService).listForVariant(lianzhou, ids.variantIds.get('LZ-CX-5KG')!)).find(
    (l) => l.lotNo === 'CX-2611',
  )!;
  const choyReceipt = received(
    await receipts.record(lianzhou, { commitmentId: choyDeal.id, quantity: 480, lotId: cx.id, lotQuantity: 48 }),
  );
  await receipts.recordPayment(lianzhou, choyReceipt.id, ProducePaymentMethod.CASH, '现金收据 0317', day());
  await app.get(IncomeService).dispute(moFarmer, {
    month: day().slice(0, 7),
    kind: IncomeLineKind.PURCHASE_PAYMENT,
    receiptId: choyReceipt.id,
    note: '实交 500 斤，过秤只记了 480 斤',
  });

  // ── open offers for the portals: 新寨村 (assisted) and 云舍村 (farmer@) ──
  await offers.create(team, {
    householdId: households.get('fang')!,
    cropName: '生姜',
    variety: '小黄姜',
    quantity: 500,
    unit: '斤',
    askingPrice: 350,
    note: '驻镇工作队代登记',
    ...window,
  });
  await offers.create(await as('farmer@demo.bangfu'), {
    cropName: '鲜笋',
    variety: '方竹笋',
    quantity: 300,
    unit: '斤',
    askingPrice: 400,
    note: '可分批交货',
    ...window,
  });
}
