import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createStatusHistory, dropTables } from './shapes';

/**
 * Ordering (issue 4): orders with one supplier order per supplier, snapshotted lines, status history,
 * shipment allocations to lots (FIFO), refunds, acceptance documents and the transactional outbox.
 * Invariants that must hold whatever the code does (line totals, refunds never above what was paid,
 * one order per buyer and idempotency key) are constraints.
 */
export class Ordering1764000500000 implements MigrationInterface {
  name = 'Ordering1764000500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE order_no_seq`);
    await q.query(`
      CREATE TABLE orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_no text NOT NULL UNIQUE
          DEFAULT ('BF' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(nextval('order_no_seq')::text, 8, '0')),
        buyer_kind text NOT NULL CHECK (buyer_kind IN ('CUSTOMER','AGENCY')),
        buyer_user_id uuid NOT NULL REFERENCES app_user(id),
        buyer_org_id uuid REFERENCES organization(id),
        channel_id uuid NOT NULL REFERENCES channel(id),
        status text NOT NULL CHECK (status IN ('PENDING_APPROVAL','PLACED','PAID','CONFIRMED','FULFILLING','DELIVERED','ACCEPTED','SETTLED',
                                              'REJECTED','CANCELLED','REFUNDED','PARTIALLY_REFUNDED')),
        payment_mode text NOT NULL DEFAULT 'PREPAY' CHECK (payment_mode IN ('PREPAY','PAY_ON_DELIVERY')),
        total_amount bigint NOT NULL CHECK (total_amount > 0),
        paid_amount bigint NOT NULL DEFAULT 0 CHECK (paid_amount >= 0 AND paid_amount <= total_amount),
        refunded_amount bigint NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= paid_amount),
        payment_id text,
        payment_due_at timestamptz,
        payment_deadline_extended boolean NOT NULL DEFAULT false,
        idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 128),
        request_hash text NOT NULL,
        invoice_no text,
        paid_at timestamptz,
        delivered_at timestamptz,
        accepted_at timestamptz,
        settled_at timestamptz,
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((buyer_kind = 'AGENCY') = (buyer_org_id IS NOT NULL)),
        CHECK (payment_mode = 'PREPAY' OR buyer_kind = 'AGENCY'),
        CONSTRAINT orders_idempotency_key UNIQUE (buyer_user_id, idempotency_key)
      )`);
    await q.query(`CREATE INDEX orders_list_idx ON orders (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX orders_buyer_user_idx ON orders (buyer_user_id, created_at DESC)`);
    await q.query(
      `CREATE INDEX orders_buyer_org_idx ON orders (buyer_org_id, created_at DESC) WHERE buyer_org_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX orders_channel_idx ON orders (channel_id, created_at DESC)`);
    await q.query(
      `CREATE INDEX orders_payment_due_idx ON orders (payment_due_at) WHERE status = 'PLACED' AND payment_due_at IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE supplier_order (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES orders(id),
        supplier_id uuid NOT NULL REFERENCES supplier_profile(organization_id),
        status text NOT NULL DEFAULT 'AWAITING_SHIPMENT' CHECK (status IN ('AWAITING_SHIPMENT','SHIPPED','DELIVERED','CANCELLED')),
        subtotal bigint NOT NULL CHECK (subtotal > 0),
        carrier text,
        tracking_no text,
        delivery_proof text,
        shipped_at timestamptz,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (order_id, supplier_id),
        CHECK (status NOT IN ('SHIPPED','DELIVERED') OR (carrier IS NOT NULL AND tracking_no IS NOT NULL AND shipped_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX supplier_order_supplier_idx ON supplier_order (supplier_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE order_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES orders(id),
        supplier_order_id uuid NOT NULL REFERENCES supplier_order(id),
        supplier_id uuid NOT NULL REFERENCES supplier_profile(organization_id),
        channel_id uuid NOT NULL REFERENCES channel(id),
        variant_id uuid NOT NULL REFERENCES variant(id),
        product_id uuid NOT NULL REFERENCES product(id),
        product_title text NOT NULL,
        sku text NOT NULL,
        spec text NOT NULL,
        unit text NOT NULL,
        price_kind text NOT NULL CHECK (price_kind IN ('RETAIL','AGENCY')),
        unit_price bigint NOT NULL CHECK (unit_price > 0),
        quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 10000),
        line_total bigint NOT NULL,
        refunded_amount bigint NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= line_total),
        certified boolean NOT NULL,
        certification_status text NOT NULL,
        certificate_no text,
        origin_region_code text NOT NULL REFERENCES region(code),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (order_id, variant_id),
        CHECK (line_total = quantity * unit_price)
      )`);
    await q.query(`CREATE INDEX order_line_supplier_order_idx ON order_line (supplier_order_id)`);
    await q.query(`CREATE INDEX order_line_variant_idx ON order_line (variant_id)`);

    for (const [table, subject, index] of [
      ['order_history', 'order_id uuid NOT NULL REFERENCES orders(id)', 'order_history_order_idx'],
      [
        'supplier_order_history',
        'supplier_order_id uuid NOT NULL REFERENCES supplier_order(id)',
        'supplier_order_history_so_idx',
      ],
    ]) {
      await createStatusHistory(q, { table, subject, index, actorKind: true, data: true });
    }

    // Every shipped unit and the lot it came from (NULL: not covered by any lot, the "unassigned" bucket).
    await q.query(`
      CREATE TABLE shipment_allocation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_line_id uuid NOT NULL REFERENCES order_line(id),
        supplier_order_id uuid NOT NULL REFERENCES supplier_order(id),
        variant_id uuid NOT NULL REFERENCES variant(id),
        lot_id uuid REFERENCES lot(id),
        quantity integer NOT NULL CHECK (quantity > 0),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX shipment_allocation_line_idx ON shipment_allocation (order_line_id)`);
    await q.query(`CREATE INDEX shipment_allocation_lot_idx ON shipment_allocation (lot_id) WHERE lot_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE order_refund (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES orders(id),
        refund_id text NOT NULL UNIQUE,
        amount bigint NOT NULL CHECK (amount > 0),
        lines jsonb NOT NULL,
        actor_user_id uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX order_refund_order_idx ON order_refund (order_id)`);

    await q.query(`
      CREATE TABLE order_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES orders(id),
        storage_key text NOT NULL UNIQUE,
        content_type text NOT NULL CHECK (content_type IN ('application/pdf','image/jpeg','image/png')),
        size_bytes integer NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 10485760),
        file_name text,
        uploaded_by_user_id uuid REFERENCES app_user(id),
        in_acceptance boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX order_document_order_idx ON order_document (order_id, created_at)`);

    // Transactional outbox: written in the same transaction as the change, relayed to BullMQ.
    await q.query(`
      CREATE TABLE outbox_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type text NOT NULL,
        aggregate_id uuid NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        published_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_event_pending_idx ON outbox_event (created_at, id) WHERE published_at IS NULL`);
    await q.query(`CREATE INDEX outbox_event_aggregate_idx ON outbox_event (aggregate_id, created_at)`);
    // One row per (event, consumer) that has handled it: consumers run exactly once per event.
    await q.query(`
      CREATE TABLE outbox_consumption (
        event_id uuid NOT NULL REFERENCES outbox_event(id),
        consumer text NOT NULL,
        consumed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, consumer)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropTables(q, [
      'outbox_consumption',
      'outbox_event',
      'order_document',
      'order_refund',
      'shipment_allocation',
      'supplier_order_history',
      'order_history',
      'order_line',
      'supplier_order',
      'orders',
    ]);
    await q.query(`DROP SEQUENCE order_no_seq`);
  }
}
