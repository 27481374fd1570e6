import { Field, InputType, ObjectType } from '@nestjs/graphql';

@InputType({
  description: 'A delivery address; the region is a county, town or village (pick down to the village where it exists)',
})
export class AddressInput {
  @Field(() => String) recipient: string;
  @Field(() => String, { description: 'Mainland mobile number, 11 digits' }) phone: string;
  @Field(() => String) regionCode: string;
  @Field(() => String) detail: string;
  @Field(() => Boolean, { nullable: true, description: 'Make it the default address (the first address always is)' })
  isDefault?: boolean | null;
}

/**
 * What an order keeps of the address chosen at checkout (orders.delivery_address): copied, so later
 * edits of the address book never move an order. Region names are copied too (regions get renamed).
 */
@ObjectType({ description: 'The delivery address as it was at checkout' })
export class AddressSnapshot {
  @Field(() => String) recipient: string;
  @Field(() => String, {
    description:
      'Masked (138****5678) unless you are the buyer, or staff of the supplier shipping it on its ship form / packing slip',
  })
  phone: string;
  @Field(() => String) regionCode: string;
  @Field(() => [String], { description: 'Province … village names, top down' }) regionPath: string[];
  @Field(() => String) detail: string;
}

/** Hides the middle four digits: suppliers and auditors see who, not how to call. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}
