import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MoneyScalar } from '@bangfu/money';

export enum SupervisionGroupBy {
  /** 地市: the unit's 4-digit region prefix. */
  CITY = 'CITY',
  /** 区县: the unit's 6-digit region prefix. */
  COUNTY = 'COUNTY',
  /** 主管部门: the top of the unit's parent tree (e.g. 市教育局 with its schools). */
  DEPARTMENT = 'DEPARTMENT',
  /** Each budget unit. */
  UNIT = 'UNIT',
}
registerEnumType(SupervisionGroupBy, {
  name: 'SupervisionGroupBy',
  description: 'CITY, COUNTY (jurisdiction), DEPARTMENT (parent tree), UNIT',
});

@ObjectType({ description: 'Completion figures of a group of budget units' })
export class SupervisionFigures {
  @Field(() => Int, { description: '注册单位: budget units registered' }) unitsRegistered: number;
  @Field(() => Int, { description: '已申报: units covered by a filing for the year' }) unitsFiled: number;
  @Field(() => Int, {
    description: '已采购 (activated): units with an order counted or pending in the year up to the month',
  })
  unitsActivated: number;
  @Field(() => MoneyScalar) reservedAmount: number;
  @Field(() => MoneyScalar, {
    description: 'Counted (accepted, certified, net of refunds) in the year up to the month',
  })
  countedAmount: number;
  @Field(() => MoneyScalar) pendingAmount: number;
  @Field(() => Int, {
    nullable: true,
    description: 'counted × 10000 / reserved, rounded down; null when nothing is reserved',
  })
  completionBasisPoints: number | null;
  @Field(() => Float, { nullable: true }) completionPercent: number | null;
  @Field(() => MoneyScalar, {
    description: 'The same units’ reserved amounts of the previous year (their own filings)',
  })
  previousReservedAmount: number;
  @Field(() => MoneyScalar, { description: 'reservedAmount − previousReservedAmount' }) reservedChangeAmount: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Change × 10000 / previous, truncated toward zero; null without a previous amount',
  })
  reservedChangeBasisPoints: number | null;
}

@ObjectType({
  description:
    'One row of a completion ranking; with a published snapshot the figures are the snapshot’s and `live` shows today’s',
})
export class SupervisionRow {
  @Field(() => Int, { description: '1 = highest completion; groups with nothing reserved last' }) rank: number;
  @Field(() => String, { description: 'Region code, department (root unit) id or unit id' }) key: string;
  @Field(() => String) label: string;
  @Field(() => String, { nullable: true }) regionCode: string | null;
  @Field(() => SupervisionFigures) figures: SupervisionFigures;
  @Field(() => SupervisionFigures, {
    nullable: true,
    description: 'Live figures of the same units (snapshot months only)',
  })
  live: SupervisionFigures | null;
  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'live − snapshot counted (later corrections); null without a snapshot',
  })
  countedDifference: number | null;
  @Field(() => MoneyScalar, { nullable: true }) reservedDifference: number | null;
  @Field(() => Int, { nullable: true, description: 'live − snapshot completion (basis points)' })
  completionDifferenceBasisPoints: number | null;
  @Field(() => String, { nullable: true, description: 'UNIT rows: why the reserved amount dropped from last year' })
  decreaseReason: string | null;
}

@ObjectType()
export class CompletionSnapshotInfo {
  @Field(() => Int) year: number;
  @Field(() => Int) month: number;
  @Field(() => String, { description: 'JOB (the month-end job) or ADMIN' }) source: string;
  @Field(() => Date) publishedAt: Date;
  @Field(() => Int) unitCount: number;
}

@ObjectType({ description: '预留份额完成情况排名 of a region for a year (up to a month)' })
export class CompletionRanking {
  @Field(() => String) regionCode: string;
  @Field(() => [String], { description: 'Region names from the province down' }) regionPath: string[];
  @Field(() => Int) year: number;
  @Field(() => Int, { nullable: true }) month: number | null;
  @Field(() => SupervisionGroupBy) groupBy: SupervisionGroupBy;
  @Field(() => CompletionSnapshotInfo, {
    nullable: true,
    description: 'Set when the month is published: the figures are frozen',
  })
  snapshot: CompletionSnapshotInfo | null;
  @Field(() => [SupervisionRow]) rows: SupervisionRow[];
  @Field(() => SupervisionRow, { description: 'All units of the region (rank 0)' }) total: SupervisionRow;
}
