import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MoneyScalar } from '@bangfu/money';
import { ComplaintKind, ComplaintRemedy, ComplaintStatus, SupplierWarning } from './aftersales.entities';
import { ComplaintDecision } from './complaint.service';

registerEnumType(ComplaintDecision, { name: 'ComplaintDecision' });

@InputType()
export class OpenComplaintInput {
  @Field(() => ID) supplierOrderId: string;
  @Field(() => ComplaintKind) kind: ComplaintKind;
  @Field(() => String) description: string;
}

@InputType()
export class DecideComplaintInput {
  @Field(() => ComplaintDecision) decision: ComplaintDecision;
  @Field(() => String, { description: 'Why (shown to buyer and supplier)' }) reason: string;
  @Field(() => ComplaintRemedy, {
    nullable: true,
    description: 'UPHOLD: REFUND (default) or RETURN (goods back, money back)',
  })
  remedy?: ComplaintRemedy | null;
  @Field(() => MoneyScalar, {
    nullable: true,
    description: "UPHOLD: fen to refund; default what is left of the supplier order's lines",
  })
  refundAmount?: number | null;
}

@InputType()
export class ComplaintFilterInput {
  @Field(() => ComplaintStatus, { nullable: true }) status?: ComplaintStatus | null;
  @Field(() => ID, { nullable: true }) supplierId?: string | null;
  @Field(() => ID, { nullable: true }) orderId?: string | null;
}

@ObjectType()
export class SupplierScorecard {
  @Field(() => ID) supplierId: string;
  @Field(() => Float, { nullable: true, description: 'Average of all ratings (1–5), two decimals' }) ratingAverage:
    number | null;
  @Field(() => Int) ratingCount: number;
  @Field(() => Int) deliveredOrders: number;
  @Field(() => Int) complaintCount: number;
  @Field(() => Int) openComplaints: number;
  @Field(() => Int, { nullable: true, description: 'Complaints per delivered supplier order, basis points' })
  complaintRateBps: number | null;
  @Field(() => Int) upheldComplaints: number;
  @Field(() => Int, { description: 'Upheld within the rules’ window (upheldWindowDays)' }) upheldRecent: number;
  @Field(() => Int) upheldWindowDays: number;
  @Field(() => Int) shippedOrders: number;
  @Field(() => Int) onTimeShipped: number;
  @Field(() => Int, { nullable: true, description: 'Shipped within onTimeShippingHours of payment, basis points' })
  onTimeShippingBps: number | null;
  @Field(() => Int) onTimeShippingHours: number;
  @Field(() => [SupplierWarning], { description: 'Rule warnings and suspension proposals (not shown to buyers)' })
  warnings: SupplierWarning[];
}
