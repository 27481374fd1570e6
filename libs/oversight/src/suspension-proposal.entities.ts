import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Where a suspension proposal comes from: anomaly findings (this lib), complaints and ratings (after-sales), or an admin. */
export enum SuspensionProposalSource {
  ANOMALY_FINDING = 'ANOMALY_FINDING',
  COMPLAINTS = 'COMPLAINTS',
  RATING = 'RATING',
  MANUAL = 'MANUAL',
}

export enum SuspensionProposalStatus {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}

/** A proposal to suspend a supplier (动态退出) for the platform admin (migration 1764001900000). */
@Entity('supplier_suspension_proposal')
export class SupplierSuspensionProposal {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'supplier_id', type: 'uuid' }) supplierId: string;
  @Column('text') source: SuspensionProposalSource;
  /** What proposed it (a finding id, a complaint id, …); '' when nothing in particular. */
  @Column({ name: 'source_ref', type: 'text', default: '' }) sourceRef: string;
  @Column('text') reason: string;
  @Column({ type: 'text', default: SuspensionProposalStatus.PROPOSED }) status: SuspensionProposalStatus;
  @Column({ name: 'proposed_by', type: 'uuid', nullable: true }) proposedBy: string | null;
  @CreateDateColumn({ name: 'proposed_at', type: 'timestamptz' }) proposedAt: Date;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'decision_reason', type: 'text', nullable: true }) decisionReason: string | null;
}
