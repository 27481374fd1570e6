import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Db, Principal, RequestContext } from '@bangfu/core';
import { formatYuan } from '@bangfu/money';
import { AddressBookService, AuthService } from '@bangfu/identity';
import { deepestRegionUnder } from '@bangfu/region';
import { AttributionKind, AttributionRuleService, seedAttributionTotals } from '@bangfu/attribution';
import {
  CheckoutService,
  FulfilmentService,
  Order,
  OrderDocumentService,
  OrderService,
  OrderStateMachine,
  type PlaceOrderOutcome,
  type SupplierOrder,
  SupplierOrderStatus,
} from '@bangfu/ordering';
import { PaymentCoreService, PaymentService, seedStripePaymentSucceeded } from '@bangfu/payment';
import {
  CanteenMode,
  CompletionService,
  FilingService,
  LimitKind,
  LimitsService,
  ProcurementService,
  PurchaseRequest,
  PurchaseRequestService,
  PurchaseRequestStatus,
  PurchaseTerms,
  ShareRulesService,
  type SubmitOutcome,
} from '@bangfu/procurement';
import type { DemoCatalogIds } from './seed-catalog';
import { DEMO_SUPPLIERS } from './demo-catalog';
import {
  demoShipment,
  DEMO_FILINGS,
  DEMO_JURISDICTION_MINIMUMS,
  DEMO_LIMITS,
  DEMO_REQUESTS,
  DEMO_RETAIL_ORDER,
  DEMO_RULES,
  type DemoRequest,
} from './demo-activity';

/** What the activity seed reports in the one summary line. */
export interface DemoActivitySummary {
  requests: number;
  pendingApproval: number;
  orders: number;
  completionPercent: number | null;
  pendingAmount: number;
  householdIncome: number;
  households: number;
}

/** A one-page PDF standing in for the scanned invoice and inspection record (验收单) the buyer uploads. */
export function demoInvoicePdf(invoiceNo: string, orderNo: string): Buffer {
  const text = `Bangfu demo - invoice ${invoiceNo} - order ${orderNo} - inspected and accepted`;
  const stream = `BT /F1 12 Tf 50 780 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/**
 * Plays the demo's story through the real services, each step its own transaction as if a person had
 * clicked it: procurement set-up, attribution rules, purchase requests approved, paid, shipped,
 * delivered and accepted, and one retail order. Every actor acts as itself (a Principal loaded the way
 * a login does).
 */
export async function seedDemoActivity(
  app: INestApplicationContext,
  orgIds: Map<string, string>,
  userIds: Map<string, string>,
  ids: DemoCatalogIds,
): Promise<DemoActivitySummary> {
  const auth = app.get(AuthService);
  const principals = new Map<string, Principal>();
  const as = async (email: string): Promise<RequestContext> => {
    let p = principals.get(email);
    if (!p) {
      const loaded = await auth.load(userIds.get(email)!);
      if (!loaded) throw new Error(`demo account ${email} cannot act`);
      principals.set(email, (p = loaded));
    }
    return new RequestContext(`demo-seed-${randomUUID()}`, p);
  };
  const system = () => RequestContext.system('demo-seed');
  const staffOf = new Map(
    DEMO_SUPPLIERS.map((s) => [
      ids.supplierIds.get(s.key)!,
      { key: s.key, email: s.staff?.email ?? 'supplier@demo.bangfu' },
    ]),
  );
  const agencyId = orgIds.get('agency')!;
  const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

  const orders = app.get(OrderService);
  const fulfilment = app.get(FulfilmentService);
  const documents = app.get(OrderDocumentService);
  const payments = app.get(PaymentService);
  const requests = app.get(PurchaseRequestService);
  const procurement = app.get(ProcurementService);

  // ── procurement set-up ─────────────────────────────────────────────────────────────────────
  const admin = await as('admin@demo.bangfu');
  for (const m of DEMO_JURISDICTION_MINIMUMS)
    await app.get(ShareRulesService).setMinimum(admin, m.regionPrefix, m.ratioBps);
  const agencyAdmin = await as('agency-admin@demo.bangfu');
  for (const f of DEMO_FILINGS) {
    await app.get(FilingService).file(agencyAdmin, {
      orgId: orgIds.get(f.orgKey)!,
      year,
      canteenMode: CanteenMode.OWN,
      canteenBudget: f.canteenBudget,
      ratioBps: f.ratioBps,
      note: f.note,
    });
  }
  const limits = app.get(LimitsService);
  for (const [kind, email, amount] of [
    [LimitKind.SPENDING, 'purchaser@demo.bangfu', DEMO_LIMITS.purchaserSpending],
    [LimitKind.APPROVAL, 'approver@demo.bangfu', DEMO_LIMITS.approverApproval],
  ] as const)
    await limits.setLimit(agencyAdmin, kind, userIds.get(email)!, amount, agencyId);
  await limits.setPolicy(agencyAdmin, agencyId, { skipApprovalBelowLimit: true });

  // ── attribution rules, in force before the first order (a minute back: clock skew with the database) ──
  const effectiveFrom = new Date(Date.now() - 60_000).toISOString();
  for (const r of DEMO_RULES) {
    const staff = DEMO_SUPPLIERS.find((s) => s.key === r.supplierKey)!.staff?.email ?? 'supplier@demo.bangfu';
    const { supplierKey, productTitle, ...params } = r;
    await app.get(AttributionRuleService).setRule(await as(staff), {
      ...params,
      kind: r.kind === 'CONTRACT_PURCHASE' ? AttributionKind.CONTRACT_PURCHASE : AttributionKind.REVENUE_SHARE,
      productId: productTitle ? ids.productIds.get(productTitle)! : null,
      supplierId: ids.supplierIds.get(supplierKey)!,
      effectiveFrom,
    });
  }

  // ── helpers for the order's journey ────────────────────────────────────────────────────────
  const supplierOrders = async (orderId: string) => {
    const rows = await app.get(OrderStateMachine).supplierOrders(system(), orderId);
    const rank = (so: SupplierOrder) => DEMO_SUPPLIERS.findIndex((s) => s.key === staffOf.get(so.supplierId)!.key);
    return rows.sort((a, b) => rank(a) - rank(b));
  };
  const ship = async (order: Order, onlySupplierKeys?: string[]) => {
    for (const [i, so] of (await supplierOrders(order.id)).entries()) {
      const staff = staffOf.get(so.supplierId)!;
      if (
        so.status !== SupplierOrderStatus.AWAITING_SHIPMENT ||
        (onlySupplierKeys && !onlySupplierKeys.includes(staff.key))
      )
        continue;
      const { carrier, trackingNo } = demoShipment(staff.key, order.orderNo, i);
      await fulfilment.ship(await as(staff.email), so.id, carrier, trackingNo);
    }
  };
  const deliver = async (order: Order, buyer: string) => {
    for (const so of await supplierOrders(order.id)) {
      if (so.status === SupplierOrderStatus.SHIPPED)
        await fulfilment.confirmDelivery(await as(buyer), so.id, '已签收，数量、品质核对无误');
    }
  };
  const payByTransfer = async (orderId: string, reference: string) => {
    const order = await orders.get(system(), orderId);
    const payment = await payments.recordBankTransfer(await as('purchaser@demo.bangfu'), {
      orderId,
      reference,
      amount: order.totalAmount,
      paidAt: new Date().toISOString(),
    });
    await payments.confirmBankTransfer(admin, payment.id);
  };
  const accept = async (order: Order, invoiceNo: string) => {
    const purchaser = await as('purchaser@demo.bangfu');
    const doc = await documents.upload(
      purchaser,
      order.id,
      demoInvoicePdf(invoiceNo, order.orderNo),
      'application/pdf',
      `发票及验收单-${invoiceNo}.pdf`,
    );
    await orders.accept(purchaser, order.id, { invoiceNo, documents: [doc.storageKey] });
  };

  // ── purchase requests of 广州市教育局 ───────────────────────────────────────────────────────
  const journey = async (r: DemoRequest, n: number): Promise<PurchaseRequest> => {
    const outcome: SubmitOutcome = await requests.submit(await as('purchaser@demo.bangfu'), {
      buyerOrgId: agencyId,
      channelId: ids.channelIds.get('hall-online')!,
      lines: r.lines.map((l) => ({ variantId: ids.variantIds.get(l.sku)!, quantity: l.quantity })),
      justification: r.justification,
      terms: r.terms === 'PREPAY' ? PurchaseTerms.PREPAY : PurchaseTerms.ON_DELIVERY,
      idempotencyKey: r.key,
    });
    if (!(outcome instanceof PurchaseRequest))
      throw new Error(`demo request ${r.key} refused: ${JSON.stringify(outcome)}`);
    let request = outcome;
    if (r.stage === 'PENDING_APPROVAL') return request;
    if (request.status === PurchaseRequestStatus.PENDING_APPROVAL)
      request = await requests.approve(await as('approver@demo.bangfu'), request.id, '同意，按采购计划执行');
    const reference = `GZJY${year}${String(n + 1).padStart(4, '0')}`;
    if (r.terms === 'PREPAY') await payByTransfer(request.orderId, reference);
    let order = await orders.get(system(), request.orderId);
    await ship(order, r.stage === 'PART_SHIPPED' ? r.shippedBy : undefined);
    if (r.stage === 'ACCEPTED') {
      await deliver(order, 'purchaser@demo.bangfu');
      order = await orders.get(system(), order.id);
      await accept(order, r.invoiceNo!);
      if (r.terms === 'ON_DELIVERY') await payByTransfer(order.id, reference);
    }
    await procurement.syncOrder(system(), order.id);
    return request;
  };
  const made: PurchaseRequest[] = [];
  for (const [n, r] of DEMO_REQUESTS.entries()) made.push(await journey(r, n));

  // ── a retail order in the online hall ──────────────────────────────────────────────────────
  const customer = 'customer@demo.bangfu';
  // The customer's default delivery address (a village of a demo county when villages are loaded).
  const village = (await deepestRegionUnder(app.get(Db).manager(system()), '5206'))!;
  const address = await app.get(AddressBookService).create(await as(customer), {
    recipient: '张顾客',
    phone: '13800138000',
    regionCode: village,
    detail: '幸福路 8 号',
    isDefault: true,
  });
  const placed: PlaceOrderOutcome = await app.get(CheckoutService).placeOrder(await as(customer), {
    idempotencyKey: DEMO_RETAIL_ORDER.key,
    addressId: address.id,
    channelId: ids.channelIds.get(DEMO_RETAIL_ORDER.channelKey)!,
    lines: DEMO_RETAIL_ORDER.lines.map((l) => ({ variantId: ids.variantIds.get(l.sku)!, quantity: l.quantity })),
  });
  if (!(placed instanceof Order)) throw new Error(`demo retail order refused: ${JSON.stringify(placed)}`);
  const retail = await orders.get(system(), placed.id);
  await payDemoRetailOrder(app, await as(customer), admin, retail, new Date(), `DEMO-RETAIL-${retail.orderNo}`);
  await ship(retail);
  await deliver(retail, customer);

  // ── the figures the demo shows ─────────────────────────────────────────────────────────────
  const share = await app.get(CompletionService).reservedShare(agencyAdmin, agencyId, year);
  const attributed = await seedAttributionTotals(app.get(Db).manager(system()));
  return {
    requests: made.length,
    pendingApproval: made.filter((r) => r.status === PurchaseRequestStatus.PENDING_APPROVAL).length,
    orders: made.length + 1,
    completionPercent: share.completionPercent,
    pendingAmount: share.pendingAmount,
    householdIncome: attributed.amount,
    households: attributed.households,
  };
}

/**
 * A demo customer pays a retail order. Without Stripe keys (the embedded default) by transfer, which
 * platform finance confirms; with Stripe, as its webhook would apply it (see payRetailByWebhookPath).
 * Returns how it was paid: a WEBHOOK payment never reached Stripe, so it cannot be refunded there.
 */
export async function payDemoRetailOrder(
  app: INestApplicationContext,
  buyer: RequestContext,
  admin: RequestContext,
  order: Order,
  paidAt: Date,
  reference: string,
): Promise<'TRANSFER' | 'WEBHOOK'> {
  if (app.get(PaymentCoreService).stripe.enabled) {
    await payRetailByWebhookPath(app, order);
    return 'WEBHOOK';
  }
  const payments = app.get(PaymentService);
  const transfer = await payments.recordBankTransfer(buyer, {
    orderId: order.id,
    reference,
    amount: order.totalAmount,
    paidAt: paidAt.toISOString(),
  });
  await payments.confirmBankTransfer(admin, transfer.id);
  return 'TRANSFER';
}

/**
 * Where Stripe is configured (e.g. pointed at a test stand-in) nobody will send the demo's webhook, so
 * the customer's WeChat Pay payment is recorded as its intent would have been and applied by
 * `PaymentCoreService.applySucceeded` — the code the `payment_intent.succeeded` webhook runs.
 */
async function payRetailByWebhookPath(app: INestApplicationContext, order: Order): Promise<void> {
  await seedStripePaymentSucceeded(app.get(Db), app.get(PaymentCoreService), RequestContext.system('demo-seed'), order);
}

export const describeDemoActivity = (s: DemoActivitySummary) =>
  `${s.requests} purchase requests (${s.pendingApproval} awaiting approval), ${s.orders} orders, 广州市教育局 completion ${s.completionPercent ?? 0}% (pending ${formatYuan(s.pendingAmount)}), ` +
  `${formatYuan(s.householdIncome)} income attributed to ${s.households} households`;
