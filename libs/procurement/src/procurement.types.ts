import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Paginated, resultUnion, Role } from '@bangfu/core';
import { MoneyScalar } from '@bangfu/money';
import {
  CertificationInvalidError,
  InsufficientStockError,
  InvalidOrderInputError,
  OrderLineInput,
  ProductUnavailableError,
} from '@bangfu/ordering';
import {
  CanteenMode,
  ExemptionStatus,
  PurchaseRequest,
  PurchaseRequestStatus,
  PurchaseTerms,
  RebindingStatus,
  ReservedShareFiling,
} from './procurement.entities';

@InputType()
export class FileReservedShareInput {
  @Field(() => ID) orgId: string;
  @Field(() => Int) year: number;
  @Field(() => CanteenMode) canteenMode: CanteenMode;
  @Field(() => MoneyScalar, { description: '食堂食材采购预算 in fen; negative or above ¥10 billion is INVALID_BUDGET' })
  canteenBudget: number;
  @Field(() => Int, { nullable: true, description: 'Basis points (1000 = 10%); required unless canteenMode is NONE' })
  ratioBps?: number | null;
  @Field(() => [ID], {
    nullable: true,
    description: 'SHARED: the other units eating in this canteen (you must administer them)',
  })
  coveredOrgIds?: string[] | null;
  @Field(() => String, { nullable: true, description: 'OUTSOURCED: the caterer' }) catererName?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Required when the reserved amount is below the previous year’s filing (RESERVED_DECREASE_REASON_REQUIRED)',
  })
  decreaseReason?: string | null;
}

@InputType({ description: 'Only the fields given change; the reason is kept with the amendment' })
export class AmendReservedShareInput {
  @Field(() => ID) orgId: string;
  @Field(() => Int) year: number;
  @Field(() => CanteenMode, { nullable: true }) canteenMode?: CanteenMode | null;
  @Field(() => MoneyScalar, { nullable: true }) canteenBudget?: number | null;
  @Field(() => Int, { nullable: true }) ratioBps?: number | null;
  @Field(() => [ID], { nullable: true }) coveredOrgIds?: string[] | null;
  @Field(() => String, { nullable: true }) catererName?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why the reserved amount is below the previous year’s (required then unless already given)',
  })
  decreaseReason?: string | null;
  @Field(() => String) reason: string;
}

@InputType()
export class RequestExemptionInput {
  @Field(() => ID) orgId: string;
  @Field(() => Int) year: number;
  @Field(() => Int, { description: 'The ratio (basis points) the unit wants to file, below the minimum' })
  ratioBps: number;
  @Field(() => String) reason: string;
}

@InputType({ description: 'The caterer’s own PURCHASER account under the unit (OUTSOURCED canteens)' })
export class CatererAccountInput {
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String) displayName: string;
  @Field(() => String) password: string;
}

@ObjectType()
export class MonthlyCompletion {
  @Field(() => Int) month: number;
  @Field(() => MoneyScalar, { description: 'Counted in this month (acceptances minus refunds), Asia/Shanghai' })
  countedAmount: number;
}

@ObjectType({
  description:
    '预留份额 completion of a unit for a year (一个口径: accepted agency orders bound to the unit, refunds subtract when they happen)',
})
export class ReservedShare {
  @Field(() => ID) orgId: string;
  @Field(() => Int) year: number;
  @Field(() => ID, {
    nullable: true,
    description: 'The unit whose filing covers this one (itself, or the unit filing for a shared canteen)',
  })
  filingOrgId: string | null;
  @Field(() => [ID], {
    description: 'Units whose orders count toward this filing (the filer and the units sharing its canteen)',
  })
  coveredOrgIds: string[];
  @Field(() => Int, { description: 'The jurisdiction minimum for this unit now (basis points)' }) minimumBps: number;
  @Field(() => MoneyScalar) reservedAmount: number;
  @Field(() => MoneyScalar, { description: 'Certified lines of accepted orders, net of refunds, in this year' })
  countedAmount: number;
  @Field(() => MoneyScalar, { description: 'Placed (approved) but not yet accepted, by month of placement' })
  pendingAmount: number;
  @Field(() => MoneyScalar, {
    description: 'Accepted lines whose certification was not valid at order time: reported, not counted',
  })
  uncertifiedAmount: number;
  @Field(() => MoneyScalar, { description: 'Part of countedAmount from trade-union (工会) purchases' })
  tradeUnionAmount: number;
  @Field(() => MoneyScalar, {
    description:
      'Certified retail purchases of the unit’s staff with their own money (paid and delivered, net of refunds): reported separately; part of countedAmount only where staffPurchasesCount',
  })
  staffAmount: number;
  @Field(() => Boolean, {
    description: 'Whether the unit’s jurisdiction counts staff purchases toward completion (now)',
  })
  staffPurchasesCount: boolean;
  @Field(() => Int, {
    nullable: true,
    description: 'counted × 10000 / reserved, rounded down; null when nothing is reserved',
  })
  completionBasisPoints: number | null;
  @Field(() => Float, { nullable: true, description: 'completionBasisPoints / 100' }) completionPercent: number | null;
  @Field(() => [MonthlyCompletion], { description: 'Twelve months, January first' }) monthly: MonthlyCompletion[];
  @Field(() => ReservedShareFiling, { nullable: true }) filing: ReservedShareFiling | null;
}

@ObjectType({ description: 'One unit in a completion ranking' })
export class UnitCompletion {
  @Field(() => Int, { description: '1 = highest completion; units without a filing come last' }) rank: number;
  @Field(() => ID) orgId: string;
  @Field(() => String) name: string;
  @Field(() => String, { nullable: true }) regionCode: string | null;
  @Field(() => ID, { nullable: true }) parentId: string | null;
  @Field(() => ID, { nullable: true }) filingId: string | null;
  @Field(() => ID, { nullable: true, description: 'The unit that filed (differs for units sharing a canteen)' })
  filingOrgId: string | null;
  @Field(() => CanteenMode, { nullable: true }) canteenMode: CanteenMode | null;
  @Field(() => Boolean, { nullable: true }) late: boolean | null;
  @Field(() => MoneyScalar) reservedAmount: number;
  @Field(() => MoneyScalar) countedAmount: number;
  @Field(() => MoneyScalar) pendingAmount: number;
  @Field(() => Int, { nullable: true }) completionBasisPoints: number | null;
  @Field(() => Float, { nullable: true }) completionPercent: number | null;
}

@InputType()
export class SubmitPurchaseRequestInput {
  @Field(() => ID, { description: 'The unit buying (you must be its PURCHASER)' }) buyerOrgId: string;
  @Field(() => ID) channelId: string;
  @Field(() => [OrderLineInput]) lines: OrderLineInput[];
  @Field(() => String, { description: '采购理由' }) justification: string;
  @Field(() => PurchaseTerms) terms: PurchaseTerms;
  @Field(() => Boolean, {
    nullable: true,
    description: '工会采购 (trade-union purchase): counted toward the unit, shown separately',
  })
  tradeUnion?: boolean | null;
  @Field(() => String, {
    nullable: true,
    description: 'Chosen by the client; a retry with the same key returns the same request',
  })
  idempotencyKey?: string | null;
}

/** A user's limit per request (fen); orgId only when the user buys for several of your units. */
@ArgsType()
export class LimitArgs {
  @Field(() => ID) userId: string;
  @Field(() => MoneyScalar) amount: number;
  @Field(() => ID, { nullable: true }) orgId?: string | null;
}

@InputType()
export class BasketInput {
  @Field(() => ID) buyerOrgId: string;
  @Field(() => ID, { nullable: true }) channelId?: string | null;
  @Field(() => [OrderLineInput]) lines: OrderLineInput[];
}

/** What a basket line and a request line both show of the variant bought (no GraphQL type of its own). */
@ObjectType({ isAbstract: true })
abstract class VariantLine {
  @Field(() => ID) variantId: string;
  @Field(() => ID) productId: string;
  @Field(() => String) productTitle: string;
  @Field(() => String) sku: string;
  @Field(() => String) spec: string;
  @Field(() => String) unit: string;
  @Field(() => Int) quantity: number;
  @Field(() => MoneyScalar) lineTotal: number;
}

@ObjectType()
export class BasketLine extends VariantLine {
  @Field(() => MoneyScalar, { description: 'The agency price from the catalogue' }) agencyPrice: number;
  @Field(() => Int) stockAvailable: number;
}

@ObjectType({ description: 'A basket priced at agency prices, and whether submitting it would need approval' })
export class BasketPreview {
  @Field(() => [BasketLine]) lines: BasketLine[];
  @Field(() => MoneyScalar) totalAmount: number;
  @Field(() => MoneyScalar) spendingLimit: number;
  @Field(() => Boolean) withinLimit: boolean;
  @Field(() => Boolean, {
    description: 'False when the unit skips approval within the limit and this basket is within it',
  })
  approvalRequired: boolean;
}

@ObjectType({ description: 'A line of the request’s basket (snapshotted on its order)' })
export class PurchaseRequestLine extends VariantLine {
  @Field(() => MoneyScalar) unitPrice: number;
  @Field(() => Boolean) certified: boolean;
}

export const SubmitPurchaseRequestResult = resultUnion('SubmitPurchaseRequestResult', [
  PurchaseRequest,
  InsufficientStockError,
  ProductUnavailableError,
  CertificationInvalidError,
  InvalidOrderInputError,
]);
export type SubmitOutcome =
  | PurchaseRequest
  | InsufficientStockError
  | ProductUnavailableError
  | CertificationInvalidError
  | InvalidOrderInputError;

@InputType()
export class PurchaseRequestFilter {
  @Field(() => ID, { nullable: true }) orgId?: string | null;
  @Field(() => PurchaseRequestStatus, { nullable: true }) status?: PurchaseRequestStatus | null;
  @Field(() => Boolean, { nullable: true, description: 'Only the requests you submitted' }) mine?: boolean | null;
}

export const PurchaseRequestConnection = Paginated(PurchaseRequest);

@InputType()
export class ProcurementPolicyInput {
  @Field(() => Boolean) skipApprovalBelowLimit: boolean;
  @Field(() => Int, {
    nullable: true,
    description: 'Split-basket detection window in minutes (default 1440 = one day)',
  })
  splitWindowMinutes?: number | null;
}

@InputType()
export class ExemptionFilter {
  @Field(() => ID, { nullable: true }) orgId?: string | null;
  @Field(() => ExemptionStatus, { nullable: true }) status?: ExemptionStatus | null;
}

@InputType()
export class RebindingFilter {
  @Field(() => RebindingStatus, { nullable: true }) status?: RebindingStatus | null;
}

@ObjectType({ description: 'A member of a unit with the per-request limits its agency admin sets' })
export class UnitMember {
  @Field(() => ID) userId: string;
  @Field() displayName: string;
  @Field(() => String, {
    nullable: true,
    description: 'For the admin to reach a colleague; only the unit’s AGENCY_ADMIN sees this list',
  })
  phone: string | null;
  @Field(() => [Role], { description: 'The member’s roles in this unit' }) roles: Role[];
  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'PURCHASER: spending limit per request in fen (0 until set); null for other members',
  })
  spendingLimit: number | null;
  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'APPROVER: approval limit per request in fen (0 until set); null for other members',
  })
  approvalLimit: number | null;
}
