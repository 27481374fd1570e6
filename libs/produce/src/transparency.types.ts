import { Field, Int, ObjectType } from '@nestjs/graphql';
import { type Fen, MoneyScalar } from '@bangfu/money';

@ObjectType({ description: 'A product that brought the county’s households income this year' })
export class CountyTopProduct {
  @Field(() => String) productId: string;
  @Field(() => String) productTitle: string;
  @Field(() => MoneyScalar, { description: 'Attributed to households, net of refunds' }) householdIncome: Fen;
}

@ObjectType({ description: 'A crop the county’s households sold to their cooperatives this year (收购)' })
export class CountyTopCrop {
  @Field(() => String) cropName: string;
  @Field(() => String) unit: string;
  @Field(() => Int) quantity: number;
  @Field(() => MoneyScalar) amount: Fen;
}

@ObjectType({
  description:
    '来自这个县的收入: how much of a county’s sales reached its households in a year — totals only, no personal data',
})
export class CountyTransparency {
  @Field(() => String, { description: '12-digit county code' }) countyCode: string;
  @Field(() => Int) year: number;
  @Field(() => MoneyScalar, {
    description: 'Purchase payments (收购款) paid to the county’s households, by payment day',
  })
  purchasePaid: Fen;
  @Field(() => MoneyScalar, { description: 'Purchase payments recorded on receipt but not paid yet' })
  purchasePending: Fen;
  @Field(() => MoneyScalar, {
    description: 'Income attributed to the county’s households from counted sales (net of refunds)',
  })
  attributedIncome: Fen;
  @Field(() => MoneyScalar, { description: 'purchasePaid + attributedIncome' }) reachedHouseholds: Fen;
  @Field(() => Int, {
    description: '带动户数: distinct households paid for produce or with positive attributed income',
  })
  householdsDriven: number;
  @Field(() => [CountyTopProduct]) topProducts: CountyTopProduct[];
  @Field(() => [CountyTopCrop]) topCrops: CountyTopCrop[];
}
