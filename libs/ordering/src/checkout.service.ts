import { OrderingErrorCode } from './ordering.errors';
import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import {
  ErrorCode,
  AppError,
  Db,
  findRaw,
  forbidden,
  isUuid,
  prepared,
  type RequestContext,
  Role,
  uniqueViolation,
} from '@bangfu/core';
import { StockService, type VariantForSale, VariantService } from '@bangfu/catalog';
import { OrderPendingApproval, OrderPlaced } from '@bangfu/events';
import { AddressBookService, type AddressSnapshot } from '@bangfu/identity';
import { AgencyCheckoutGate } from './agency-checkout';
import { ORDERING_CONFIG, type OrderingConfig } from './ordering.config';
import { OrderStateMachine } from './order-state.service';
import {
  ActorKind,
  BuyerKind,
  LineCertificationStatus,
  Order,
  OrderLine,
  OrderStatus,
  PaymentMode,
  PriceKind,
  SupplierOrder,
  SupplierOrderStatus,
} from './ordering.entities';
import {
  CertificationInvalidError,
  type CheckoutOutcome,
  InsufficientStockError,
  InvalidOrderInputError,
  type PlaceOrderInput,
  type PlaceOrderOutcome,
  ProductUnavailableError,
  PurchaseRequestRequiredError,
  UnavailableReason,
} from './ordering.types';

export const MAX_LINES = 50;
export const MAX_QUANTITY = 10_000;
const KEY = /^[A-Za-z0-9._:-]{1,128}$/;

export interface PlaceOrderOptions {
  /**
   * For trusted callers placing a retail order in the name of a user they already authorised (the
   * counter channel's walk-in account). Without it the caller must be the buyer. Agency orders are
   * never placed this way: they go through the procurement policy (`placeForApproval`).
   */
  buyerUserId?: string;
}

/** Roles that make a user staff of an agency: buying without buyerOrgId, they pay with their own money. */
const AGENCY_STAFF_ROLES = [Role.PURCHASER, Role.APPROVER, Role.AGENCY_ADMIN];

interface Buyer {
  userId: string;
  kind: BuyerKind;
  orgId: string | null;
  staffOfOrgId: string | null;
  /** A trusted caller's walk-in sale (the counter): handed over on the spot, nothing to ship. */
  handedOver?: boolean;
}

interface VariantRow {
  variant_id: string;
  sku: string;
  spec: string;
  unit: string;
  retail_price: string;
  agency_price: string;
  active: boolean;
  product_id: string;
  title: string;
  product_status: string;
  origin_region_code: string;
  supplier_id: string;
  supplier_status: string;
  placed: boolean;
  cert_status: string | null;
  certificate_no: string | null;
  cert_valid_from: string | null;
  cert_valid_to: string | null;
  today: string;
}

interface PricedLine {
  row: VariantRow;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
  certification: LineCertificationStatus;
}

interface Channel {
  id: string;
  online: boolean;
  kind: string;
  assistanceOnly: boolean;
}

/** One product's facts from its owners' views, as the checkout reads them. */
interface BasketFacts {
  product_id: string;
  supplier_status: string | null;
  placed: boolean;
  cert_status: string | null;
  certificate_no: string | null;
  cert_valid_from: string | null;
  cert_valid_to: string | null;
  today: string;
}

/** Thrown inside the transaction when the buyer's key is already taken: answered with that order. */
class KeyTaken extends Error {
  constructor() {
    super('idempotency key taken');
  }
}

/** Thrown inside the transaction to roll everything back and answer with a union member. */
class Refusal extends Error {
  constructor(readonly outcome: PlaceOrderOutcome) {
    super('refused');
  }
}

const invalid = (code: string, message: string, field: string | null = null) =>
  Object.assign(new InvalidOrderInputError(), { code, message, field });

function effectiveCertification(row: VariantRow): LineCertificationStatus {
  if (!row.cert_status) return LineCertificationStatus.NONE;
  if (row.cert_status === 'CERTIFIED') {
    if (row.cert_valid_to && row.cert_valid_to < row.today) return LineCertificationStatus.EXPIRED;
    if (row.cert_valid_from && row.cert_valid_from > row.today) return LineCertificationStatus.NOT_YET_VALID;
  }
  return row.cert_status as LineCertificationStatus;
}

/**
 * Checkout: one order per call, one supplier order per supplier, prices and certification read from
 * the catalogue and snapshotted on each line, stock reserved with one conditional UPDATE for all lines.
 * The idempotency key is claimed by inserting the order row first (unique per buyer and key), so of
 * concurrent identical calls one proceeds and the others wait, then return the winner.
 */
@Injectable()
export class CheckoutService {
  constructor(
    private readonly db: Db,
    private readonly stock: StockService,
    private readonly variants: VariantService,
    private readonly machine: OrderStateMachine,
    private readonly gate: AgencyCheckoutGate,
    private readonly addresses: AddressBookService,
    @Inject(ORDERING_CONFIG) private readonly config: OrderingConfig,
  ) {}

  /**
   * The checkout. Retail (no buyerOrgId): a customer, or agency staff with their own money, buys at
   * retail prices and the order is PLACED. Agency-paid (buyerOrgId): a purchaser of that unit, and
   * the basket goes through the unit's procurement policy, exactly as submitPurchaseRequest does —
   * never straight to PLACED; without a policy in force it is refused (PURCHASE_REQUEST_REQUIRED).
   */
  placeOrder(
    ctx: RequestContext,
    input: PlaceOrderInput & { buyerOrgId?: null },
    options?: PlaceOrderOptions,
  ): Promise<PlaceOrderOutcome>;
  placeOrder(ctx: RequestContext, input: PlaceOrderInput, options?: PlaceOrderOptions): Promise<CheckoutOutcome>;
  async placeOrder(
    ctx: RequestContext,
    input: PlaceOrderInput,
    options: PlaceOrderOptions = {},
  ): Promise<CheckoutOutcome> {
    const shapeError = this.checkShape(input);
    if (shapeError) return shapeError;
    if (input.buyerOrgId) return this.agencyCheckout(ctx, input, options);
    const buyer = this.retailBuyer(ctx, input, options);
    if (buyer instanceof InvalidOrderInputError) return buyer;
    return this.place(ctx, input, buyer, OrderStatus.PLACED);
  }

  /**
   * For the procurement policy only: the agency order of a basket it has accepted for review, in the
   * name of the purchaser it authorised. It starts PENDING_APPROVAL (stock held, no deadline); only
   * the approval move to PLACED (approver, or the system within the limit) makes it payable.
   */
  async placeForApproval(ctx: RequestContext, input: PlaceOrderInput, buyerUserId: string): Promise<PlaceOrderOutcome> {
    if (!input.buyerOrgId) throw new Error('placeForApproval places agency orders only');
    const shapeError = this.checkShape(input);
    if (shapeError) return shapeError;
    return this.place(
      ctx,
      input,
      { userId: buyerUserId, kind: BuyerKind.AGENCY, orgId: input.buyerOrgId, staffOfOrgId: null },
      OrderStatus.PENDING_APPROVAL,
    );
  }

  private async agencyCheckout(
    ctx: RequestContext,
    input: PlaceOrderInput,
    options: PlaceOrderOptions,
  ): Promise<CheckoutOutcome> {
    if (options.buyerUserId)
      throw new Error('Agency orders are placed through the procurement policy, not in another user’s name');
    const orgId = input.buyerOrgId as string;
    if (!ctx.requirePrincipal().organizationIds(Role.PURCHASER).includes(orgId))
      throw forbidden('Only a purchaser (PURCHASER) of that agency may order for it');
    const policy = this.gate.policy;
    if (!policy) {
      return Object.assign(new PurchaseRequestRequiredError(), {
        message:
          'Orders paid by an agency need its procurement policy (limits and approval): submit the basket with submitPurchaseRequest',
      });
    }
    return policy.placeAgencyOrder(ctx, input);
  }

  private async place(
    ctx: RequestContext,
    input: PlaceOrderInput,
    buyer: Buyer,
    initialStatus: OrderStatus,
  ): Promise<PlaceOrderOutcome> {
    const hash = checkoutHash(input);
    let order: Order;
    try {
      order = await this.db.transaction(ctx, (tx) => this.placeInTransaction(tx, input, buyer, hash, initialStatus));
    } catch (e) {
      if (e instanceof Refusal) return e.outcome;
      // A retry (the key was taken when the checkout read it), or a concurrent call with the same key
      // committed first: answer with its order (or IDEMPOTENCY_KEY_REUSED for another basket).
      if (e instanceof KeyTaken || (uniqueViolation(e, 'orders_idempotency_key') && !ctx.em)) {
        const winner = await this.findByKey(ctx, buyer.userId, input.idempotencyKey, hash);
        if (winner) return winner;
      }
      throw e;
    }
    // The expiry job is added after COMMIT, so the transaction (and its stock row locks) does not wait on
    // Redis. Not lost if this process dies first, or Redis refuses: the expiry sweep cancels every
    // overdue unpaid order it finds (ordering.jobs.ts). Inside a caller's transaction this still runs
    // before that commits; if the caller rolls back, the job finds no order and does nothing.
    if (order.paymentDueAt) await this.machine.scheduleExpiryAfterCommit(order.id, order.paymentDueAt);
    return order;
  }

  private checkShape(input: PlaceOrderInput): InvalidOrderInputError | null {
    if (typeof input.idempotencyKey !== 'string' || !KEY.test(input.idempotencyKey)) {
      return invalid(
        OrderingErrorCode.INVALID_IDEMPOTENCY_KEY,
        'idempotencyKey must be 1–128 characters of letters, digits and . _ : -',
        'idempotencyKey',
      );
    }
    const lines = input.lines ?? [];
    if (lines.length === 0) return invalid(OrderingErrorCode.NO_LINES, 'An order needs at least one line', 'lines');
    if (lines.length > MAX_LINES)
      return invalid(OrderingErrorCode.TOO_MANY_LINES, `An order has at most ${MAX_LINES} lines`, 'lines');
    if (input.buyerOrgId && input.staffOfOrgId) {
      return invalid(
        OrderingErrorCode.STAFF_ORDER_IS_RETAIL,
        'staffOfOrgId is for purchases with your own money; leave it out when the agency pays',
        'staffOfOrgId',
      );
    }
    const seen = new Set<string>();
    for (const [i, line] of lines.entries()) {
      const q = line.quantity;
      if (!Number.isSafeInteger(q) || q < 1)
        return invalid(
          OrderingErrorCode.INVALID_QUANTITY,
          `lines[${i}].quantity must be a whole number of at least 1`,
          `lines[${i}].quantity`,
        );
      if (q > MAX_QUANTITY)
        return invalid(
          OrderingErrorCode.QUANTITY_TOO_LARGE,
          `lines[${i}].quantity may be at most ${MAX_QUANTITY}`,
          `lines[${i}].quantity`,
        );
      const id = String(line.variantId).toLowerCase();
      // Refused rather than merged: two lines for one variant are a client bug worth surfacing.
      if (seen.has(id))
        return invalid(
          OrderingErrorCode.DUPLICATE_LINE,
          `lines[${i}] repeats a variant; put the whole quantity on one line`,
          `lines[${i}].variantId`,
        );
      seen.add(id);
    }
    return null;
  }

  /**
   * Retail: a CUSTOMER, or staff of an agency paying with their own money (recorded as staff of that
   * unit for its separate staff figures; never its limits, approval or payment).
   */
  private retailBuyer(
    ctx: RequestContext,
    input: PlaceOrderInput,
    options: PlaceOrderOptions,
  ): Buyer | InvalidOrderInputError {
    if (options.buyerUserId)
      return {
        userId: options.buyerUserId,
        kind: BuyerKind.CUSTOMER,
        orgId: null,
        staffOfOrgId: null,
        handedOver: true,
      };
    const p = ctx.requirePrincipal();
    const units = p.organizationIds(...AGENCY_STAFF_ROLES);
    let staffOfOrgId: string | null = null;
    if (input.staffOfOrgId) {
      if (!units.includes(input.staffOfOrgId)) throw forbidden('staffOfOrgId must be an agency you work for');
      staffOfOrgId = input.staffOfOrgId;
    } else if (units.length === 1) {
      staffOfOrgId = units[0];
    } else if (units.length > 1) {
      return invalid(
        OrderingErrorCode.STAFF_UNIT_REQUIRED,
        'You work for several agencies: name the one whose staff purchase this is in staffOfOrgId',
        'staffOfOrgId',
      );
    }
    if (!staffOfOrgId && !p.hasRole(Role.CUSTOMER))
      throw forbidden('Retail orders need a customer account; agency purchasers pass buyerOrgId');
    return { userId: p.userId, kind: BuyerKind.CUSTOMER, orgId: null, staffOfOrgId };
  }

  private async findByKey(ctx: RequestContext, userId: string, key: string, hash: string): Promise<Order | null> {
    const order = await this.db.repo(ctx, Order).findOneBy({ buyerUserId: userId, idempotencyKey: key });
    if (!order) return null;
    if (order.requestHash !== hash) {
      throw new AppError(
        ErrorCode.IDEMPOTENCY_KEY_REUSED,
        'This idempotency key was already used for a different checkout; use a new key',
        { field: 'idempotencyKey', orderId: order.id },
      );
    }
    return order;
  }

  private async placeInTransaction(
    tx: RequestContext,
    input: PlaceOrderInput,
    buyer: Buyer,
    hash: string,
    initialStatus: OrderStatus,
  ): Promise<Order> {
    const m = this.db.manager(tx);
    const { channel, priced } = await this.readBasket(tx, input, buyer);
    const address = await this.deliveryAddress(tx, input, buyer, channel);

    let total = 0n;
    for (const line of priced) total += BigInt(line.lineTotal);
    if (total > BigInt(Number.MAX_SAFE_INTEGER))
      throw new Refusal(invalid(OrderingErrorCode.AMOUNT_TOO_LARGE, 'The order total is too large', 'lines'));

    // The order row first: it claims the idempotency key before any stock is touched. Its history row
    // is written by the same statement, and the row comes back whole (RETURNING), so nothing re-reads it.
    const draft = { buyerKind: buyer.kind, paymentMode: PaymentMode.PREPAY };
    const dueAt = initialStatus === OrderStatus.PLACED ? this.machine.paymentDeadline(draft, new Date()) : null;
    const [order] = await findRaw(
      m,
      Order,
      (columns) =>
        `WITH o AS (
           INSERT INTO orders (buyer_kind, buyer_user_id, buyer_org_id, channel_id, status, payment_mode, total_amount, payment_due_at, idempotency_key, request_hash, staff_of_org_id, delivery_address)
           VALUES ($1, $2, $3, $4, $5, 'PREPAY', $6, $7, $8, $9, $10, $11) RETURNING *
         ), h AS (
           INSERT INTO order_history (order_id, from_status, to_status, actor_kind, actor_user_id, reason, data)
           SELECT id, NULL, $5, '${ActorKind.BUYER}', $2, 'order placed', '{}'::jsonb FROM o
         )
         SELECT ${columns} FROM o`,
      [
        buyer.kind,
        buyer.userId,
        buyer.orgId,
        channel.id,
        initialStatus,
        Number(total),
        dueAt,
        input.idempotencyKey,
        hash,
        buyer.staffOfOrgId,
        address ? JSON.stringify(address) : null,
      ],
    );

    const { supplierOrders, lines } = await this.insertParts(tx, order, channel.id, buyer.kind, priced);

    // Every line reserved in one statement (rows locked in variant id order: no deadlock between orders).
    const short = await this.stock.reserve(
      tx,
      priced.map((l) => ({ variantId: l.row.variant_id, quantity: l.quantity })),
    );
    if (short) {
      const line = priced.find((l) => l.row.variant_id === short.variantId)!;
      const available = await this.stock.available(tx, short.variantId);
      throw new Refusal(
        Object.assign(new InsufficientStockError(), {
          message: `Only ${Math.max(0, available)} of ${line.row.sku} available, ${line.quantity} requested`,
          variantId: line.row.variant_id,
          requested: line.quantity,
          available: Math.max(0, available),
        }),
      );
    }

    await this.machine.publish(
      tx,
      initialStatus === OrderStatus.PLACED ? OrderPlaced : OrderPendingApproval,
      order,
      null,
      {},
      { supplierOrders, lines },
    );
    return order;
  }

  /**
   * Every supplier order and every line in ONE prepared statement over arrays (its text does not
   * depend on the number of suppliers or lines), each line joined to its supplier order's new id. What
   * was written is returned as entities for the OrderPlaced payload, so publishing reads none of it
   * back: the statement returns the generated ids and times, the rest is what was sent.
   */
  private async insertParts(
    tx: RequestContext,
    order: Order,
    channelId: string,
    kind: BuyerKind,
    priced: PricedLine[],
  ): Promise<{ supplierOrders: SupplierOrder[]; lines: OrderLine[] }> {
    const bySupplier = new Map<string, PricedLine[]>();
    for (const line of priced)
      bySupplier.set(line.row.supplier_id, [...(bySupplier.get(line.row.supplier_id) ?? []), line]);
    const subtotals = [...bySupplier].map(([supplierId, ls]) => ({
      supplierId,
      subtotal: ls.reduce((sum, l) => sum + l.lineTotal, 0),
    }));
    const ordered = [...bySupplier.values()].flat();
    const priceKind = kind === BuyerKind.AGENCY ? PriceKind.AGENCY : PriceKind.RETAIL;
    const column = <K extends keyof VariantRow>(k: K) => ordered.map((l) => l.row[k]);
    const rows: Array<{ part: 'so' | 'line'; id: string; key: string; created_at: Date; updated_at: Date | null }> =
      await this.db.manager(tx).query(
        prepared(`WITH so AS (
           INSERT INTO supplier_order (order_id, supplier_id, status, subtotal)
           SELECT $1, x.supplier_id, '${SupplierOrderStatus.AWAITING_SHIPMENT}', x.subtotal
             FROM unnest($2::uuid[], $3::bigint[]) AS x(supplier_id, subtotal)
           RETURNING id, supplier_id, created_at, updated_at
         ), l AS (
           INSERT INTO order_line (order_id, supplier_order_id, supplier_id, channel_id, variant_id, product_id, product_title, sku, spec, unit,
                                   price_kind, unit_price, quantity, line_total, refunded_amount, certified, certification_status, certificate_no, origin_region_code)
           SELECT $1, so.id, x.supplier_id, $4, x.variant_id, x.product_id, x.title, x.sku, x.spec, x.unit,
                  $5, x.unit_price, x.quantity, x.line_total, 0, x.certification = '${LineCertificationStatus.CERTIFIED}', x.certification, x.certificate_no, x.origin
             FROM unnest($6::uuid[], $7::uuid[], $8::uuid[], $9::text[], $10::text[], $11::text[], $12::text[], $13::bigint[], $14::int[], $15::bigint[], $16::text[], $17::text[], $18::text[])
                  AS x(supplier_id, variant_id, product_id, title, sku, spec, unit, unit_price, quantity, line_total, certification, certificate_no, origin)
             JOIN so ON so.supplier_id = x.supplier_id
           RETURNING id, variant_id, created_at
         )
         SELECT 'so' AS part, id, supplier_id AS key, created_at, updated_at FROM so
         UNION ALL SELECT 'line', id, variant_id, created_at, NULL FROM l`),
        [
          order.id,
          subtotals.map((s) => s.supplierId),
          subtotals.map((s) => s.subtotal),
          channelId,
          priceKind,
          column('supplier_id'),
          column('variant_id'),
          column('product_id'),
          column('title'),
          column('sku'),
          column('spec'),
          column('unit'),
          ordered.map((l) => l.unitPrice),
          ordered.map((l) => l.quantity),
          ordered.map((l) => l.lineTotal),
          ordered.map((l) => l.certification),
          column('certificate_no'),
          column('origin_region_code'),
        ],
      );
    // Matched by supplier and by variant (each unique in an order), not by the order rows came back in.
    const written = new Map(rows.map((r) => [`${r.part}:${r.key}`, r]));
    const supplierOrders = subtotals.map(({ supplierId, subtotal }) => {
      const r = written.get(`so:${supplierId}`)!;
      return Object.assign(new SupplierOrder(), {
        id: r.id,
        orderId: order.id,
        supplierId,
        status: SupplierOrderStatus.AWAITING_SHIPMENT,
        subtotal,
        carrier: null,
        trackingNo: null,
        deliveryProof: null,
        shippedAt: null,
        deliveredAt: null,
        createdAt: new Date(r.created_at),
        updatedAt: new Date(r.updated_at ?? r.created_at),
      });
    });
    const soOf = new Map(supplierOrders.map((so) => [so.supplierId, so.id]));
    const lines = ordered.map((l) => {
      const r = written.get(`line:${l.row.variant_id}`)!;
      return Object.assign(new OrderLine(), {
        id: r.id,
        orderId: order.id,
        supplierOrderId: soOf.get(l.row.supplier_id)!,
        supplierId: l.row.supplier_id,
        channelId,
        variantId: l.row.variant_id,
        productId: l.row.product_id,
        productTitle: l.row.title,
        sku: l.row.sku,
        spec: l.row.spec,
        unit: l.row.unit,
        priceKind,
        unitPrice: l.unitPrice,
        quantity: l.quantity,
        lineTotal: l.lineTotal,
        refundedAmount: 0,
        certified: l.certification === LineCertificationStatus.CERTIFIED,
        certificationStatus: l.certification,
        certificateNo: l.row.certificate_no,
        originRegionCode: l.row.origin_region_code,
        createdAt: new Date(r.created_at),
      });
    });
    return { supplierOrders, lines };
  }

  /**
   * The buyer's chosen address, copied for the order (it must be theirs). Retail orders in a channel
   * that ships (online) need one when ORDER_DELIVERY_ADDRESS_REQUIRED is on; a counter sale is
   * handed over on the spot and a physical hall sells over the counter, so neither does.
   */
  private async deliveryAddress(
    tx: RequestContext,
    input: PlaceOrderInput,
    buyer: Buyer,
    channel: { online: boolean },
  ): Promise<AddressSnapshot | null> {
    if (!input.addressId) {
      if (
        this.config.deliveryAddressRequired &&
        buyer.kind === BuyerKind.CUSTOMER &&
        !buyer.handedOver &&
        channel.online
      ) {
        throw new Refusal(
          invalid(
            OrderingErrorCode.DELIVERY_ADDRESS_REQUIRED,
            'Choose a delivery address (addressId) for an order that ships',
            'addressId',
          ),
        );
      }
      return null;
    }
    if (!isUuid(String(input.addressId)))
      throw new Refusal(
        invalid(OrderingErrorCode.UNKNOWN_ADDRESS, 'addressId is not one of your addresses', 'addressId'),
      );
    try {
      return await this.addresses.snapshot(tx, buyer.userId, input.addressId);
    } catch (e) {
      if (e instanceof AppError && e.code === 'UNKNOWN_ADDRESS')
        throw new Refusal(invalid(OrderingErrorCode.UNKNOWN_ADDRESS, e.message, 'addressId'));
      throw e;
    }
  }

  /**
   * The checkout's reads, in two statements whatever the number of lines: catalog's variants and
   * products, then in one query whether this buyer already used the key (a retry: answered with that
   * order), the channel, and over the owners' views each product's supplier admission, placement in
   * the channel and the certification that counts today. The checks then run in the order a client
   * sees them: channel, then each line.
   */
  private async readBasket(
    tx: RequestContext,
    input: PlaceOrderInput,
    buyer: Buyer,
  ): Promise<{ channel: Channel; priced: PricedLine[] }> {
    const channelId = isUuid(String(input.channelId)) ? String(input.channelId) : null;
    const variants = await this.variants.forSale(
      tx,
      input.lines.map((l) => String(l.variantId)).filter((id) => isUuid(id)),
    );
    const rows: Array<
      BasketFacts & {
        taken: boolean | null;
        id: string | null;
        online: boolean;
        kind: string;
        assistance_only: boolean;
        status: string;
      }
    > = await this.db.manager(tx).query(
      prepared(`SELECT h.taken, h.id, h.online, h.kind, h.assistance_only, h.status, f.*
           FROM (SELECT (SELECT true FROM orders WHERE buyer_user_id = $4 AND idempotency_key = $5) AS taken,
                        c.id, c.online, c.kind, c.assistance_only, c.status
                   FROM (SELECT 1) AS one LEFT JOIN channel_directory c ON c.id = $3::uuid) AS h
           LEFT JOIN LATERAL (
             SELECT x.product_id, sd.status AS supplier_status,
                    EXISTS (SELECT 1 FROM channel_placement cp WHERE cp.channel_id = $3::uuid AND cp.product_id = x.product_id) AS placed,
                    pc.status AS cert_status, pc.certificate_no, pc.valid_from::text AS cert_valid_from,
                    pc.valid_to::text AS cert_valid_to, ((now() AT TIME ZONE 'Asia/Shanghai')::date)::text AS today
               FROM unnest($1::uuid[], $2::uuid[]) AS x(product_id, supplier_id)
               LEFT JOIN supplier_directory sd ON sd.organization_id = x.supplier_id
               LEFT JOIN product_certification pc ON pc.product_id = x.product_id
           ) AS f ON true`),
      [
        variants.map((v) => v.productId),
        variants.map((v) => v.supplierId),
        channelId,
        buyer.userId,
        input.idempotencyKey,
      ],
    );
    const [head] = rows;
    if (head.taken) throw new KeyTaken();
    if (!channelId || !head.id)
      throw new Refusal(invalid(OrderingErrorCode.UNKNOWN_CHANNEL, 'channelId is not a channel', 'channelId'));
    if (head.status !== 'ACTIVE')
      throw new Refusal(invalid(OrderingErrorCode.CHANNEL_DISABLED, 'This channel is disabled', 'channelId'));
    const channel = { id: head.id, online: head.online, kind: head.kind, assistanceOnly: head.assistance_only };
    const facts = rows.filter((r) => r.product_id !== null);
    return { channel, priced: this.priceLines(input, channel, buyer.kind, variants, facts) };
  }

  /**
   * Checks the channel rules on every line: published product of an approved supplier, active
   * variant, placed in the channel unless it is an online hall (which sells everything published),
   * certified today in an assistance-only channel. Prices come from here, never from the client.
   */
  private priceLines(
    input: PlaceOrderInput,
    channel: Channel,
    kind: BuyerKind,
    variants: VariantForSale[],
    facts: BasketFacts[],
  ): PricedLine[] {
    for (const line of input.lines) {
      if (!isUuid(String(line.variantId)))
        throw new Refusal(unavailable(line.variantId, UnavailableReason.UNKNOWN_VARIANT));
    }
    const factsOf = new Map(facts.map((f) => [f.product_id, f]));
    const rows: VariantRow[] = variants.map((v) => {
      const f = factsOf.get(v.productId)!;
      return {
        variant_id: v.variantId,
        sku: v.sku,
        spec: v.spec,
        unit: v.unit,
        retail_price: v.retailPrice,
        agency_price: v.agencyPrice,
        active: v.active,
        product_id: v.productId,
        title: v.title,
        product_status: v.productStatus,
        origin_region_code: v.originRegionCode,
        supplier_id: v.supplierId,
        supplier_status: f.supplier_status ?? '',
        placed: f.placed,
        cert_status: f.cert_status,
        certificate_no: f.certificate_no,
        cert_valid_from: f.cert_valid_from,
        cert_valid_to: f.cert_valid_to,
        today: f.today,
      };
    });
    const byId = new Map(rows.map((r) => [r.variant_id.toLowerCase(), r]));
    const priced: PricedLine[] = [];
    for (const line of input.lines) {
      const row = byId.get(String(line.variantId).toLowerCase());
      if (!row) throw new Refusal(unavailable(line.variantId, UnavailableReason.UNKNOWN_VARIANT));
      if (row.product_status !== 'PUBLISHED')
        throw new Refusal(unavailable(row.variant_id, UnavailableReason.PRODUCT_NOT_PUBLISHED));
      if (row.supplier_status !== 'APPROVED')
        throw new Refusal(unavailable(row.variant_id, UnavailableReason.SUPPLIER_NOT_APPROVED));
      if (!row.active) throw new Refusal(unavailable(row.variant_id, UnavailableReason.VARIANT_INACTIVE));
      const sellsEverything = channel.kind === 'HALL' && channel.online;
      if (!sellsEverything && !row.placed)
        throw new Refusal(unavailable(row.variant_id, UnavailableReason.NOT_IN_CHANNEL));
      const certification = effectiveCertification(row);
      if (channel.assistanceOnly && certification !== LineCertificationStatus.CERTIFIED) {
        throw new Refusal(
          Object.assign(new CertificationInvalidError(), {
            message: `This channel sells certified assistance products only; ${row.title} is ${certification}`,
            variantId: row.variant_id,
            productId: row.product_id,
            certificationStatus: certification,
          }),
        );
      }
      const unitPrice = Number(kind === BuyerKind.AGENCY ? row.agency_price : row.retail_price);
      const lineTotal = BigInt(unitPrice) * BigInt(line.quantity);
      if (!Number.isSafeInteger(unitPrice) || lineTotal > BigInt(Number.MAX_SAFE_INTEGER))
        throw new Refusal(invalid(OrderingErrorCode.AMOUNT_TOO_LARGE, 'The line total is too large', 'lines'));
      priced.push({ row, quantity: line.quantity, unitPrice, lineTotal: Number(lineTotal), certification });
    }
    return priced;
  }
}

const REASON_TEXT: Record<UnavailableReason, string> = {
  [UnavailableReason.UNKNOWN_VARIANT]: 'There is no such variant',
  [UnavailableReason.VARIANT_INACTIVE]: 'This variant is no longer sold',
  [UnavailableReason.PRODUCT_NOT_PUBLISHED]: 'The product is not published',
  [UnavailableReason.SUPPLIER_NOT_APPROVED]: 'The supplier is not admitted (approved) at the moment',
  [UnavailableReason.NOT_IN_CHANNEL]: 'The product is not placed in this channel',
};

function unavailable(variantId: string, reason: UnavailableReason): ProductUnavailableError {
  return Object.assign(new ProductUnavailableError(), {
    variantId: String(variantId),
    reason,
    message: REASON_TEXT[reason],
  });
}

/**
 * What makes two checkouts "the same": buyer org, channel and the lines in variant order. Exported so
 * the procurement policy can tell a retried key from a reused one exactly as the checkout does.
 */
export function checkoutHash(input: Pick<PlaceOrderInput, 'channelId' | 'buyerOrgId' | 'lines' | 'addressId'>): string {
  const lines = input.lines
    .map((l) => [String(l.variantId).toLowerCase(), l.quantity] as const)
    .sort((a, b) => a[0].localeCompare(b[0]));
  // The address joins the hash only when given, so keys of checkouts without one hash as before.
  const address = input.addressId ? { addressId: String(input.addressId).toLowerCase() } : {};
  const canonical = JSON.stringify({
    channelId: String(input.channelId).toLowerCase(),
    buyerOrgId: input.buyerOrgId?.toLowerCase() ?? null,
    lines,
    ...address,
  });
  return createHash('sha256').update(canonical).digest('hex');
}
