import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, AUTHENTICATED, Ctx, OrganizationKind, PUBLIC, type RequestContext, Role } from '@bangfu/core';
import { Region, RegionService } from '@bangfu/region';
import { AuthService } from './auth.service';
import { AppUser, Membership, Organization } from './identity.entities';
import { AuthPayload, CreateOrganizationInput, CreateUserInput, GrantMembershipInput, RegisterCustomerInput } from './identity.types';
import { OrganizationService } from './organization.service';
import { UserService } from './user.service';

@Resolver(() => AppUser)
export class UserResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UserService,
  ) {}

  @Mutation(() => AuthPayload, { description: 'Sign in with an email or mobile number' })
  @Allow(PUBLIC)
  login(@Ctx() ctx: RequestContext, @Args('identifier') identifier: string, @Args('password') password: string): Promise<AuthPayload> {
    return this.auth.login(ctx, identifier, password);
  }

  @Query(() => AppUser, { nullable: true, description: 'The signed-in user, or null when anonymous' })
  @Allow(PUBLIC)
  async me(@Ctx() ctx: RequestContext): Promise<AppUser | null> {
    return ctx.principal ? this.users.get(ctx, ctx.principal.userId) : null;
  }

  @Mutation(() => AppUser, { description: 'Self-service sign-up for a retail customer account' })
  @Allow(PUBLIC)
  registerCustomer(@Ctx() ctx: RequestContext, @Args('input') input: RegisterCustomerInput): Promise<AppUser> {
    return this.users.registerCustomer(ctx, input);
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

  @Query(() => [Organization], { description: 'Organisations visible to the caller (own, subordinate units, region scope)' })
  @Allow(AUTHENTICATED)
  organizations(@Ctx() ctx: RequestContext, @Args('kind', { type: () => OrganizationKind, nullable: true }) kind?: OrganizationKind): Promise<Organization[]> {
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
