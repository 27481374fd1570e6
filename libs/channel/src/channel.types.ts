import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Channel, ChannelKind } from './channel.entities';

@InputType()
export class CreateChannelInput {
  @Field(() => ChannelKind) kind: ChannelKind;
  @Field() name: string;
  @Field(() => Boolean, { nullable: true, description: 'HALL only; an online hall needs no address or region' })
  online?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Where the channel is (any level); required unless online' })
  regionCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Street address; required unless online' }) address?:
    string | null;
  @Field(() => ID, { nullable: true }) operatorOrgId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Default true: only certified products may be placed' })
  assistanceOnly?: boolean | null;
}

@ObjectType()
export class CreateChannelPayload {
  @Field(() => Channel) channel: Channel;
  @Field(() => String, {
    nullable: true,
    description:
      'COUNTER only: the HMAC secret, shown this once. Store it in the device; it cannot be read again (rotate to replace it)',
  })
  deviceSecret: string | null;
}

/** A product's placement in a channel (place it, remove it). */
@ArgsType()
export class ChannelProductArgs {
  @Field(() => ID) channelId: string;
  @Field(() => ID) productId: string;
}
