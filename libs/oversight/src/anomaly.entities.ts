import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export enum AnomalyKind {
  PRICE_ABOVE_REFERENCE = 'PRICE_ABOVE_REFERENCE',
  SELF_DEALING = 'SELF_DEALING',
  CIRCULAR_TRADE = 'CIRCULAR_TRADE',
  ORDER_BURST = 'ORDER_BURST',
  DEADLINE_SPIKE = 'DEADLINE_SPIKE',
  SPLIT_BASKET = 'SPLIT_BASKET',
  UNCERTIFIED_UNDER_LABEL = 'UNCERTIFIED_UNDER_LABEL',
  ATTRIBUTION_GAP = 'ATTRIBUTION_GAP',
  /** Recorded by libs/produce when a farmer disputes an income line (not a detector: see EXTERNAL_FINDING_KINDS). */
  INCOME_DISPUTE = 'INCOME_DISPUTE',
}

export enum AnomalySeverity {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}

export enum AnomalyStatus {
  OPEN = 'OPEN',
  CONFIRMED = 'CONFIRMED',
  DISMISSED = 'DISMISSED',
}

export enum AnomalySubjectType {
  SUPPLIER = 'SUPPLIER',
  BUYER_UNIT = 'BUYER_UNIT',
  PRODUCT = 'PRODUCT',
  ORDER = 'ORDER',
  COUNTER = 'COUNTER',
}

export enum DetectedVia {
  EVENT = 'EVENT',
  SCHEDULE = 'SCHEDULE',
  MANUAL = 'MANUAL',
}

/** One figure of the evidence: a stable name (translated by the storefront), the value and its unit. */
export interface AnomalyFigureData {
  name: string;
  value: number;
  unit: 'FEN' | 'BPS' | 'COUNT' | 'UNITS' | 'MINUTES' | 'DAYS' | 'TEXT';
  /** For unit TEXT (a SKU, a counterpart's name). */
  text?: string;
}

/** Tables of migration 1764001900100 (services use SQL; the entities register the shapes). */
@Entity('anomaly_finding')
export class AnomalyFindingRow {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') kind: AnomalyKind;
  @Column('text') severity: AnomalySeverity;
  @Column('text') status: AnomalyStatus;
  @Column({ name: 'subject_type', type: 'text' }) subjectType: AnomalySubjectType;
  @Column({ name: 'subject_id', type: 'text' }) subjectId: string;
  @Column({ name: 'subject_label', type: 'text' }) subjectLabel: string;
  @Column({ name: 'supplier_id', type: 'uuid', nullable: true }) supplierId: string | null;
  @Column({ name: 'region_code', type: 'text' }) regionCode: string;
  @Column('text') summary: string;
  @Column({ type: 'jsonb' }) figures: AnomalyFigureData[];
  @Column({ name: 'order_ids', type: 'uuid', array: true }) orderIds: string[];
  @Column({ name: 'evidence_key', type: 'text' }) evidenceKey: string;
  @Column({ name: 'detected_via', type: 'text' }) detectedVia: DetectedVia;
  @Column({ name: 'detected_at', type: 'timestamptz' }) detectedAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true }) reviewedBy: string | null;
  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true }) reviewedAt: Date | null;
  @Column({ name: 'review_reason', type: 'text', nullable: true }) reviewReason: string | null;
  @Column({ name: 'excluded_from_statistics', type: 'boolean' }) excludedFromStatistics: boolean;
  @Column({ name: 'suspension_proposal_id', type: 'uuid', nullable: true }) suspensionProposalId: string | null;
}

@Entity('anomaly_threshold')
export class AnomalyThresholdRow {
  @PrimaryColumn('text') kind: AnomalyKind;
  @PrimaryColumn({ name: 'region_prefix', type: 'text' }) regionPrefix: string;
  @Column({ type: 'jsonb' }) thresholds: Record<string, number>;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('anomaly_statistics_correction')
export class AnomalyStatisticsCorrection {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'finding_id', type: 'uuid' }) findingId: string;
  @Column({ name: 'order_id', type: 'uuid' }) orderId: string;
  @Column('text') reason: string;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
