import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Paginated } from '@bangfu/core';
import { MoneyScalar } from '@bangfu/money';
import { AnomalyKind, AnomalySeverity, AnomalyStatus, AnomalySubjectType, DetectedVia } from './anomaly.entities';

registerEnumType(AnomalyKind, { name: 'AnomalyKind' });
registerEnumType(AnomalySeverity, { name: 'AnomalySeverity' });
registerEnumType(AnomalyStatus, { name: 'AnomalyStatus' });
registerEnumType(AnomalySubjectType, { name: 'AnomalySubjectType' });
registerEnumType(DetectedVia, {
  name: 'AnomalyDetectedVia',
  description:
    'EVENT: an order event, or another domain’s record as it happened (an income dispute); SCHEDULE: the periodic scan; MANUAL: runAnomalyDetection',
});

export enum AnomalyReviewDecision {
  CONFIRM = 'CONFIRM',
  DISMISS = 'DISMISS',
}
registerEnumType(AnomalyReviewDecision, { name: 'AnomalyReviewDecision' });

@ObjectType({
  description:
    'One figure of the evidence; `name` is stable (translate it), `value` in `unit` (FEN money, BPS basis points, …); TEXT figures carry `text`',
})
export class AnomalyFigure {
  @Field(() => String) name: string;
  @Field(() => Float, { description: 'Exact integer for FEN, BPS, COUNT, UNITS, MINUTES, DAYS' }) value: number;
  @Field(() => String) unit: string;
  @Field(() => String, { nullable: true }) text?: string | null;
}

@ObjectType({ description: 'An order behind a finding (open it with order(id))' })
export class AnomalyEvidenceOrder {
  @Field(() => ID) id: string;
  @Field(() => String) orderNo: string;
  @Field(() => String) status: string;
  @Field(() => MoneyScalar) totalAmount: number;
  @Field(() => Date) createdAt: Date;
}

@ObjectType()
export class AnomalyEvidence {
  @Field(() => [AnomalyFigure]) figures: AnomalyFigure[];
  @Field(() => [ID]) orderIds: string[];
}

@ObjectType('AnomalyFinding', { description: 'Something a rule detected, for an auditor to confirm or dismiss' })
class AnomalyFinding {
  @Field(() => ID) id: string;
  @Field(() => AnomalyKind) kind: AnomalyKind;
  @Field(() => AnomalySeverity) severity: AnomalySeverity;
  @Field(() => AnomalyStatus) status: AnomalyStatus;
  @Field(() => AnomalySubjectType) subjectType: AnomalySubjectType;
  @Field(() => String, { description: 'Id of the supplier, unit, product, order or counter (channel)' })
  subjectId: string;
  @Field(() => String) subjectLabel: string;
  @Field(() => ID, { nullable: true }) supplierId: string | null;
  @Field(() => String, { description: 'The subject’s division code (decides thresholds and who sees it)' })
  regionCode: string;
  @Field(() => String) summary: string;
  @Field(() => AnomalyEvidence) evidence: AnomalyEvidence;
  @Field(() => DetectedVia) detectedVia: DetectedVia;
  @Field(() => Date) detectedAt: Date;
  @Field(() => Date) updatedAt: Date;
  @Field(() => Date, { nullable: true }) reviewedAt: Date | null;
  @Field(() => String, { nullable: true }) reviewerName: string | null;
  @Field(() => String, { nullable: true }) reviewReason: string | null;
  @Field(() => Boolean, {
    description: 'Confirmed with its orders excluded from statistics (a correction row per order)',
  })
  excludedFromStatistics: boolean;
  @Field(() => ID, { nullable: true }) suspensionProposalId: string | null;
}
export { AnomalyFinding as AnomalyFindingView };
export const AnomalyFindingConnection = Paginated(AnomalyFinding);

@InputType()
export class AnomalyFindingFilter {
  @Field(() => AnomalyStatus, { nullable: true }) status?: AnomalyStatus | null;
  @Field(() => AnomalyKind, { nullable: true }) kind?: AnomalyKind | null;
  @Field(() => String, { nullable: true, description: 'Division code or prefix; within your scope' }) regionCode?:
    string | null;
  @Field(() => AnomalySubjectType, { nullable: true }) subjectType?: AnomalySubjectType | null;
}

@ObjectType()
export class AnomalyThresholdDefault {
  @Field(() => String) name: string;
  @Field(() => Float) defaultValue: number;
  @Field(() => String) doc: string;
}

@ObjectType()
export class AnomalyThresholdValue {
  @Field(() => String) name: string;
  @Field(() => Float) value: number;
}

@ObjectType()
export class AnomalyThresholdOverride {
  @Field(() => String, { description: '"" = the whole country; the longest prefix matching a finding’s region wins' })
  regionPrefix: string;
  @Field(() => [AnomalyThresholdValue]) values: AnomalyThresholdValue[];
  @Field(() => Date) updatedAt: Date;
}

@ObjectType('AnomalyRule', { description: 'A detection rule: its kind, default thresholds and regional overrides' })
export class AnomalyRuleInfo {
  @Field(() => AnomalyKind) kind: AnomalyKind;
  @Field(() => String) description: string;
  @Field(() => [AnomalyThresholdDefault]) thresholds: AnomalyThresholdDefault[];
  @Field(() => [AnomalyThresholdOverride]) overrides: AnomalyThresholdOverride[];
}

@InputType()
export class AnomalyThresholdInput {
  @Field(() => String) name: string;
  @Field(() => Float, { description: 'A whole number ≥ 0 (fen, basis points, counts, minutes, days)' }) value: number;
}

@ObjectType()
export class AnomalyDetectionRun {
  @Field(() => Int) candidates: number;
  @Field(() => Int) opened: number;
  @Field(() => Int) refreshed: number;
  @Field(() => [ID]) openedIds: string[];
}
