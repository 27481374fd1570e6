import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Allow,
  AUTHENTICATED,
  type Connection,
  Ctx,
  PageArgs,
  PUBLIC,
  ReasonArgs,
  type RequestContext,
  Role,
} from '@bangfu/core';
import { Product, ProductService } from '@bangfu/catalog';
import {
  Certification,
  CertificationDocument,
  CertificationEvent,
  CertificationStatus,
  effectiveStatusOf,
} from './certification.entities';
import { certificationDocumentUrl, CertificationDocumentService } from './certification-documents';
import { CertificationListService } from './certification-list.service';
import { CertificationService } from './certification.service';
import {
  CertificationConnection,
  CertificationFilter,
  CertifiedDirectoryFilter,
  CertifyProductInput,
} from './certification.types';
import { CertifiedDirectoryService } from './certified-directory.service';
import { shanghaiDate } from './dates';

@Resolver(() => Certification)
export class CertificationResolver {
  constructor(
    private readonly certificationService: CertificationService,
    private readonly lists: CertificationListService,
    private readonly directory: CertifiedDirectoryService,
    private readonly products: ProductService,
    private readonly documentService: CertificationDocumentService,
  ) {}

  @Query(() => CertificationConnection, {
    description: '帮扶产品名录: certified products valid on a day (default today), public',
  })
  @Allow(PUBLIC)
  certifiedDirectory(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => CertifiedDirectoryFilter, nullable: true }) filter?: CertifiedDirectoryFilter,
  ): Promise<Connection<Certification>> {
    return this.directory.page(ctx, filter, page);
  }

  @Query(() => CertificationConnection, {
    description:
      "Applications and certificates in the caller's scope (own supplier, region, or all for platform admins)",
  })
  @Allow(Role.PLATFORM_ADMIN, Role.COORDINATOR, Role.AUDITOR, Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF)
  certifications(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => CertificationFilter, nullable: true }) filter?: CertificationFilter,
  ): Promise<Connection<Certification>> {
    return this.lists.list(ctx, filter, page);
  }

  @Query(() => Certification)
  @Allow(AUTHENTICATED)
  certification(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Certification> {
    return this.certificationService.get(ctx, id);
  }

  @Mutation(() => Certification, {
    description: "A supplier's staff applies for certification of its product (→ PENDING)",
  })
  @Allow(Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF)
  submitCertification(
    @Ctx() ctx: RequestContext,
    @Args('productId', { type: () => ID }) productId: string,
  ): Promise<Certification> {
    return this.certificationService.submit(ctx, productId);
  }

  @Mutation(() => Certification, {
    description: 'The county coordinator confirms origin and linkage (PENDING → VERIFIED)',
  })
  @Allow(Role.COORDINATOR)
  verifyCertification(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('comment', { type: () => String, nullable: true }) comment?: string,
  ): Promise<Certification> {
    return this.certificationService.verify(ctx, id, comment);
  }

  @Mutation(() => Certification, {
    description: 'Coordinator (PENDING) or platform admin (PENDING, VERIFIED) rejects with a reason',
  })
  @Allow(Role.COORDINATOR, Role.PLATFORM_ADMIN)
  rejectCertification(@Ctx() ctx: RequestContext, @Args() { id, reason }: ReasonArgs): Promise<Certification> {
    return this.certificationService.reject(ctx, id, reason);
  }

  @Mutation(() => Certification, { description: 'The platform issues the certificate (VERIFIED → CERTIFIED)' })
  @Allow(Role.PLATFORM_ADMIN)
  certifyProduct(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: CertifyProductInput,
  ): Promise<Certification> {
    return this.certificationService.certify(ctx, id, input);
  }

  @Mutation(() => Certification, {
    description: 'Platform admin or the coordinator in scope revokes a certificate with a reason',
  })
  @Allow(Role.PLATFORM_ADMIN, Role.COORDINATOR)
  revokeCertification(@Ctx() ctx: RequestContext, @Args() { id, reason }: ReasonArgs): Promise<Certification> {
    return this.certificationService.revoke(ctx, id, reason);
  }

  @Mutation(() => Int, {
    description: 'Runs the expiry sweep now (it also runs hourly); returns how many certificates expired',
  })
  @Allow(Role.PLATFORM_ADMIN)
  async expireCertifications(@Ctx() ctx: RequestContext): Promise<number> {
    return (await this.certificationService.expireDue(ctx)).length;
  }

  @ResolveField(() => CertificationStatus, {
    description: 'Effective status: a certificate past validTo reads EXPIRED even before the hourly job ran',
  })
  status(@Parent() cert: Certification): CertificationStatus {
    return effectiveStatusOf(cert, shanghaiDate());
  }

  @ResolveField(() => Product)
  product(@Ctx() ctx: RequestContext, @Parent() cert: Certification): Promise<Product> {
    return this.products.get(ctx, cert.productId);
  }

  @ResolveField(() => [CertificationEvent], {
    description: "Workflow history; empty for callers outside the product's supplier, region or the platform",
  })
  async history(@Ctx() ctx: RequestContext, @Parent() cert: Certification): Promise<CertificationEvent[]> {
    const product = await this.products.get(ctx, cert.productId);
    if (!this.certificationService.canSeeWorkflow(ctx.principal, product)) return [];
    return this.certificationService.history(ctx, cert.id);
  }

  @ResolveField(() => [CertificationDocument], {
    description:
      'Supporting documents (upload: POST /files/certifications/:id/documents); empty for callers outside the workflow, like history',
  })
  async documents(@Ctx() ctx: RequestContext, @Parent() cert: Certification): Promise<CertificationDocument[]> {
    const product = await this.products.get(ctx, cert.productId);
    if (!this.certificationService.canSeeWorkflow(ctx.principal, product)) return [];
    return this.documentService.list(ctx, cert.id);
  }
}

@Resolver(() => CertificationDocument)
export class CertificationDocumentResolver {
  @ResolveField(() => String, { description: 'Download link (the same people who see the workflow may fetch it)' })
  url(@Parent() doc: CertificationDocument): string {
    return certificationDocumentUrl(doc);
  }
}

/** Adds `certification` to the catalog's Product type (the catalog does not know about certification). */
@Resolver(() => Product)
export class ProductCertificationResolver {
  constructor(private readonly certifications: CertificationService) {}

  @ResolveField(() => Certification, {
    nullable: true,
    description:
      "The latest certification (effective status). The public sees issued certificates only; the supplier, its region's coordinators and the platform also see applications",
  })
  async certification(@Ctx() ctx: RequestContext, @Parent() product: Product): Promise<Certification | null> {
    const inScope = ctx.principal !== null && this.certifications.canSeeWorkflow(ctx.principal, product);
    return this.certifications.latestForProduct(ctx, product.id, !inScope);
  }
}
