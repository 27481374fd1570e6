import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { type Fen, MoneyScalar } from '@bangfu/money';

export enum SalesGroupBy {
  REGION = 'REGION',
  CHANNEL_KIND = 'CHANNEL_KIND',
  CHANNEL = 'CHANNEL',
  SUPPLIER_KIND = 'SUPPLIER_KIND',
  SUPPLIER = 'SUPPLIER',
  CATEGORY = 'CATEGORY',
  MONTH = 'MONTH',
  BUYER_KIND = 'BUYER_KIND',
}
registerEnumType(SalesGroupBy, {
  name: 'SalesGroupBy',
  description:
    'REGION: the level below regionCode (provinces for the whole country); BUYER_KIND: AGENCY / RETAIL / COUNTER',
});

export enum StatsSide {
  ORIGIN = 'ORIGIN',
  BUYER = 'BUYER',
}
registerEnumType(StatsSide, {
  name: 'StatsSide',
  description:
    'ORIGIN: a sale is placed by its product’s origin region (where the money went); BUYER: by the buying unit’s region (retail and counter sales have none)',
});

@ObjectType({
  description: 'Sales that count (DESIGN “What counts”); money in fen, net of refunds in the period they happen',
})
export class SalesFigures {
  @Field(() => MoneyScalar, { description: 'Line totals of lines that counted in the period' }) grossAmount: Fen;
  @Field(() => MoneyScalar, {
    description: 'Refunds in the period (refunds recorded before a line counted are in its counting day)',
  })
  refundAmount: Fen;
  @Field(() => MoneyScalar, { description: 'grossAmount − refundAmount' }) netAmount: Fen;
  @Field(() => MoneyScalar, { description: 'Net of lines certified at order time' }) certifiedNetAmount: Fen;
  @Field(() => MoneyScalar, {
    description: 'Net of lines whose certification was not valid at order time (reported separately)',
  })
  uncertifiedNetAmount: Fen;
  @Field(() => Int, {
    description:
      'Distinct orders with a line that counted in the period (a distinct count: rows may sum to more than the total)',
  })
  orderCount: number;
  @Field(() => Int, { description: 'Units of lines that counted in the period' }) unitCount: number;
  @Field(() => Int, {
    description:
      'Distinct buyers (agency units, retail customers; anonymous counter sales are not counted) — a distinct count',
  })
  buyerCount: number;
  @Field(() => Int, {
    nullable: true,
    description:
      '带动户数 from attribution over the whole months of the period (ORIGIN side; rows only for REGION and MONTH; null otherwise) — a distinct count',
  })
  householdsDriven: number | null;
  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      'Net of orders excluded from statistics by a confirmed anomaly finding, in the period and scope — already left out of every other figure (the total only; null on rows)',
  })
  excludedAmount?: Fen | null;
}

@ObjectType()
export class SalesStatsRow {
  @Field(() => String, {
    description:
      'REGION: 12-digit code ("NONE" = no buyer region); CHANNEL/SUPPLIER/CATEGORY: id ("NONE" = no category); MONTH: YYYY-MM; kinds: the enum value',
  })
  key: string;
  @Field(() => String) label: string;
  @Field(() => SalesFigures) figures: SalesFigures;
}

@ObjectType()
export class SalesStats {
  @Field(() => String) regionCode: string;
  @Field(() => [String], { description: 'Names from the province down to the region (empty for the whole country)' })
  regionPath: string[];
  @Field(() => String) fromDay: string;
  @Field(() => String) toDay: string;
  @Field(() => SalesGroupBy) groupBy: SalesGroupBy;
  @Field(() => StatsSide) side: StatsSide;
  @Field(() => SalesFigures) total: SalesFigures;
  @Field(() => [SalesStatsRow]) rows: SalesStatsRow[];
}

@ObjectType({ description: '消费帮扶 official indicators of a region as of a date' })
export class AssistanceIndicators {
  @Field(() => String) regionCode: string;
  @Field(() => [String]) regionPath: string[];
  @Field(() => String) date: string;
  @Field(() => Int, { description: '专馆' }) hallCount: number;
  @Field(() => Int, { description: '专区' }) zoneCount: number;
  @Field(() => Int, { description: '专柜 (台)' }) counterCount: number;
  @Field(() => Int, { description: 'Suppliers of products certified on the date' }) certifiedSupplierCount: number;
  @Field(() => Int, { description: 'Products with a certificate valid on the date (origin in the region)' })
  certifiedProductCount: number;
  @Field(() => MoneyScalar, { description: 'Net sales from 1 January to the date (ORIGIN side)' }) salesAmountYtd: Fen;
  @Field(() => MoneyScalar, { description: 'Of which uncertified' }) uncertifiedSalesAmountYtd: Fen;
  @Field(() => Int, { description: '带动户数, January to the date’s month' }) householdsDriven: number;
  @Field(() => Int, { description: '脱贫户' }) exPovertyHouseholdsDriven: number;
  @Field(() => Int, { description: '监测户' }) monitoredHouseholdsDriven: number;
  @Field(() => MoneyScalar, { description: '村集体收入, January to the date’s month' }) villageCollectiveIncome: Fen;
  @Field(() => String, { description: 'The sentence for the report, in Chinese' }) summary: string;
}

@ObjectType()
export class ChannelCertifiedShare {
  @Field(() => ID) channelId: string;
  @Field(() => String) name: string;
  @Field(() => String, { description: 'HALL / ZONE / COUNTER' }) kind: string;
  @Field(() => MoneyScalar) netAmount: Fen;
  @Field(() => MoneyScalar) certifiedNetAmount: Fen;
  @Field(() => MoneyScalar) uncertifiedNetAmount: Fen;
  @Field(() => Int, {
    nullable: true,
    description: 'certified / net in basis points (rounded down); null without net sales',
  })
  certifiedShareBps: number | null;
  @Field(() => Boolean, {
    description: 'A counter below the threshold (STATS_COUNTER_CERTIFIED_MIN_BPS, default 8000)',
  })
  warning: boolean;
}

@ObjectType()
export class ChannelCertifiedShareReport {
  @Field(() => String) regionCode: string;
  @Field(() => String) fromDay: string;
  @Field(() => String) toDay: string;
  @Field(() => StatsSide) side: StatsSide;
  @Field(() => Int) thresholdBps: number;
  @Field(() => [ChannelCertifiedShare]) channels: ChannelCertifiedShare[];
}

@ObjectType()
export class StatsDifference {
  @Field(() => String, {
    description:
      'MISSING_LINE, UNEXPECTED_LINE, LINE_MISMATCH, MISSING_REFUND, UNEXPECTED_REFUND, REFUND_MISMATCH, ROLLUP_MISMATCH',
  })
  kind: string;
  @Field(() => String) key: string;
  @Field(() => String) expected: string;
  @Field(() => String) actual: string;
}

@ObjectType()
export class StatsReconciliationReport {
  @Field(() => ID) id: string;
  @Field(() => String) fromDay: string;
  @Field(() => String) toDay: string;
  @Field(() => Boolean) ok: boolean;
  @Field(() => Int) ordersChecked: number;
  @Field(() => Int) differenceCount: number;
  @Field(() => [StatsDifference]) differences: StatsDifference[];
}
