import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { type Fen, MoneyScalar } from '@bangfu/money';
import { PaymentMethod } from './payment.entities';

@ObjectType({ description: 'What the storefront needs to complete a Stripe payment (Payment Element)' })
export class PayOrderResult {
  @Field(() => ID) paymentId: string;
  @Field(() => String, { description: 'PaymentIntent client secret: give it to Stripe.js, never log it' }) clientSecret: string;
  @Field(() => MoneyScalar) amount: Fen;
  @Field(() => PaymentMethod) method: PaymentMethod;
  @Field(() => String, { nullable: true }) publishableKey: string | null;
}

@ObjectType({ description: 'Which ways of paying this platform offers' })
export class PaymentSetup {
  @Field(() => Boolean) stripeEnabled: boolean;
  @Field(() => String, { nullable: true }) publishableKey: string | null;
  @Field(() => [PaymentMethod]) methods: PaymentMethod[];
}

@InputType()
export class RecordBankTransferInput {
  @Field(() => ID) orderId: string;
  @Field(() => String, { description: 'The bank’s transaction reference (流水号)' }) reference: string;
  @Field(() => MoneyScalar, { description: 'Must equal the order total' }) amount: Fen;
  @Field(() => String, { description: 'When the transfer was made (ISO-8601)' }) paidAt: string;
}

@InputType()
export class SupplierPayoutAccountInput {
  @Field(() => ID) supplierId: string;
  @Field(() => String, { nullable: true, description: 'Stripe connected account (acct_…); platform admins only' }) stripeAccountId?: string | null;
  @Field(() => String, { nullable: true }) bankName?: string | null;
  @Field(() => String, { nullable: true }) bankAccountName?: string | null;
  @Field(() => String, { nullable: true }) bankAccountNo?: string | null;
}
