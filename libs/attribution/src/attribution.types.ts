import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { type Fen, MoneyScalar } from '@bangfu/money';
import { HouseholdStatus } from '@bangfu/supplier';
import { AttributionKind, BeneficiaryKind } from './engine';

@InputType({
  description: 'A new version of a product’s attribution rule (or of the supplier default when productId is omitted)',
})
export class SetAttributionRuleInput {
  @Field(() => ID, { nullable: true, description: 'The product; omit for the supplier’s default rule' }) productId?:
    string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'Required for a supplier default; must match the product’s supplier otherwise',
  })
  supplierId?: string | null;
  @Field(() => AttributionKind) kind: AttributionKind;
  @Field(() => String, {
    nullable: true,
    description: 'ISO-8601 date (Asia/Shanghai midnight) or timestamp; default now; never in the past',
  })
  effectiveFrom?: string | null;
  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'CONTRACT_PURCHASE: fen per unit, at most the lowest unit price',
  })
  perUnitPayout?: Fen | null;
  @Field(() => Int, { nullable: true, description: 'REVENUE_SHARE: basis points (1% = 100) to households' })
  householdsBasisPoints?: number | null;
  @Field(() => Int, { nullable: true, description: 'REVENUE_SHARE: basis points to the village collective' })
  villageCollectiveBasisPoints?: number | null;
  @Field(() => Int, { nullable: true, description: 'REVENUE_SHARE: basis points to the cooperative' })
  cooperativeBasisPoints?: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'WAGE / DIVIDEND: basis points of net revenue pooled for the period',
  })
  poolBasisPoints?: number | null;
  @Field(() => String, { nullable: true, description: 'REVENUE_SHARE: the linked village collective (level-5 code)' })
  villageCode?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'REVENUE_SHARE: the cooperative (defaults to the supplier when it is one)',
  })
  cooperativeOrgId?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@ObjectType()
export class HouseholdIncomeProduct {
  @Field(() => ID) productId: string;
  @Field(() => String) productTitle: string;
  @Field(() => ID) supplierId: string;
  @Field(() => MoneyScalar) amount: Fen;
}

@ObjectType({ description: 'A household’s net attributed income in one month (Asia/Shanghai)' })
export class HouseholdIncomeMonth {
  @Field(() => String, { description: 'YYYY-MM' }) period: string;
  @Field(() => MoneyScalar) amount: Fen;
  @Field(() => [HouseholdIncomeProduct]) products: HouseholdIncomeProduct[];
}

@ObjectType({ description: 'Income attributed to a farmer household, by month and product (net of refunds)' })
export class HouseholdIncome {
  @Field(() => ID) householdId: string;
  @Field(() => String) villageCode: string;
  @Field(() => HouseholdStatus) status: HouseholdStatus;
  @Field(() => String, { description: 'First month (YYYY-MM)' }) fromPeriod: string;
  @Field(() => String, { description: 'Last month (YYYY-MM), inclusive' }) toPeriod: string;
  @Field(() => MoneyScalar) totalAmount: Fen;
  @Field(() => Boolean, { description: 'True when the caller sees only the income from its own supplier’s sales' })
  partial: boolean;
  @Field(() => [HouseholdIncomeMonth]) months: HouseholdIncomeMonth[];
}

@ObjectType({ description: 'Attribution in a region over a period (rollups; net of refunds)' })
export class AttributionSummary {
  @Field(() => String) regionCode: string;
  @Field(() => String) fromPeriod: string;
  @Field(() => String) toPeriod: string;
  @Field(() => MoneyScalar, {
    description: 'To households, village collectives and cooperatives (the unassigned bucket excluded)',
  })
  attributedAmount: Fen;
  @Field(() => MoneyScalar) householdIncome: Fen;
  @Field(() => MoneyScalar) villageCollectiveIncome: Fen;
  @Field(() => MoneyScalar) cooperativeIncome: Fen;
  @Field(() => MoneyScalar, { description: 'Shipped units not covered by lots: income not yet traced to households' })
  unassignedAmount: Fen;
  @Field(() => Int, { description: '带动户数: distinct households with positive net income in the period' })
  householdsDriven: number;
  @Field(() => Int) exPovertyHouseholdsDriven: number;
  @Field(() => Int) monitoredHouseholdsDriven: number;
}

@ObjectType({ description: 'One beneficiary of an order line (net of refunds)' })
export class OrderAttributionBeneficiary {
  @Field(() => BeneficiaryKind) kind: BeneficiaryKind;
  @Field(() => ID, { nullable: true }) householdId: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Head of household (masked 田** unless the caller may see names), or the cooperative / supplier name',
  })
  name: string | null;
  @Field(() => HouseholdStatus, { nullable: true }) householdStatus: HouseholdStatus | null;
  @Field(() => String, { nullable: true }) villageCode: string | null;
  @Field(() => String, { nullable: true }) villageName: string | null;
  @Field(() => ID, { nullable: true }) organizationId: string | null;
  @Field(() => ID, { nullable: true }) lotId: string | null;
  @Field(() => String, { nullable: true }) lotNo: string | null;
  @Field(() => MoneyScalar) amount: Fen;
}

@ObjectType()
export class OrderAttributionLine {
  @Field(() => ID) orderLineId: string;
  @Field(() => ID) productId: string;
  @Field(() => String) productTitle: string;
  @Field(() => ID) supplierId: string;
  @Field(() => Int) quantity: number;
  @Field(() => MoneyScalar) lineTotal: Fen;
  @Field(() => MoneyScalar) refundedAmount: Fen;
  @Field(() => AttributionKind, { nullable: true }) ruleKind: AttributionKind | null;
  @Field(() => Int, { nullable: true }) ruleVersion: number | null;
  @Field(() => MoneyScalar, { description: 'Attributed now (after refunds)' }) attributedAmount: Fen;
  @Field(() => Boolean, { description: 'The rule asked for more than the line earned and was capped' }) capped: boolean;
  @Field(() => String) period: string;
  @Field(() => [OrderAttributionBeneficiary]) beneficiaries: OrderAttributionBeneficiary[];
}

@ObjectType({
  description:
    '“Where your money went”: the income an order brought to households, village collectives and cooperatives',
})
export class OrderAttribution {
  @Field(() => ID) orderId: string;
  @Field(() => Boolean, { description: 'Whether the order counts yet (agency: accepted; retail: paid and delivered)' })
  counted: boolean;
  @Field(() => MoneyScalar) attributedAmount: Fen;
  @Field(() => MoneyScalar) householdAmount: Fen;
  @Field(() => Int) householdCount: number;
  @Field(() => [OrderAttributionLine]) lines: OrderAttributionLine[];
}

@ObjectType()
export class VariantIncomeShare {
  @Field(() => ID) variantId: string;
  @Field(() => MoneyScalar) retailPrice: Fen;
  @Field(() => MoneyScalar, { nullable: true }) perUnitToHouseholds: Fen | null;
}

@ObjectType({ description: 'What one unit of a product brings farmer households under the rule in force now' })
export class ProductIncomeShare {
  @Field(() => ID) productId: string;
  @Field(() => AttributionKind, { nullable: true }) kind: AttributionKind | null;
  @Field(() => Int, { nullable: true }) ruleVersion: number | null;
  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Fen per unit to households at the cheapest active variant’s retail price; null without a rule',
  })
  perUnitToHouseholds: Fen | null;
  @Field(() => Int, { nullable: true, description: 'REVENUE_SHARE: basis points to households' })
  householdsBasisPoints: number | null;
  @Field(() => Int, {
    description:
      'Households that contributed to this product’s lots (or linked to its supplier; WAGE/DIVIDEND: the linked households)',
  })
  householdCount: number;
  @Field(() => [VariantIncomeShare]) variants: VariantIncomeShare[];
}

@ObjectType({ description: 'Shipped units not covered by lots: income waiting to be traced to households' })
export class UnassignedBucket {
  @Field(() => ID) supplierId: string;
  @Field(() => String) supplierName: string;
  @Field(() => String) regionCode: string;
  @Field(() => ID) productId: string;
  @Field(() => String) productTitle: string;
  @Field(() => String) period: string;
  @Field(() => MoneyScalar) amount: Fen;
}

@ObjectType()
export class ReconciliationDifference {
  @Field(() => String, {
    description:
      'MISSING_ENTRY, UNEXPECTED_ENTRY, AMOUNT_MISMATCH, RULE_MISMATCH, LINE_MISMATCH, MISSING_LINE, UNEXPECTED_LINE, ROLLUP_MISMATCH',
  })
  kind: string;
  @Field(() => ID, { nullable: true }) orderId: string | null;
  @Field(() => ID, { nullable: true }) orderLineId: string | null;
  @Field(() => String) key: string;
  @Field(() => String, { nullable: true }) expected: string | null;
  @Field(() => String, { nullable: true }) stored: string | null;
}

@ObjectType({
  description: 'Attribution rebuilt from order lines, allocations and rules, compared with what is stored',
})
export class ReconciliationReport {
  @Field(() => ID) id: string;
  @Field(() => Date) from: Date;
  @Field(() => Date, { description: 'Exclusive end' }) to: Date;
  @Field(() => Boolean) ok: boolean;
  @Field(() => Int) ordersChecked: number;
  @Field(() => Int) linesChecked: number;
  @Field(() => Int) entriesChecked: number;
  @Field(() => MoneyScalar) expectedAmount: Fen;
  @Field(() => MoneyScalar) storedAmount: Fen;
  @Field(() => Int, { description: 'Counted lines capped at their revenue' }) cappedLines: number;
  @Field(() => Int) differenceCount: number;
  @Field(() => [ReconciliationDifference], { description: 'The first 500 differences' })
  differences: ReconciliationDifference[];
}
