import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { type Fen, MoneyScalar } from '@bangfu/money';
import { PaymentMethod } from './payment.entities';

@ObjectType({ description: 'What the storefront needs to complete a Stripe payment (Payment Element)' })
export class PayOrderResult {
  @Field(() => ID) paymentId: string;
  @Field(() => String, { description: 'PaymentIntent client secret: give it to Stripe.js, never log it' })
  clientSecret: string;
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

@ObjectType({
  description: 'How to pay by bank transfer (对公转账): the amount, the reference to quote, and the account',
})
export class BankTransferInstructions {
  @Field(() => MoneyScalar, { description: 'Exactly the order total' }) amount: Fen;
  @Field(() => String, {
    description: 'The invoice reference to write in the transfer’s memo (附言): the order number',
  })
  reference: string;
  @Field(() => String, {
    nullable: true,
    description: 'Platform receiving account (null: the one printed on the invoice)',
  })
  payeeName: string | null;
  @Field(() => String, { nullable: true }) bankName: string | null;
  @Field(() => String, { nullable: true }) accountNo: string | null;
}

@ObjectType({ description: 'The ways the caller may pay this order now, as the server will accept them' })
export class PaymentOptions {
  @Field(() => ID) orderId: string;
  @Field(() => Boolean, {
    description: 'Money can be applied to the order now (unpaid prepay, or pay on delivery after confirmation)',
  })
  payable: boolean;
  @Field(() => [PaymentMethod], { description: 'Stripe methods for payOrder (empty without Stripe)' })
  online: PaymentMethod[];
  @Field(() => String, { nullable: true, description: 'For Stripe’s Payment Element' }) publishableKey: string | null;
  @Field(() => BankTransferInstructions, {
    nullable: true,
    description: 'Set when the caller may recordBankTransfer now',
  })
  bankTransfer: BankTransferInstructions | null;
  @Field(() => Boolean, { description: 'A recorded transfer awaits platform confirmation' }) transferPending: boolean;
  @Field(() => Boolean, { description: 'The caller may choose pay on delivery (confirmOrder)' }) payOnDelivery: boolean;
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
  @Field(() => String, { nullable: true, description: 'Stripe connected account (acct_…); platform admins only' })
  stripeAccountId?: string | null;
  @Field(() => String, { nullable: true }) bankName?: string | null;
  @Field(() => String, { nullable: true }) bankAccountName?: string | null;
  @Field(() => String, { nullable: true }) bankAccountNo?: string | null;
}
