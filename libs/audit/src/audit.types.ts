import { Field, Float, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@bangfu/core';

@ObjectType({
  description:
    'One audited operation (a mutation, a webhook, a counter report, an export, a sign-in attempt); append-only and hash-chained',
})
export class AuditEvent {
  @Field(() => ID) id: string;
  @Field(() => Float, { description: 'Position in the chain (1, 2, 3 …)' }) seq: number;
  @Field(() => Date) at: Date;
  @Field(() => String, { description: 'GRAPHQL or REST' }) kind: string;
  @Field(() => String, { description: 'Mutation name, or "METHOD /route/:param" for REST' }) operation: string;
  @Field(() => String, {
    description: 'OK, or the error / business result code (INVALID_CREDENTIALS, INSUFFICIENT_STOCK …)',
  })
  outcome: string;
  @Field(() => ID, { nullable: true }) actorUserId: string | null;
  @Field(() => String, { nullable: true }) actorName: string | null;
  @Field(() => ID, { nullable: true }) actorOrgId: string | null;
  @Field(() => String, { nullable: true }) actorOrgName: string | null;
  @Field(() => String, { nullable: true }) actorRole: string | null;
  @Field(() => String, { nullable: true }) entityType: string | null;
  @Field(() => String, { nullable: true }) entityId: string | null;
  @Field(() => String, { nullable: true }) regionCode: string | null;
  @Field(() => String, { description: 'JSON: { args, before, after, step } with secrets and personal data redacted' })
  summary: string;
  @Field(() => String, { nullable: true }) clientIp: string | null;
  @Field(() => String) requestId: string;
  @Field(() => String, { description: 'sha256 of the previous hash and this event’s content' }) hash: string;
  @Field(() => String) prevHash: string;
}

export const AuditEventConnection = Paginated(AuditEvent);

@InputType()
export class AuditEventFilter {
  @Field(() => String, { nullable: true, description: 'Region code (its subtree) or code prefix' }) regionCode?:
    string | null;
  @Field(() => ID, { nullable: true }) actorId?: string | null;
  @Field(() => String, { nullable: true }) entityType?: string | null;
  @Field(() => String, { nullable: true }) entityId?: string | null;
  @Field(() => String, { nullable: true }) operation?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date (Asia/Shanghai day) or timestamp; inclusive' }) from?:
    string | null;
  @Field(() => String, { nullable: true, description: 'ISO date (inclusive day) or timestamp' }) to?: string | null;
}

@ObjectType({ description: 'Result of recomputing the chain over a period' })
export class AuditChainVerification {
  @Field() ok: boolean;
  @Field(() => Float) checkedCount: number;
  @Field(() => ID, { nullable: true, description: 'The first event whose hash, link or position does not hold' })
  firstBrokenEventId: string | null;
  @Field(() => Date) from: Date;
  @Field(() => Date) to: Date;
}

@ObjectType({ description: 'A published chain head: the last event of a verified day' })
export class AuditChainCheckpoint {
  @Field(() => String) day: string;
  @Field(() => Date) verifiedAt: Date;
  @Field() ok: boolean;
  @Field(() => Float) checkedCount: number;
  @Field(() => ID, { nullable: true }) firstBrokenEventId: string | null;
  @Field(() => Float) headSeq: number;
  @Field(() => String) headHash: string;
}

@ObjectType()
export class AuditChainStatus {
  @Field(() => Float, { description: 'Events in the chain' }) headSeq: number;
  @Field(() => String) headHash: string;
  @Field(() => [AuditChainCheckpoint], { description: 'The latest published heads, newest first' })
  checkpoints: AuditChainCheckpoint[];
}
