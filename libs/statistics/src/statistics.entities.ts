import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The tables this lib owns (migrations 1764001500000-statistics, 1764001600000-statistics-cube). Services use SQL; the entities
 * document the shapes and register the tables with the DataSource.
 */
@Entity('stats_line')
export class StatsLine {
  @PrimaryColumn({ name: 'order_line_id', type: 'uuid' }) orderLineId: string;
  @Column({ name: 'order_id', type: 'uuid' }) orderId: string;
  @Column({ name: 'counted_at', type: 'timestamptz' }) countedAt: Date;
  @Column({ type: 'date' }) day: string;
  @Column({ name: 'origin_code', type: 'text' }) originCode: string;
  @Column({ name: 'buyer_region_code', type: 'text' }) buyerRegionCode: string;
  @Column({ name: 'channel_id', type: 'uuid' }) channelId: string;
  @Column({ name: 'channel_kind', type: 'text' }) channelKind: string;
  @Column({ name: 'supplier_id', type: 'uuid' }) supplierId: string;
  @Column({ name: 'supplier_kind', type: 'text' }) supplierKind: string;
  @Column({ name: 'category_key', type: 'text' }) categoryKey: string;
  @Column({ name: 'buyer_kind', type: 'text' }) buyerKind: string;
  @Column({ name: 'buyer_key', type: 'text', nullable: true }) buyerKey: string | null;
  @Column('boolean') certified: boolean;
  @Column('integer') quantity: number;
  @Column({ name: 'line_total', type: 'bigint' }) lineTotal: string;
  @Column({ name: 'refunded_amount', type: 'bigint' }) refundedAmount: string;
  @Column({ type: 'boolean', default: false }) excluded: boolean;
}

/** stats_correction (migration 1764002700000): one append-only row per order excluded from statistics. */
@Entity('stats_correction')
export class StatsCorrection {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'order_id', type: 'uuid', unique: true }) orderId: string;
  @Column({ type: 'text', default: 'EXCLUSION' }) kind: string;
  @Column({ type: 'text' }) source: string;
  @Column({ name: 'source_ref', type: 'text' }) sourceRef: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'gross_amount', type: 'bigint' }) grossAmount: string;
  @Column({ name: 'refund_amount', type: 'bigint' }) refundAmount: string;
  @Column({ name: 'unit_count', type: 'bigint' }) unitCount: string;
  @Column({ name: 'line_count', type: 'integer' }) lineCount: number;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}

@Entity('stats_refund')
export class StatsRefund {
  @PrimaryColumn({ name: 'order_line_id', type: 'uuid' }) orderLineId: string;
  @PrimaryColumn({ name: 'refund_id', type: 'text' }) refundId: string;
  @Column({ name: 'order_id', type: 'uuid' }) orderId: string;
  @Column({ type: 'date' }) day: string;
  @Column('bigint') amount: string;
  @Column({ name: 'before_count', type: 'boolean' }) beforeCount: boolean;
}

/**
 * stats_cube (migration 1764001600000): additive cells per side × grouping × month/day × region code,
 * with per-prefix-length order marks. stats_buyer (same migration; one row per year with the days as
 * `bit(366)` since 1764003100000) has no entity: it is written and read with SQL only.
 */
@Entity('stats_cube')
export class StatsCube {
  @PrimaryColumn('text') side: string;
  @PrimaryColumn('text') grp: string;
  @PrimaryColumn('text') gran: string;
  @PrimaryColumn('date') period: string;
  @PrimaryColumn({ name: 'region_code', type: 'text' }) regionCode: string;
  @PrimaryColumn('text') k1: string;
  @PrimaryColumn('text') k2: string;
  @PrimaryColumn('text') k3: string;
  @Column({ name: 'gross_amount', type: 'bigint' }) grossAmount: string;
  @Column({ name: 'refund_amount', type: 'bigint' }) refundAmount: string;
  @Column({ name: 'cert_net', type: 'bigint' }) certNet: string;
  @Column({ name: 'unit_count', type: 'bigint' }) unitCount: string;
  @Column({ name: 'line_count', type: 'integer' }) lineCount: number;
  @Column('integer') o0: number;
  @Column('integer') o2: number;
  @Column('integer') o4: number;
  @Column('integer') o6: number;
  @Column('integer') o9: number;
  @Column('integer') o12: number;
}

@Entity('stats_reconciliation')
export class StatsReconciliation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'from_day', type: 'date' }) fromDay: string;
  @Column({ name: 'to_day', type: 'date' }) toDay: string;
  @Column('boolean') ok: boolean;
  @Column({ name: 'difference_count', type: 'integer' }) differenceCount: number;
  @Column('jsonb') differences: unknown;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
