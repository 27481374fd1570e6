import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MoneyScalar } from '@bangfu/money';

export enum PaymentClockStatus {
  NOT_DUE = 'NOT_DUE',
  OVERDUE = 'OVERDUE',
  PAID = 'PAID',
  PAID_LATE = 'PAID_LATE',
}
registerEnumType(PaymentClockStatus, {
  name: 'PaymentClockStatus',
  description: 'NOT_DUE, OVERDUE (unpaid after the due date), PAID (on time), PAID_LATE (late interest owed)',
});

@ObjectType({
  description:
    'Days to pay after acceptance and the daily late-interest rate of a province or city (default 30 days, 500 ppm = 万分之五)',
})
export class JurisdictionPaymentTerms {
  @Field(() => String) regionPrefix: string;
  @Field(() => Int) termDays: number;
  @Field(() => Int, { description: 'Late interest per day in parts per million of the amount owed (500 = 0.05%)' })
  dailyRatePpm: number;
}

@ObjectType({
  description:
    'One supplier’s part of an accepted pay-on-delivery agency order: what is owed, when, and the late interest as of a day',
})
export class PaymentClockEntry {
  @Field(() => ID) orderId: string;
  @Field(() => String) orderNo: string;
  @Field(() => ID) orgId: string;
  @Field(() => String) unitName: string;
  @Field(() => String, { nullable: true }) regionCode: string | null;
  @Field(() => ID) supplierId: string;
  @Field(() => String) supplierName: string;
  @Field(() => MoneyScalar, { description: 'The supplier’s lines net of refunds (fen)' }) amount: number;
  @Field(() => String, { description: 'Acceptance day (Asia/Shanghai)' }) acceptedOn: string;
  @Field(() => Int) termDays: number;
  @Field(() => Int) dailyRatePpm: number;
  @Field(() => String, { description: 'Last day to pay: acceptedOn + termDays' }) dueOn: string;
  @Field(() => String, { nullable: true }) paidOn: string | null;
  @Field(() => PaymentClockStatus) status: PaymentClockStatus;
  @Field(() => Int) daysOverdue: number;
  @Field(() => MoneyScalar, { description: 'amount × dailyRatePpm × daysOverdue / 1,000,000, half up (fen)' })
  interestAmount: number;
  @Field(() => MoneyScalar, { description: 'Still unpaid on asOf' }) outstandingAmount: number;
}

@ObjectType({ description: 'A unit with overdue payments' })
export class OverdueUnit {
  @Field(() => ID) orgId: string;
  @Field(() => String) name: string;
  @Field(() => String, { nullable: true }) regionCode: string | null;
  @Field(() => Int) overdueCount: number;
  @Field(() => MoneyScalar) overdueAmount: number;
  @Field(() => MoneyScalar) interestAmount: number;
  @Field(() => Int) maxDaysOverdue: number;
}

@ObjectType()
export class PaymentClockReport {
  @Field(() => String, { description: 'The day the figures are computed for (Asia/Shanghai)' }) asOf: string;
  @Field(() => [PaymentClockEntry]) entries: PaymentClockEntry[];
  @Field(() => [OverdueUnit], {
    description: 'Units with unpaid overdue orders or late interest, largest overdue amount first',
  })
  overdueUnits: OverdueUnit[];
  @Field(() => MoneyScalar, { description: 'Unpaid on asOf (due or not)' }) outstandingAmount: number;
  @Field(() => MoneyScalar, { description: 'Unpaid and past due on asOf' }) overdueAmount: number;
  @Field(() => MoneyScalar, { description: 'Late interest owed (overdue and paid-late entries)' })
  interestAmount: number;
  @Field(() => Int) overdueCount: number;
}

@InputType()
export class PaymentClockFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Units in this region prefix (coordinators/auditors: within their scope, else FORBIDDEN)',
  })
  regionCode?: string | null;
  @Field(() => ID, { nullable: true, description: 'This unit and the units below it' }) orgId?: string | null;
  @Field(() => ID, { nullable: true }) orderId?: string | null;
  @Field(() => ID, { nullable: true }) supplierId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Only entries owing late interest (OVERDUE, PAID_LATE)' })
  overdueOnly?: boolean | null;
}
