import { Field, ID, InputType } from '@nestjs/graphql';
import { Paginated } from '@bangfu/core';
import { Certification, CertificationStatus } from './certification.entities';

@InputType({ description: 'What the platform writes on the certificate' })
export class CertifyProductInput {
  @Field({ description: '证书编号, unique across the platform' }) certificateNo: string;
  @Field({ description: '认定机构' }) issuer: string;
  @Field({ description: '认定批次, e.g. 2026年第一批' }) batch: string;
  @Field({ description: 'First valid day, YYYY-MM-DD' }) validFrom: string;
  @Field({ description: 'Last valid day (inclusive), YYYY-MM-DD; not before validFrom, not already past' })
  validTo: string;
}

@InputType()
export class CertificationFilter {
  @Field(() => [CertificationStatus], {
    nullable: true,
    description: 'Stored statuses (a work queue is usually [PENDING] or [VERIFIED])',
  })
  statuses?: CertificationStatus[] | null;
  @Field(() => String, { nullable: true, description: 'Origin region code or subtree prefix' }) regionCode?:
    string | null;
  @Field(() => ID, { nullable: true }) productId?: string | null;
  @Field(() => ID, { nullable: true }) supplierId?: string | null;
}

@InputType()
export class CertifiedDirectoryFilter {
  @Field(() => String, { nullable: true, description: 'Origin region code or prefix: the whole subtree is listed' })
  regionCode?: string | null;
  @Field(() => ID, { nullable: true, description: 'Category, including its sub-categories' }) categoryId?:
    string | null;
  @Field(() => ID, { nullable: true }) supplierId?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Day the certificate must be valid on (YYYY-MM-DD); default today, Asia/Shanghai',
  })
  validOn?: string | null;
}

export const CertificationConnection = Paginated(Certification);
export type CertificationConnection = InstanceType<typeof CertificationConnection>;
