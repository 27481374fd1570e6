import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum CertificationStatus {
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  CERTIFIED = 'CERTIFIED',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
  REJECTED = 'REJECTED',
}
registerEnumType(CertificationStatus, {
  name: 'CertificationStatus',
  description:
    'PENDING (submitted) → VERIFIED (county coordinator) → CERTIFIED (platform) → EXPIRED | REVOKED; REJECTED at review',
});

/** Statuses that block a new application for the same product (the partial unique index). */
export const LIVE_STATUSES: readonly CertificationStatus[] = [
  CertificationStatus.PENDING,
  CertificationStatus.VERIFIED,
  CertificationStatus.CERTIFIED,
];

@ObjectType({ description: '帮扶产品认定 — a product certification application and, once certified, its certificate' })
@Entity('certification')
export class Certification {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'product_id', type: 'uuid' }) productId: string;
  /** The stored status; GraphQL `status` is the effective one (a certificate past validTo reads EXPIRED). */
  @Column({ type: 'text', default: CertificationStatus.PENDING }) status: CertificationStatus;
  @Field(() => String, { nullable: true, description: '证书编号' })
  @Column({ name: 'certificate_no', type: 'text', nullable: true })
  certificateNo: string | null;
  @Field(() => String, { nullable: true, description: '认定机构' }) @Column({ type: 'text', nullable: true }) issuer:
    string | null;
  @Field(() => String, { nullable: true, description: '认定批次' }) @Column({ type: 'text', nullable: true }) batch:
    string | null;
  @Field(() => String, { nullable: true, description: 'First valid day (YYYY-MM-DD, Asia/Shanghai)' })
  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom: string | null;
  @Field(() => String, { nullable: true, description: 'Last valid day, inclusive (YYYY-MM-DD, Asia/Shanghai)' })
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;
  @Column({ name: 'submitted_by_user_id', type: 'uuid', nullable: true }) submittedByUserId: string | null;
  /** Reason of the last rejection or revocation; shown through history to those in scope. */
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Field() @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@ObjectType({ description: 'One move of a certification through its workflow' })
@Entity('certification_event')
export class CertificationEvent {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'certification_id', type: 'uuid' }) certificationId: string;
  @Field(() => CertificationStatus, { nullable: true })
  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: CertificationStatus | null;
  @Field(() => CertificationStatus) @Column({ name: 'to_status', type: 'text' }) toStatus: CertificationStatus;
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true }) actorUserId: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) reason: string | null;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/**
 * The status a reader sees on `today`: a CERTIFIED row whose last valid day has passed is EXPIRED
 * even before the hourly job has moved it.
 */
export function effectiveStatusOf(cert: Pick<Certification, 'status' | 'validTo'>, today: string): CertificationStatus {
  if (cert.status === CertificationStatus.CERTIFIED && cert.validTo !== null && cert.validTo < today)
    return CertificationStatus.EXPIRED;
  return cert.status;
}

@ObjectType({
  description: 'A file a supplier attached to its application (PDF, JPEG, PNG) for the coordinator and the platform',
})
@Entity('certification_document')
export class CertificationDocument {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'certification_id', type: 'uuid' }) certificationId: string;
  @Column({ name: 'storage_key', type: 'text' }) storageKey: string;
  @Field(() => String) @Column({ name: 'content_type', type: 'text' }) contentType: string;
  @Field(() => Int) @Column({ name: 'size_bytes', type: 'integer' }) sizeBytes: number;
  @Field(() => String, { nullable: true }) @Column({ name: 'file_name', type: 'text', nullable: true }) fileName:
    string | null;
  @Column({ name: 'uploaded_by_user_id', type: 'uuid', nullable: true }) uploadedByUserId: string | null;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
