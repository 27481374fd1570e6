import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Allow,
  AUTHENTICATED,
  Ctx,
  forbidden,
  OrganizationKind,
  PUBLIC,
  type RequestContext,
  Role,
} from '@bangfu/core';
import { Region, RegionService } from '@bangfu/region';
import { AuthService } from './auth.service';
import { AccountEvent, AppUser, Membership, Organization } from './identity.entities';
import {
  AuthPayload,
  CreateOrganizationInput,
  CreateUserInput,
  GrantMembershipInput,
  RegisterCustomerInput,
  RegisterCustomerPayload,
} from './identity.types';
import { OrganizationService } from './organization.service';
import { UserDirectoryService } from './user-directory.service';
import { UserService } from './user.service';

@Resolver(() => AppUser)
export class UserResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UserService,
    private readonly directory: UserDirectoryService,
  ) {}

  // Named in the schema only: `users` as a method would clash with the injected UserService.
  @Query(() => [AppUser], {
    name: 'users',
    description: 'Platform admin: accounts by part of the name, email or mobile, role or organisation; newest first',
  })
  @Allow(Role.PLATFORM_ADMIN)
  searchUsers(
    @Ctx() ctx: RequestContext,
    @Args('search', { type: () => String, nullable: true }) search?: string | null,
    @Args('role', { type: () => Role, nullable: true }) role?: Role | null,
    @Args('organizationId', { type: () => ID, nullable: true }) organizationId?: string | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
  ): Promise<AppUser[]> {
    return this.directory.search(ctx, { search, role, organizationId }, first);
  }

  @Mutation(() => AuthPayload, { description: 'Sign in with an email or mobile number' })
  @Allow(PUBLIC)
  login(
    @Ctx() ctx: RequestContext,
    @Args('identifier') identifier: string,
    @Args('password') password: string,
  ): Promise<AuthPayload> {
    return this.auth.login(ctx, identifier, password);
  }

  @Query(() => AppUser, { nullable: true, description: 'The signed-in user, or null when anonymous' })
  @Allow(PUBLIC)
  async me(@Ctx() ctx: RequestContext): Promise<AppUser | null> {
    return ctx.principal ? this.users.get(ctx, ctx.principal.userId) : null;
  }

  @Mutation(() => Boolean, { description: 'Sign out: revokes this token, or with everywhere every token of the user' })
  @Allow(AUTHENTICATED)
  logout(
    @Ctx() ctx: RequestContext,
    @Args('everywhere', { type: () => Boolean, defaultValue: false }) everywhere: boolean,
  ): Promise<boolean> {
    return this.auth.logout(ctx, everywhere);
  }

  @Mutation(() => AuthPayload, {
    description: 'Change your password; every other session ends, and this one continues with the returned token',
  })
  @Allow(AUTHENTICATED)
  changePassword(
    @Ctx() ctx: RequestContext,
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
  ): Promise<AuthPayload> {
    return this.auth.changePassword(ctx, currentPassword, newPassword);
  }

  @Mutation(() => RegisterCustomerPayload, {
    description:
      'Self-service sign-up for a retail customer account (the answer does not say whether the email was taken)',
  })
  @Allow(PUBLIC)
  registerCustomer(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RegisterCustomerInput,
  ): Promise<RegisterCustomerPayload> {
    return this.users.registerCustomer(ctx, input);
  }

  @Mutation(() => AppUser, {
    description: "Disable (or re-enable) a user's account; a disabled user's tokens stop working on the next request",
  })
  @Allow(Role.PLATFORM_ADMIN, Role.AGENCY_ADMIN, Role.SUPPLIER_ADMIN)
  setUserDisabled(
    @Ctx() ctx: RequestContext,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('disabled') disabled: boolean,
  ): Promise<AppUser> {
    return this.users.setDisabled(ctx, userId, disabled);
  }

  @Mutation(() => AppUser, { description: 'Create a staff account with its first role' })
  @Allow(Role.PLATFORM_ADMIN, Role.AGENCY_ADMIN, Role.SUPPLIER_ADMIN)
  createUser(@Ctx() ctx: RequestContext, @Args('input') input: CreateUserInput): Promise<AppUser> {
    return this.users.createStaff(ctx, input);
  }

  @Mutation(() => Membership)
  @Allow(Role.PLATFORM_ADMIN, Role.AGENCY_ADMIN, Role.SUPPLIER_ADMIN)
  grantMembership(@Ctx() ctx: RequestContext, @Args('input') input: GrantMembershipInput): Promise<Membership> {
    return this.users.grant(ctx, input);
  }

  @Mutation(() => Boolean)
  @Allow(Role.PLATFORM_ADMIN, Role.AGENCY_ADMIN, Role.SUPPLIER_ADMIN)
  revokeMembership(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.users.revoke(ctx, id);
  }

  @ResolveField(() => [Membership])
  memberships(@Ctx() ctx: RequestContext, @Parent() user: AppUser): Promise<Membership[]> {
    return this.users.memberships(ctx, user.id);
  }

  @ResolveField(() => [AccountEvent], { description: 'Your own security log, newest first (only on your own user)' })
  accountEvents(
    @Ctx() ctx: RequestContext,
    @Parent() user: AppUser,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<AccountEvent[]> {
    if (ctx.principal?.userId !== user.id) throw forbidden('Only the account owner sees its security log');
    return this.users.accountEvents(ctx, user.id, first);
  }

  @ResolveField(() => [Role])
  async roles(@Ctx() ctx: RequestContext, @Parent() user: AppUser): Promise<Role[]> {
    return [...new Set((await this.users.memberships(ctx, user.id)).map((m) => m.role))];
  }
}

@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(
    private readonly organizationService: OrganizationService,
    private readonly regionService: RegionService,
  ) {}

  @Query(() => [Organization], {
    description: 'Organisations visible to the caller (own, subordinate units, region scope)',
  })
  @Allow(AUTHENTICATED)
  organizations(
    @Ctx() ctx: RequestContext,
    @Args('kind', { type: () => OrganizationKind, nullable: true }) kind?: OrganizationKind,
  ): Promise<Organization[]> {
    return this.organizationService.list(ctx, kind);
  }

  @Mutation(() => Organization)
  @Allow(Role.PLATFORM_ADMIN, Role.AGENCY_ADMIN)
  createOrganization(@Ctx() ctx: RequestContext, @Args('input') input: CreateOrganizationInput): Promise<Organization> {
    return this.organizationService.create(ctx, input);
  }

  @ResolveField(() => Region, { nullable: true })
  region(@Ctx() ctx: RequestContext, @Parent() org: Organization): Promise<Region | null> {
    return org.regionCode ? this.regionService.find(ctx, org.regionCode) : Promise.resolve(null);
  }
}
