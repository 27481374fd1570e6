import { ProduceErrorCode } from './produce.errors';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ALL_ERROR_CODES, Paginated, resultUnion } from '@bangfu/core';
import { type Fen, MoneyScalar } from '@bangfu/money';
import {
  IncomeConfirmation,
  IncomeDispute,
  IncomeDisputeStatus,
  IncomeLineKind,
  ProduceCommitment,
  ProduceOffer,
  ProduceOfferStatus,
  ProducePaymentMethod,
  ProducePaymentStatus,
  ProduceReceipt,
} from './produce.entities';

// ── inputs ─────────────────────────────────────────────────────────────────────

@InputType({ description: 'A new produce offer. The village comes from the household.' })
export class CreateProduceOfferInput {
  @Field(() => String, { description: '1–50 characters, e.g. 白萝卜' }) cropName: string;
  @Field(() => ID, { nullable: true }) categoryId?: string | null;
  @Field(() => String, { nullable: true }) variety?: string | null;
  @Field(() => Int, { description: 'Whole units of `unit`, 1 … 2,147,483,647' }) quantity: number;
  @Field(() => String, { description: 'kg, g, 斤, 箱, 盒, 袋, 瓶, 罐, 个, 只, 头, 件, 份' }) unit: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) availableFrom: string;
  @Field(() => String, { description: 'YYYY-MM-DD, inclusive; not before availableFrom nor in the past' })
  availableUntil: string;
  @Field(() => MoneyScalar, { description: 'Fen per unit' }) askingPrice: Fen;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => [String], {
    nullable: true,
    description: 'Up to 6 keys from POST /produce-files/images (your own uploads)',
  })
  imageKeys?: string[] | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'Assisted offers (代录): the household a county coordinator or town work team lists for. A FARMER leaves it out (its own household).',
  })
  householdId?: string | null;
}

@InputType({ description: 'Fields to change; quantity cannot go below what commitments already hold' })
export class UpdateProduceOfferInput {
  @Field(() => String, { nullable: true }) cropName?: string | null;
  @Field(() => ID, { nullable: true }) categoryId?: string | null;
  @Field(() => String, { nullable: true }) variety?: string | null;
  @Field(() => Int, { nullable: true }) quantity?: number | null;
  @Field(() => String, { nullable: true }) availableFrom?: string | null;
  @Field(() => String, { nullable: true }) availableUntil?: string | null;
  @Field(() => MoneyScalar, { nullable: true }) askingPrice?: Fen | null;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => [String], { nullable: true }) imageKeys?: string[] | null;
}

@InputType()
export class ProduceOfferFilter {
  @Field(() => String, { nullable: true, description: 'Region code or prefix (subtree) of the household’s village' })
  regionCode?: string | null;
  @Field(() => ProduceOfferStatus, { nullable: true }) status?: ProduceOfferStatus | null;
  @Field(() => String, { nullable: true, description: 'Substring of the crop name' }) cropName?: string | null;
  @Field(() => ID, { nullable: true }) householdId?: string | null;
}

@InputType({ description: 'A new lot for the receipt, with the fields of createLot (the contribution is the receipt)' })
export class NewLotInput {
  @Field(() => ID) variantId: string;
  @Field(() => String, { description: 'Unique per variant' }) lotNo: string;
  @Field(() => String, { description: 'YYYY-MM-DD, not in the future' }) harvestedOn: string;
}

@InputType()
export class DisputeIncomeLineInput {
  @Field(() => String, { description: 'YYYY-MM' }) month: string;
  @Field(() => IncomeLineKind) kind: IncomeLineKind;
  @Field(() => ID, { nullable: true, description: 'PURCHASE_PAYMENT: the receipt whose payment is disputed' })
  receiptId?: string | null;
  @Field(() => ID, { nullable: true, description: 'ATTRIBUTED_INCOME: the product line of the month' }) productId?:
    string | null;
  @Field(() => String, { description: '1–1000 characters' }) note: string;
}

@InputType()
export class IncomeDisputeFilter {
  @Field(() => String, { nullable: true }) regionCode?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM' }) month?: string | null;
  @Field(() => IncomeDisputeStatus, { nullable: true }) status?: IncomeDisputeStatus | null;
}

// ── union results ──────────────────────────────────────────────────────────────

@ObjectType({ description: 'The commitment asks for more than the offer has left (other commitments hold the rest)' })
export class OfferQuantityExceededError {
  @Field(() => ALL_ERROR_CODES) code = ProduceErrorCode.OFFER_QUANTITY_EXCEEDED;
  @Field(() => String) message: string;
  @Field(() => Int) requested: number;
  @Field(() => Int, { description: 'Still uncommitted when the request ran' }) available: number;
}

@ObjectType({ description: 'The offer no longer takes commitments (WITHDRAWN, EXPIRED or fully COMMITTED)' })
export class OfferNotOpenError {
  @Field(() => ALL_ERROR_CODES) code = ProduceErrorCode.OFFER_NOT_OPEN;
  @Field(() => String) message: string;
  @Field(() => ProduceOfferStatus, {
    description: 'Named apart from ProduceCommitment.status so one selection can ask for both',
  })
  offerStatus: ProduceOfferStatus;
}

export const CommitToProduceOfferResult = resultUnion('CommitToProduceOfferResult', [
  ProduceCommitment,
  OfferQuantityExceededError,
  OfferNotOpenError,
]);
export type CommitOutcome = ProduceCommitment | OfferQuantityExceededError | OfferNotOpenError;

@ObjectType({
  description:
    'More received than the commitment promised: record the commitment’s quantity, agree a new commitment for the rest',
})
export class ReceiptExceedsCommitmentError {
  @Field(() => ALL_ERROR_CODES) code = ProduceErrorCode.RECEIPT_EXCEEDS_COMMITMENT;
  @Field(() => String) message: string;
  @Field(() => Int) committed: number;
  @Field(() => Int) received: number;
}

export const RecordProduceReceiptResult = resultUnion('RecordProduceReceiptResult', [
  ProduceReceipt,
  ReceiptExceedsCommitmentError,
]);
export type ReceiptOutcome = ProduceReceipt | ReceiptExceedsCommitmentError;

export const ProduceOfferConnection = Paginated(ProduceOffer);

// ── farmer's income statement ──────────────────────────────────────────────────

export enum IncomeMonthStatus {
  UNCONFIRMED = 'UNCONFIRMED',
  CONFIRMED = 'CONFIRMED',
  DISPUTED = 'DISPUTED',
}
registerEnumType(IncomeMonthStatus, {
  name: 'IncomeMonthStatus',
  description: 'UNCONFIRMED, CONFIRMED, DISPUTED (a line of the month is disputed)',
});

@ObjectType({ description: 'One purchase (收购) in the month: the receipt and its payment' })
export class IncomeStatementPurchase {
  @Field(() => ID) receiptId: string;
  @Field(() => ID) commitmentId: string;
  @Field(() => ID) offerId: string;
  @Field(() => ID) supplierId: string;
  @Field(() => String) supplierName: string;
  @Field(() => String) cropName: string;
  @Field(() => String) unit: string;
  @Field(() => Int) quantity: number;
  @Field(() => Int) committedQuantity: number;
  @Field(() => MoneyScalar) unitPrice: Fen;
  @Field(() => MoneyScalar) amount: Fen;
  @Field(() => String, { nullable: true }) lotNo: string | null;
  @Field(() => Date) receivedAt: Date;
  @Field(() => ID) paymentId: string;
  @Field(() => ProducePaymentStatus) paymentStatus: ProducePaymentStatus;
  @Field(() => ProducePaymentMethod, { nullable: true }) paymentMethod: ProducePaymentMethod | null;
  @Field(() => String, { nullable: true }) paymentReference: string | null;
  @Field(() => String, { nullable: true }) paidOn: string | null;
}

@ObjectType({ description: 'Attributed income (带动收益) from sales of one product in the month, from attribution' })
export class IncomeStatementAttribution {
  @Field(() => ID) productId: string;
  @Field(() => String) productTitle: string;
  @Field(() => ID) supplierId: string;
  @Field(() => MoneyScalar) amount: Fen;
}

@ObjectType({ description: 'Attributed income from one order in the month, per product and lot (from attribution)' })
export class IncomeStatementOrder {
  @Field(() => ID) orderId: string;
  @Field(() => String) orderNo: string;
  @Field(() => ID) productId: string;
  @Field(() => String) productTitle: string;
  @Field(() => ID) supplierId: string;
  @Field(() => ID, { nullable: true }) lotId: string | null;
  @Field(() => String, { nullable: true }) lotNo: string | null;
  @Field(() => MoneyScalar) amount: Fen;
}

@ObjectType({
  description:
    'A household’s month: purchase payments and attributed income, shown separately, and whether it confirmed them',
})
export class IncomeStatement {
  @Field(() => ID) householdId: string;
  @Field(() => String, { description: 'YYYY-MM' }) month: string;
  @Field(() => [IncomeStatementPurchase]) purchases: IncomeStatementPurchase[];
  @Field(() => MoneyScalar) purchasePaidTotal: Fen;
  @Field(() => MoneyScalar) purchasePendingTotal: Fen;
  @Field(() => [IncomeStatementAttribution]) attributedIncome: IncomeStatementAttribution[];
  @Field(() => MoneyScalar) attributedTotal: Fen;
  @Field(() => [IncomeStatementOrder], {
    description: 'The same attributed income per order (and lot): which sale paid what',
  })
  attributedOrders: IncomeStatementOrder[];
  @Field(() => IncomeMonthStatus) status: IncomeMonthStatus;
  @Field(() => IncomeConfirmation, { nullable: true }) confirmation: IncomeConfirmation | null;
  @Field(() => [IncomeDispute]) disputes: IncomeDispute[];
}

@ObjectType({ description: 'Confirmation rate of one supplier or village in a month' })
export class IncomeConfirmationRate {
  @Field(() => String, { description: 'Supplier id or village code' }) key: string;
  @Field(() => String) name: string;
  @Field(() => Int, { description: 'Households with a produce receipt in the month' }) households: number;
  @Field(() => Int, { description: 'Of those, households that confirmed the month' }) confirmed: number;
  @Field(() => Int, { description: 'Of those, households with a dispute in the month' }) disputed: number;
  @Field(() => Int, { description: 'confirmed / households in basis points (10000 = 100%); 0 when no households' })
  rateBps: number;
}

@ObjectType()
export class IncomeConfirmationRates {
  @Field(() => String) regionCode: string;
  @Field(() => String) month: string;
  @Field(() => [IncomeConfirmationRate]) bySupplier: IncomeConfirmationRate[];
  @Field(() => [IncomeConfirmationRate]) byVillage: IncomeConfirmationRate[];
}
