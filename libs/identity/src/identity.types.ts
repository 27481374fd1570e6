import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { OrganizationKind, Role } from '@bangfu/core';
import { AppUser } from './identity.entities';

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Bearer token for the Authorization header' }) token: string;
  @Field() expiresAt: Date;
  @Field(() => AppUser) user: AppUser;
}

@InputType()
export class CreateOrganizationInput {
  @Field(() => OrganizationKind) kind: OrganizationKind;
  @Field() name: string;
  @Field(() => String, { nullable: true }) creditCode?: string | null;
  @Field(() => ID, { nullable: true }) parentId?: string | null;
  @Field(() => String, { nullable: true }) regionCode?: string | null;
}

@InputType()
export class RegisterCustomerInput {
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field() displayName: string;
  @Field() password: string;
}

@InputType()
export class CreateUserInput extends RegisterCustomerInput {
  @Field(() => Role) role: Role;
  @Field(() => ID, { nullable: true }) organizationId?: string | null;
  @Field(() => String, { nullable: true }) regionPrefix?: string | null;
}

@InputType()
export class GrantMembershipInput {
  @Field(() => ID) userId: string;
  @Field(() => Role) role: Role;
  @Field(() => ID, { nullable: true }) organizationId?: string | null;
  @Field(() => String, { nullable: true }) regionPrefix?: string | null;
}

@ObjectType({
  description:
    'The same answer whether or not the email or phone already had an account, so sign-up cannot be used to find out who has one',
})
export class RegisterCustomerPayload {
  @Field() accepted: boolean;
  @Field() message: string;
}
