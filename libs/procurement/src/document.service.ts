import { ProcurementErrorCode } from './procurement.errors';
import { Injectable } from '@nestjs/common';
import { AppError, Db, forbidden, type RequestContext } from '@bangfu/core';
import { AppUser, Organization } from '@bangfu/identity';
import { BuyerKind, OrderDocument, type OrderLine, OrderService, OrderStatus, SupplierOrder } from '@bangfu/ordering';
import { In } from 'typeorm';
import { assertKnownId, UnitAccess } from './access';
import { shanghaiPeriod } from './dates';
import { type DocLine, renderAcceptanceRecord, renderPurchaseOrder } from './documents';
import { OrderBinding, PurchaseRequest } from './procurement.entities';
import { PurchaseRequestService } from './purchase-request.service';

/** Loads what the printable purchase order and acceptance record show, scope-checked like the data itself. */
@Injectable()
export class DocumentService {
  constructor(
    private readonly db: Db,
    private readonly access: UnitAccess,
    private readonly requests: PurchaseRequestService,
    private readonly orders: OrderService,
  ) {}

  async purchaseOrderHtml(ctx: RequestContext, requestId: string): Promise<string> {
    const request = await this.requests.get(ctx, requestId);
    if (!request.poNumber)
      throw new AppError(
        ProcurementErrorCode.PO_NOT_ISSUED,
        'The purchase order is issued when the request is approved',
        {
          status: request.status,
        },
      );
    const [unit, order, lines] = await Promise.all([
      this.access.unit(ctx, request.orgId),
      this.orders.get(ctx, request.orderId),
      this.orders.lines(ctx, request.orderId),
    ]);
    const names = await this.userNames(ctx, [request.purchaserUserId, request.decidedByUserId]);
    const [channel]: Array<{ name: string }> = await this.db
      .manager(ctx)
      .query(`SELECT name FROM channel_directory WHERE id = $1`, [request.channelId]);
    return renderPurchaseOrder({
      poNumber: request.poNumber,
      requestNo: request.requestNo,
      orderNo: order.orderNo,
      unitName: unit.name,
      unitCreditCode: unit.creditCode,
      purchaserName: names.get(request.purchaserUserId) ?? '—',
      approverName: request.decidedByUserId ? (names.get(request.decidedByUserId) ?? '—') : '系统（限额内免审批）',
      approvedAt: request.decidedAt,
      submittedAt: request.createdAt,
      terms: request.terms,
      channelName: channel?.name ?? '—',
      justification: request.justification,
      decisionComment: request.decisionComment,
      tradeUnion: request.tradeUnion,
      lines: await this.docLines(ctx, lines),
      totalAmount: order.totalAmount,
    });
  }

  async acceptanceRecordHtml(ctx: RequestContext, orderId: string): Promise<string> {
    assertKnownId(orderId, 'Order');
    const order = await this.orders.get(ctx, orderId);
    if (order.buyerKind !== BuyerKind.AGENCY || !order.buyerOrgId)
      throw new AppError(ProcurementErrorCode.NOT_AN_AGENCY_ORDER, 'Acceptance records are for agency orders', {
        field: 'orderId',
      });
    const binding = await this.db.repo(ctx, OrderBinding).findOneBy({ orderId });
    const unit = await this.access.unit(ctx, binding?.orgId ?? order.buyerOrgId);
    const buyerUnit = unit.id === order.buyerOrgId ? unit : await this.access.unit(ctx, order.buyerOrgId);
    if (!(await this.access.canRead(ctx, unit)) && !(await this.access.canRead(ctx, buyerUnit)))
      throw forbidden('This order is outside your scope');
    if (!order.acceptedAt)
      throw new AppError(
        ProcurementErrorCode.ORDER_NOT_ACCEPTED,
        `Order ${order.orderNo} has not been accepted (验收) yet`,
        {
          status: order.status,
        },
      );
    const [lines, supplierOrders, documents, request] = await Promise.all([
      this.orders.lines(ctx, order.id),
      this.db.repo(ctx, SupplierOrder).find({ where: { orderId: order.id }, order: { createdAt: 'ASC' } }),
      this.db
        .repo(ctx, OrderDocument)
        .find({ where: { orderId: order.id, inAcceptance: true }, order: { createdAt: 'ASC' } }),
      this.db.repo(ctx, PurchaseRequest).findOneBy({ orderId: order.id }),
    ]);
    const accepted = (await this.orders.entered(ctx, order.id, OrderStatus.ACCEPTED)).at(-1);
    const users = await this.userNames(ctx, [accepted?.actorUserId ?? null]);
    const suppliers = await this.orgNames(
      ctx,
      supplierOrders.map((so) => so.supplierId),
    );
    return renderAcceptanceRecord({
      orderNo: order.orderNo,
      poNumber: request?.poNumber ?? null,
      unitName: unit.name,
      unitCreditCode: unit.creditCode,
      paymentMode: order.paymentMode,
      invoiceNo: order.invoiceNo,
      placedAt: order.createdAt,
      deliveredAt: order.deliveredAt,
      acceptedAt: order.acceptedAt,
      acceptedByName: accepted?.actorUserId ? (users.get(accepted.actorUserId) ?? '—') : '—',
      countedYear: shanghaiPeriod(order.acceptedAt).year,
      tradeUnion: binding?.tradeUnion ?? false,
      shipments: supplierOrders.map((so) => ({
        supplierName: suppliers.get(so.supplierId) ?? so.supplierId,
        carrier: so.carrier,
        trackingNo: so.trackingNo,
        shippedAt: so.shippedAt,
        deliveredAt: so.deliveredAt,
        status: so.status,
      })),
      lines: await this.docLines(ctx, lines),
      documents: documents.map((d) => ({
        fileName: d.fileName,
        contentType: d.contentType,
        sizeBytes: d.sizeBytes,
        uploadedAt: d.createdAt,
      })),
      totalAmount: order.totalAmount,
      refundedAmount: order.refundedAmount,
    });
  }

  private async docLines(ctx: RequestContext, lines: OrderLine[]): Promise<DocLine[]> {
    const suppliers = await this.orgNames(
      ctx,
      lines.map((l) => l.supplierId),
    );
    return lines.map((l) => ({
      productTitle: l.productTitle,
      spec: l.spec,
      unit: l.unit,
      unitPrice: l.unitPrice,
      quantity: l.quantity,
      lineTotal: l.lineTotal,
      refundedAmount: l.refundedAmount,
      supplierName: suppliers.get(l.supplierId) ?? '—',
      certificateNo: l.certificateNo,
      certified: l.certified,
    }));
  }

  private async userNames(ctx: RequestContext, ids: Array<string | null>): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((x): x is string => !!x))];
    if (!wanted.length) return new Map();
    const users = await this.db.repo(ctx, AppUser).findBy({ id: In(wanted) });
    return new Map(users.map((u) => [u.id, u.displayName]));
  }

  private async orgNames(ctx: RequestContext, ids: string[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)];
    if (!wanted.length) return new Map();
    const orgs = await this.db.repo(ctx, Organization).findBy({ id: In(wanted) });
    return new Map(orgs.map((o) => [o.id, o.name]));
  }
}
