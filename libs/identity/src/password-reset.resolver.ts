import { Args, Field, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, PUBLIC, type RequestContext } from '@bangfu/core';
import { PasswordResetService } from './password-reset.service';

@ObjectType()
export class PasswordResetRequestPayload {
  @Field() accepted: boolean;
  @Field() message: string;
}

@Resolver()
export class PasswordResetResolver {
  constructor(private readonly resets: PasswordResetService) {}

  @Mutation(() => PasswordResetRequestPayload, {
    description:
      'Forgotten password: sends a reset code to the account with this email or mobile number; the answer is the same whether one exists',
  })
  @Allow(PUBLIC)
  requestPasswordReset(
    @Ctx() ctx: RequestContext,
    @Args('identifier') identifier: string,
  ): Promise<PasswordResetRequestPayload> {
    return this.resets.request(ctx, identifier);
  }

  @Mutation(() => Boolean, {
    description: 'Sets a new password with a reset code (single use, expires); every session of the account ends',
  })
  @Allow(PUBLIC)
  resetPassword(
    @Ctx() ctx: RequestContext,
    @Args('token') token: string,
    @Args('newPassword') newPassword: string,
  ): Promise<boolean> {
    return this.resets.reset(ctx, token, newPassword);
  }
}
