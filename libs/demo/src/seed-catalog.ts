import type { EntityManager } from 'typeorm';
import { createHmac } from 'node:crypto';
import { searchTokens, seedCategory, seedLot, seedPublishedProduct, seedVariant } from '@bangfu/catalog';
import { seedCertification as seedCertificationRows } from '@bangfu/certification';
import { seedChannel, seedChannelProduct } from '@bangfu/channel';
import { seedMembership, seedOrganization, seedUser, withCheckChar } from '@bangfu/identity';
import { seedApprovedSupplier, seedHousehold, seedLinkage } from '@bangfu/supplier';
import { DEMO_CATEGORIES, DEMO_CHANNELS, DEMO_PRODUCTS, DEMO_SUPPLIERS, type DemoCertification } from './demo-catalog';

/** The demo counter's device secret, printed in the README so the counter protocol can be tried. */
export const DEMO_COUNTER = {
  deviceId: 'demo-counter-tianhe-01',
  secret: 'demo-counter-secret-do-not-use-in-production',
};

/**
 * Certificates stay current whenever the demo is loaded: dates are shifted by whole years so the
 * certificate has started by today (a certificate starting in March is last year's in January).
 * Expired ones are shifted the same way and stay expired.
 */
function certDates(cert: Extract<DemoCertification, { validFrom: string }>, today: Date) {
  const shift = (d: string, years: number) => `${Number(d.slice(0, 4)) + years}${d.slice(4)}`;
  const day = today.toISOString().slice(0, 10);
  let offset = today.getUTCFullYear() - 2026;
  if (cert.state === 'CERTIFIED' && shift(cert.validFrom, offset) > day) offset -= 1;
  return { validFrom: shift(cert.validFrom, offset), validTo: shift(cert.validTo, offset) };
}

/** Ids of what the catalogue seed wrote, for the activity seed that follows. */
export interface DemoCatalogIds {
  supplierIds: Map<string, string>;
  householdIds: Map<string, string>;
  channelIds: Map<string, string>;
  productIds: Map<string, string>;
  variantIds: Map<string, string>;
}

/**
 * Suppliers with their households and linkage, products with variants and harvest lots, certified,
 * expired, pending and uncertified products, and halls, zones and a counter — written directly (the
 * workflows they stand for are covered by each domain's tests) inside the caller's transaction,
 * through each owner's seed helpers (`*.seed.ts`: only the owning lib names its tables).
 */
export async function seedDemoCatalog(
  em: EntityManager,
  orgIds: Map<string, string>,
  userIds: Map<string, string>,
  passwordHash: string,
  /** Names of a code's region and its ancestors, province first (the region lib's `path`). */
  regionNames: (code: string) => Promise<string[]>,
): Promise<DemoCatalogIds> {
  const adminId = userIds.get('admin@demo.bangfu')!;
  const coordinatorId = userIds.get('coordinator@demo.bangfu')!;
  const today = new Date();

  const categoryIds = new Map<string, string>();
  for (const [i, c] of DEMO_CATEGORIES.entries()) {
    categoryIds.set(c.code, await seedCategory(em, { code: c.code, name: c.name, nameEn: c.nameEn, sort: i }));
  }

  const supplierIds = new Map<string, string>();
  const householdIds = new Map<string, string>();
  for (const s of DEMO_SUPPLIERS) {
    let orgId = s.orgKey ? orgIds.get(s.orgKey) : undefined;
    if (!orgId) {
      orgId = await seedOrganization(em, {
        kind: 'SUPPLIER',
        name: s.name,
        creditCode: withCheckChar(s.creditCode17!),
        regionCode: s.countyCode,
      });
    }
    supplierIds.set(s.key, orgId);
    if (s.staff) {
      const userId = await seedUser(em, { email: s.staff.email, displayName: s.staff.displayName, passwordHash });
      await seedMembership(em, { userId, role: 'SUPPLIER_ADMIN', organizationId: orgId });
      userIds.set(s.staff.email, userId);
    }
    await seedApprovedSupplier(em, {
      organizationId: orgId,
      kind: s.kind,
      countyCode: s.countyCode,
      linkageMechanism: s.linkageMechanism,
      history: [
        [null, 'APPLIED', null, null],
        ['APPLIED', 'RECOMMENDED', coordinatorId, '核实注册地为脱贫县，利益联结机制真实'],
        ['RECOMMENDED', 'APPROVED', adminId, '准入'],
      ],
    });
    for (const h of s.households) {
      const farmerUser = h.key === 'tian' ? userIds.get('farmer@demo.bangfu') : null;
      const householdId = await seedHousehold(em, {
        villageCode: h.villageCode,
        headName: h.headName,
        size: h.size,
        status: h.status,
        userId: farmerUser ?? null,
        createdByOrgId: orgId,
        idNumberHmac: createHmac('sha256', 'bangfu-demo').update(`${s.key}:${h.key}`).digest('hex'),
      });
      householdIds.set(h.key, householdId);
      await seedLinkage(em, {
        supplierId: orgId,
        householdId,
        type: h.linkage,
        terms:
          h.linkage === 'PURCHASE_CONTRACT'
            ? '保底价收购，随行就市上浮'
            : h.linkage === 'WAGE'
              ? '基地务工，按日结算'
              : '土地流转，年付租金',
        validFrom: `${today.getUTCFullYear() - 1}-01-01`,
      });
    }
    if (s.villageCollective) {
      const v = s.villageCollective;
      await seedLinkage(em, {
        supplierId: orgId,
        villageCode: v.villageCode,
        type: v.type,
        terms: v.terms,
        shareBasisPoints: v.shareBasisPoints,
        validFrom: `${today.getUTCFullYear() - 1}-01-01`,
      });
    }
  }

  const channelIds = new Map<string, string>();
  for (const c of DEMO_CHANNELS) {
    const counter = c.kind === 'COUNTER';
    const id = await seedChannel(em, {
      kind: c.kind,
      name: c.name,
      online: c.online,
      regionCode: c.regionCode,
      address: c.address,
      operatorOrgId: (counter ? orgIds.get('agency') : orgIds.get('platform')) ?? null,
      deviceId: counter ? DEMO_COUNTER.deviceId : null,
      deviceSecret: counter ? DEMO_COUNTER.secret : null,
    });
    channelIds.set(c.key, id);
  }

  const categoryName = new Map(DEMO_CATEGORIES.map((c) => [c.code, c.name]));

  const productIds = new Map<string, string>();
  const variantIds = new Map<string, string>();
  for (const p of DEMO_PRODUCTS) {
    const supplierId = supplierIds.get(p.supplierKey)!;
    const search = searchTokens({
      title: p.title,
      description: p.description,
      categoryNames: [categoryName.get(p.categoryCode)!],
      regionNames: await regionNames(p.originCode),
    });
    const productId = await seedPublishedProduct(em, {
      supplierId,
      categoryId: categoryIds.get(p.categoryCode) ?? null,
      title: p.title,
      description: p.description,
      originRegionCode: p.originCode,
      search,
    });
    productIds.set(p.title, productId);
    for (const v of p.variants) {
      const lotTotal = v.lots.reduce((sum, l) => sum + Object.values(l.contributions).reduce((a, b) => a + b, 0), 0);
      const variantId = await seedVariant(em, {
        productId,
        sku: v.sku,
        spec: v.spec,
        unit: v.unit,
        retailPrice: v.retailPrice,
        agencyPrice: v.agencyPrice,
        marketReferencePrice: v.marketReferencePrice,
        stockOnHand: lotTotal + (v.extraStock ?? 0),
      });
      variantIds.set(v.sku, variantId);
      for (const l of v.lots) {
        await seedLot(em, {
          variantId,
          lotNo: l.lotNo,
          harvestedOn: l.harvestedOn,
          contributions: Object.entries(l.contributions).map(([key, q]) => [householdIds.get(key)!, q]),
        });
      }
    }
    await seedCertification(em, productId, p.certification, { adminId, coordinatorId, today });
    for (const key of p.channels) await seedChannelProduct(em, channelIds.get(key)!, productId);
  }
  return { supplierIds, householdIds, channelIds, productIds, variantIds };
}

async function seedCertification(
  em: EntityManager,
  productId: string,
  cert: DemoCertification,
  who: { adminId: string; coordinatorId: string; today: Date },
) {
  if (cert.state === 'NONE') return;
  if (cert.state === 'PENDING') {
    await seedCertificationRows(em, { productId, status: 'PENDING', moves: [[null, 'PENDING', null]] });
    return;
  }
  const { validFrom, validTo } = certDates(cert, who.today);
  const moves: Array<[string | null, string, string | null]> = [
    [null, 'PENDING', null],
    ['PENDING', 'VERIFIED', who.coordinatorId],
    ['VERIFIED', 'CERTIFIED', who.adminId],
  ];
  if (cert.state === 'EXPIRED') moves.push(['CERTIFIED', 'EXPIRED', null]);
  await seedCertificationRows(em, {
    productId,
    status: cert.state,
    certificateNo: cert.certificateNo,
    issuer: '省乡村振兴局',
    batch: cert.batch,
    validFrom,
    validTo,
    moves,
  });
}
