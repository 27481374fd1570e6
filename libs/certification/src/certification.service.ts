import { CertificationErrorCode } from './certification.errors';
import { Injectable } from '@nestjs/common';
import {
  AppError,
  Db,
  ErrorCode,
  forbidden,
  isUuid,
  notFound,
  type Principal,
  type RequestContext,
  Role,
  uniqueViolation,
} from '@bangfu/core';
import { type Product, ProductService } from '@bangfu/catalog';
import { RegionService } from '@bangfu/region';
import { In } from 'typeorm';
import { LinkageService, NotificationService, SupplierService } from '@bangfu/supplier';
import { shanghaiDate, isCalendarDate } from './dates';
import { Certification, CertificationEvent, CertificationStatus, effectiveStatusOf } from './certification.entities';
import type { CertifyProductInput } from './certification.types';
import {
  CERTIFICATION_MACHINE,
  CertificationAction,
  type CertificationGuard,
  type CertificationTransition,
  SYSTEM,
  transitionsFor,
  type WorkflowActor,
} from './certification.workflow';

export interface CertificationSnapshot {
  certificationId: string;
  status: CertificationStatus;
  certificateNo: string | null;
  validFrom: string | null;
  validTo: string | null;
}

interface MoveInput {
  reason?: string | null;
  certificate?: CertifyProductInput;
}

/** Statuses that carry a certificate (number, validity): public information. */
const ISSUED_STATUSES = [CertificationStatus.CERTIFIED, CertificationStatus.EXPIRED, CertificationStatus.REVOKED];

const STATUS_TITLES: Record<CertificationStatus, string> = {
  [CertificationStatus.PENDING]: '产品认定申请已提交',
  [CertificationStatus.VERIFIED]: '产品认定已通过县级核实',
  [CertificationStatus.CERTIFIED]: '产品已获帮扶产品认定',
  [CertificationStatus.EXPIRED]: '帮扶产品认定已到期',
  [CertificationStatus.REVOKED]: '帮扶产品认定已撤销',
  [CertificationStatus.REJECTED]: '产品认定申请未通过',
};

/**
 * 帮扶产品认定: applications, reviews and certificates. Moves follow CERTIFICATION_TRANSITIONS; each
 * one is a single transaction that writes the row, a history event and a notification to the supplier.
 */
@Injectable()
export class CertificationService {
  constructor(
    private readonly db: Db,
    private readonly regions: RegionService,
    private readonly suppliers: SupplierService,
    private readonly notifications: NotificationService,
    private readonly products: ProductService,
    private readonly linkages: LinkageService,
  ) {}

  // ── reads ────────────────────────────────────────────────────────────────────────

  /** One certification, if the caller may see it: its supplier's staff, coordinators/auditors in scope, platform admins. */
  async get(ctx: RequestContext, id: string): Promise<Certification> {
    if (!isUuid(id)) throw notFound('Certification', id);
    const cert = await this.db.repo(ctx, Certification).findOneBy({ id });
    if (!cert) throw notFound('Certification', id);
    const product = await this.products.get(ctx, cert.productId);
    if (!this.canSeeWorkflow(ctx.principal, product))
      throw forbidden('This certification belongs to another supplier or region');
    return cert;
  }

  /** The product's most recent certification, or null; issuedOnly skips applications (PENDING, VERIFIED, REJECTED). */
  async latestForProduct(ctx: RequestContext, productId: string, issuedOnly = false): Promise<Certification | null> {
    return this.db.repo(ctx, Certification).findOne({
      where: { productId, ...(issuedOnly ? { status: In(ISSUED_STATUSES) } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  async history(ctx: RequestContext, certificationId: string): Promise<CertificationEvent[]> {
    return this.db
      .repo(ctx, CertificationEvent)
      .find({ where: { certificationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Whether the caller may see applications, reasons and history of this product's certifications. */
  canSeeWorkflow(principal: Principal | null, product: Pick<Product, 'supplierId' | 'originRegionCode'>): boolean {
    if (!principal) return false;
    if (principal.hasRole(Role.PLATFORM_ADMIN)) return true;
    if (principal.organizationIds(Role.SUPPLIER_ADMIN, Role.SUPPLIER_STAFF).includes(product.supplierId)) return true;
    return principal.regionPrefixes(Role.COORDINATOR, Role.AUDITOR).some((p) => product.originRegionCode.startsWith(p));
  }

  /** Status of the product's latest certification as of `date` (default today), or null when it never applied. */
  async effectiveStatus(
    ctx: RequestContext,
    productId: string,
    date: string = shanghaiDate(),
  ): Promise<CertificationStatus | null> {
    const latest = await this.latestForProduct(ctx, productId);
    return latest ? effectiveStatusOf(latest, date) : null;
  }

  /** Whether the product held a certificate valid on `date` (YYYY-MM-DD); revoked certificates count as never valid. */
  async isValidOn(ctx: RequestContext, productId: string, date: string = shanghaiDate()): Promise<boolean> {
    return (await this.validProductIds(ctx, [productId], date)).has(productId);
  }

  /** The subset of productIds holding a certificate valid on `date`, in one query. */
  async validProductIds(
    ctx: RequestContext,
    productIds: string[],
    date: string = shanghaiDate(),
  ): Promise<Set<string>> {
    if (!isCalendarDate(date))
      throw new AppError(ErrorCode.INVALID_DATE, `${date} is not a date like 2026-01-01`, { field: 'date' });
    if (productIds.length === 0) return new Set();
    const rows: Array<{ product_id: string }> = await this.db.manager(ctx).query(
      `SELECT DISTINCT product_id FROM certification
        WHERE product_id = ANY($1::uuid[]) AND status IN ('CERTIFIED','EXPIRED') AND valid_from <= $2::date AND valid_to >= $2::date`,
      [productIds, date],
    );
    return new Set(rows.map((r) => r.product_id));
  }

  /** What an order line records at order time (the ordering domain snapshots this). */
  async snapshot(
    ctx: RequestContext,
    productId: string,
    date: string = shanghaiDate(),
  ): Promise<CertificationSnapshot | null> {
    const rows: Array<{ id: string }> = await this.db.manager(ctx).query(
      `SELECT id FROM certification
        WHERE product_id = $1 AND status IN ('CERTIFIED','EXPIRED') AND valid_from <= $2::date AND valid_to >= $2::date
        ORDER BY valid_to DESC LIMIT 1`,
      [productId, date],
    );
    const cert = rows[0]
      ? await this.db.repo(ctx, Certification).findOneByOrFail({ id: rows[0].id })
      : await this.latestForProduct(ctx, productId);
    if (!cert) return null;
    return {
      certificationId: cert.id,
      status: effectiveStatusOf(cert, date),
      certificateNo: cert.certificateNo,
      validFrom: cert.validFrom,
      validTo: cert.validTo,
    };
  }

  // ── moves ────────────────────────────────────────────────────────────────────────

  /** A supplier's staff applies for certification of one of its products. */
  async submit(ctx: RequestContext, productId: string): Promise<Certification> {
    return this.db.transaction(ctx, async (tx) => {
      const product = await this.products.get(tx, productId);
      const transition = this.authorize(tx, CertificationAction.SUBMIT, null, product);
      await this.checkGuards(tx, transition, product, {});
      const live = await this.db
        .manager(tx)
        .query(
          `SELECT 1 FROM certification WHERE product_id = $1 AND status IN ('PENDING','VERIFIED','CERTIFIED') AND NOT (status = 'CERTIFIED' AND valid_to < $2::date)`,
          [productId, shanghaiDate()],
        );
      if (live.length) throw this.alreadyActive(productId);
      const repo = this.db.repo(tx, Certification);
      // A certificate past its last day that the job has not moved yet is expired now: move it first so the new application is allowed.
      await this.expireDue(tx, shanghaiDate(), productId);
      let cert: Certification;
      try {
        cert = await repo.save(
          repo.create({ productId, status: CertificationStatus.PENDING, submittedByUserId: tx.userId }),
        );
      } catch (e) {
        if (uniqueViolation(e, 'certification_one_live_idx')) throw this.alreadyActive(productId);
        throw e;
      }
      await this.record(tx, cert, null, transition, product, null);
      return cert;
    });
  }

  verify(ctx: RequestContext, id: string, comment?: string | null): Promise<Certification> {
    return this.move(ctx, id, CertificationAction.VERIFY, { reason: comment });
  }

  reject(ctx: RequestContext, id: string, reason: string): Promise<Certification> {
    return this.move(ctx, id, CertificationAction.REJECT, { reason });
  }

  certify(ctx: RequestContext, id: string, input: CertifyProductInput): Promise<Certification> {
    return this.move(ctx, id, CertificationAction.CERTIFY, { certificate: input });
  }

  revoke(ctx: RequestContext, id: string, reason: string): Promise<Certification> {
    return this.move(ctx, id, CertificationAction.REVOKE, { reason });
  }

  /**
   * Moves every CERTIFIED row whose last valid day is before `today` to EXPIRED, with a history row
   * and a notification each. Idempotent (only CERTIFIED rows move) and safe to run concurrently
   * (rows another run holds are skipped). Returns the ids moved.
   */
  async expireDue(ctx: RequestContext, today: string = shanghaiDate(), productId?: string): Promise<string[]> {
    const [transition] = transitionsFor(CertificationAction.EXPIRE);
    const moved: string[] = [];
    for (;;) {
      const batch = await this.db.transaction(ctx, async (tx) => {
        const rows: Array<{ id: string }> = await this.db.manager(tx).query(
          `SELECT id FROM certification WHERE status = 'CERTIFIED' AND valid_to < $1::date ${productId ? 'AND product_id = $2' : ''}
            ORDER BY valid_to LIMIT 200 FOR UPDATE SKIP LOCKED`,
          productId ? [today, productId] : [today],
        );
        for (const { id } of rows) {
          const cert = await this.db.repo(tx, Certification).findOneByOrFail({ id });
          const product = await this.products.get(tx, cert.productId);
          cert.status = transition.to;
          await this.db.repo(tx, Certification).save(cert);
          await this.record(tx, cert, transition.from, transition, product, `有效期已于 ${cert.validTo} 届满`, true);
        }
        return rows.map((r) => r.id);
      });
      moved.push(...batch);
      if (batch.length < 200 || productId) return moved;
    }
  }

  private async move(
    ctx: RequestContext,
    id: string,
    action: CertificationAction,
    input: MoveInput,
  ): Promise<Certification> {
    return this.db.transaction(ctx, async (tx) => {
      const repo = this.db.repo(tx, Certification);
      const cert = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!cert) throw notFound('Certification', id);
      const product = await this.products.get(tx, cert.productId);
      const from = cert.status;
      const transition = this.authorize(tx, action, effectiveStatusOf(cert, shanghaiDate()), product);
      await this.checkGuards(tx, transition, product, input);
      const reason = input.reason?.trim() || null;
      cert.status = transition.to;
      if (action === CertificationAction.REJECT || action === CertificationAction.REVOKE) cert.reason = reason;
      if (input.certificate) {
        const c = input.certificate;
        Object.assign(cert, {
          certificateNo: c.certificateNo.trim(),
          issuer: c.issuer.trim(),
          batch: c.batch.trim(),
          validFrom: c.validFrom,
          validTo: c.validTo,
        });
      }
      try {
        await repo.save(cert);
      } catch (e) {
        if (uniqueViolation(e, 'certification_certificate_no_key'))
          throw this.duplicateCertificateNo(cert.certificateNo!);
        throw e;
      }
      await this.record(tx, cert, from, transition, product, reason);
      return cert;
    });
  }

  /**
   * Finds the move for this action from the current status among those the caller's in-scope roles
   * allow: FORBIDDEN when no such role at all, INVALID_TRANSITION when the status does not allow it.
   */
  private authorize(
    ctx: RequestContext,
    action: CertificationAction,
    from: CertificationStatus | null,
    product: Product,
  ): CertificationTransition {
    const actors = this.actorsInScope(ctx.principal, product);
    const permitted = transitionsFor(action).filter((t) => t.actors.some((a) => actors.has(a)));
    if (permitted.length === 0) throw forbidden(`You may not ${action.toLowerCase()} certifications of this product`);
    return CERTIFICATION_MACHINE.assert(from, (t) => permitted.includes(t), {
      message: `A certification that is ${from ?? 'not yet submitted'} cannot be moved by ${action}`,
      details: { action },
    });
  }

  private actorsInScope(principal: Principal | null, product: Product): Set<WorkflowActor> {
    const actors = new Set<WorkflowActor>();
    if (!principal) return actors;
    for (const m of principal.memberships) {
      if (m.role === Role.PLATFORM_ADMIN) actors.add(m.role);
      if ((m.role === Role.SUPPLIER_ADMIN || m.role === Role.SUPPLIER_STAFF) && m.organizationId === product.supplierId)
        actors.add(m.role);
      if (m.role === Role.COORDINATOR && m.regionPrefix !== null && product.originRegionCode.startsWith(m.regionPrefix))
        actors.add(m.role);
    }
    return actors;
  }

  private async checkGuards(
    ctx: RequestContext,
    transition: CertificationTransition,
    product: Product,
    input: MoveInput,
  ): Promise<void> {
    const checks: Record<CertificationGuard, () => Promise<void> | void> = {
      supplierApproved: async () => {
        await this.suppliers.requireApproved(ctx, product.supplierId);
      },
      originInExPovertyCounty: async () => {
        const county = await this.regions.countyOf(ctx, product.originRegionCode);
        if (!county?.exPovertyCounty) {
          throw new AppError(
            ErrorCode.ORIGIN_NOT_ELIGIBLE,
            `The product's origin ${product.originRegionCode} is not in an ex-poverty county (脱贫县)`,
            { field: 'originRegionCode' },
          );
        }
      },
      linkageInForce: async () => {
        if (!(await this.linkages.inForce(ctx, product.supplierId, shanghaiDate())))
          throw new AppError(
            CertificationErrorCode.NO_LINKAGE,
            'The supplier has no benefit linkage (利益联结) in force with households or a village collective',
          );
      },
      certificateValid: () => this.validateCertificate(ctx, input.certificate),
      validityEnded: () => undefined, // selected in SQL by expireDue
      reasonGiven: () => {
        const reason = input.reason?.trim() ?? '';
        if (reason.length < 2 || reason.length > 1000)
          throw new AppError(CertificationErrorCode.REASON_REQUIRED, 'Give a reason of 2–1000 characters', {
            field: 'reason',
          });
      },
    };
    for (const guard of transition.guards) await checks[guard]();
    if (transition.action === CertificationAction.VERIFY && input.reason && input.reason.length > 1000) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'The comment must be at most 1000 characters', { field: 'comment' });
    }
  }

  private async validateCertificate(ctx: RequestContext, input: CertifyProductInput | undefined): Promise<void> {
    if (!input) throw new AppError(ErrorCode.BAD_USER_INPUT, 'Certificate details are required', { field: 'input' });
    const text = (field: keyof CertifyProductInput, max: number) => {
      const v = input[field]?.trim() ?? '';
      if (v.length < 1 || v.length > max)
        throw new AppError(ErrorCode.BAD_USER_INPUT, `${field} must be 1–${max} characters`, { field });
    };
    text('certificateNo', 64);
    text('issuer', 200);
    text('batch', 100);
    for (const field of ['validFrom', 'validTo'] as const) {
      if (!isCalendarDate(input[field]))
        throw new AppError(ErrorCode.INVALID_DATE, `${field} must be a date like 2026-01-01`, { field });
    }
    if (input.validTo < input.validFrom)
      throw new AppError(
        CertificationErrorCode.INVALID_VALIDITY,
        `The validity ends (${input.validTo}) before it starts (${input.validFrom})`,
        { field: 'validTo' },
      );
    const today = shanghaiDate();
    if (input.validTo < today)
      throw new AppError(
        CertificationErrorCode.CERTIFICATE_EXPIRED,
        `The certificate already expired on ${input.validTo} (today is ${today})`,
        { field: 'validTo' },
      );
    const taken = await this.db.repo(ctx, Certification).existsBy({ certificateNo: input.certificateNo.trim() });
    if (taken) throw this.duplicateCertificateNo(input.certificateNo.trim());
  }

  /** History row plus a notification to the supplier, in the move's transaction. */
  private async record(
    ctx: RequestContext,
    cert: Certification,
    from: CertificationStatus | null,
    transition: CertificationTransition,
    product: Product,
    reason: string | null,
    bySystem = false,
  ): Promise<void> {
    const events = this.db.repo(ctx, CertificationEvent);
    ctx.audit?.note({
      entityType: 'Certification',
      entityId: cert.id,
      before: { status: from },
      after: { status: transition.to, reason },
    });
    await events.save(
      events.create({
        certificationId: cert.id,
        fromStatus: from,
        toStatus: transition.to,
        actorUserId: bySystem ? null : ctx.userId,
        reason,
      }),
    );
    await this.notifications.notifyOrganization(ctx, product.supplierId, {
      kind: `CERTIFICATION_${transition.to}`,
      title: STATUS_TITLES[transition.to],
      body: [product.title, cert.certificateNo ? `证书编号 ${cert.certificateNo}` : null, reason]
        .filter(Boolean)
        .join(' · '),
      data: {
        certificationId: cert.id,
        productId: product.id,
        fromStatus: from,
        toStatus: transition.to,
        actor: bySystem ? SYSTEM : ctx.userId,
      },
    });
  }

  private alreadyActive(productId: string): AppError {
    return new AppError(
      CertificationErrorCode.CERTIFICATION_ALREADY_ACTIVE,
      'This product already has a pending, verified or valid certification',
      { field: 'productId', productId },
    );
  }

  private duplicateCertificateNo(no: string): AppError {
    return new AppError(CertificationErrorCode.DUPLICATE_CERTIFICATE_NO, `Certificate number ${no} is already in use`, {
      field: 'certificateNo',
    });
  }
}
