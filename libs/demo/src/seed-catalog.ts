import type { EntityManager } from 'typeorm';
import { createHmac } from 'node:crypto';
import { searchTokens } from '@bangfu/catalog';
import { withCheckChar } from '@bangfu/identity';
import { ancestorCodes } from '@bangfu/region';
import { DEMO_CATEGORIES, DEMO_CHANNELS, DEMO_PRODUCTS, DEMO_SUPPLIERS, type DemoCertification } from './demo-catalog';

/** The demo counter's device secret, printed in the README so the counter protocol can be tried. */
export const DEMO_COUNTER = {
  deviceId: 'demo-counter-tianhe-01',
  secret: 'demo-counter-secret-do-not-use-in-production',
};

async function one<T = { id: string }>(em: EntityManager, sql: string, params: unknown[]): Promise<T> {
  const rows = await em.query(sql, params);
  return rows[0] as T;
}

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
 * workflows they stand for are covered by each domain's tests) inside the caller's transaction.
 */
export async function seedDemoCatalog(
  em: EntityManager,
  orgIds: Map<string, string>,
  userIds: Map<string, string>,
  passwordHash: string,
): Promise<DemoCatalogIds> {
  const adminId = userIds.get('admin@demo.bangfu')!;
  const coordinatorId = userIds.get('coordinator@demo.bangfu')!;
  const today = new Date();

  const categoryIds = new Map<string, string>();
  for (const [i, c] of DEMO_CATEGORIES.entries()) {
    const row = await one(em, `INSERT INTO category (code, name, name_en, sort) VALUES ($1, $2, $3, $4) RETURNING id`, [
      c.code,
      c.name,
      c.nameEn,
      i,
    ]);
    categoryIds.set(c.code, row.id);
  }

  const supplierIds = new Map<string, string>();
  const householdIds = new Map<string, string>();
  for (const s of DEMO_SUPPLIERS) {
    let orgId = s.orgKey ? orgIds.get(s.orgKey) : undefined;
    if (!orgId) {
      orgId = (
        await one(
          em,
          `INSERT INTO organization (kind, name, credit_code, region_code) VALUES ('SUPPLIER', $1, $2, $3) RETURNING id`,
          [s.name, withCheckChar(s.creditCode17!), s.countyCode],
        )
      ).id;
    }
    supplierIds.set(s.key, orgId);
    if (s.staff) {
      const user = await one(
        em,
        `INSERT INTO app_user (email, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id`,
        [s.staff.email, s.staff.displayName, passwordHash],
      );
      await em.query(`INSERT INTO membership (user_id, role, organization_id) VALUES ($1, 'SUPPLIER_ADMIN', $2)`, [
        user.id,
        orgId,
      ]);
      userIds.set(s.staff.email, user.id);
    }
    await em.query(
      `INSERT INTO supplier_profile (organization_id, kind, county_code, linkage_mechanism, status) VALUES ($1, $2, $3, $4, 'APPROVED')`,
      [orgId, s.kind, s.countyCode, s.linkageMechanism],
    );
    for (const [from, to, actor, reason] of [
      [null, 'APPLIED', null, null],
      ['APPLIED', 'RECOMMENDED', coordinatorId, '核实注册地为脱贫县，利益联结机制真实'],
      ['RECOMMENDED', 'APPROVED', adminId, '准入'],
    ]) {
      await em.query(
        `INSERT INTO supplier_admission_event (supplier_id, from_status, to_status, actor_user_id, reason) VALUES ($1, $2, $3, $4, $5)`,
        [orgId, from, to, actor, reason],
      );
    }
    for (const h of s.households) {
      const farmerUser = h.key === 'tian' ? userIds.get('farmer@demo.bangfu') : null;
      const row = await one(
        em,
        `INSERT INTO household (village_code, head_name, size, status, user_id, created_by_org_id, id_number_hmac) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          h.villageCode,
          h.headName,
          h.size,
          h.status,
          farmerUser ?? null,
          orgId,
          createHmac('sha256', 'bangfu-demo').update(`${s.key}:${h.key}`).digest('hex'),
        ],
      );
      householdIds.set(h.key, row.id);
      await em.query(
        `INSERT INTO linkage (supplier_id, household_id, type, terms, valid_from) VALUES ($1, $2, $3, $4, $5)`,
        [
          orgId,
          row.id,
          h.linkage,
          h.linkage === 'PURCHASE_CONTRACT'
            ? '保底价收购，随行就市上浮'
            : h.linkage === 'WAGE'
              ? '基地务工，按日结算'
              : '土地流转，年付租金',
          `${today.getUTCFullYear() - 1}-01-01`,
        ],
      );
    }
    if (s.villageCollective) {
      const v = s.villageCollective;
      await em.query(
        `INSERT INTO linkage (supplier_id, village_code, type, terms, share_basis_points, valid_from) VALUES ($1, $2, $3, $4, $5, $6)`,
        [orgId, v.villageCode, v.type, v.terms, v.shareBasisPoints, `${today.getUTCFullYear() - 1}-01-01`],
      );
    }
  }

  const channelIds = new Map<string, string>();
  for (const c of DEMO_CHANNELS) {
    const counter = c.kind === 'COUNTER';
    const row = await one(
      em,
      `INSERT INTO channel (kind, name, online, region_code, address, operator_org_id, device_id, device_secret) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        c.kind,
        c.name,
        c.online,
        c.regionCode,
        c.address,
        counter ? orgIds.get('agency') : orgIds.get('platform'),
        counter ? DEMO_COUNTER.deviceId : null,
        counter ? DEMO_COUNTER.secret : null,
      ],
    );
    channelIds.set(c.key, row.id);
  }

  const regionNames = async (code: string): Promise<string[]> =>
    (await em.query(`SELECT name FROM region WHERE code = ANY($1::text[]) ORDER BY level`, [ancestorCodes(code)])).map(
      (r: { name: string }) => r.name,
    );
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
    const product = await one(
      em,
      `INSERT INTO product (supplier_id, category_id, title, description, origin_region_code, status, search_tokens, pinyin_initials, pinyin_tokens)
       VALUES ($1, $2, $3, $4, $5, 'PUBLISHED', $6, $7, $8) RETURNING id`,
      [
        supplierId,
        categoryIds.get(p.categoryCode),
        p.title,
        p.description,
        p.originCode,
        search.searchTokens,
        search.pinyinInitials,
        search.pinyinTokens,
      ],
    );
    productIds.set(p.title, product.id);
    await em.query(
      `INSERT INTO product_event (product_id, from_status, to_status) VALUES ($1, NULL, 'DRAFT'), ($1, 'DRAFT', 'PUBLISHED')`,
      [product.id],
    );
    for (const v of p.variants) {
      const lotTotal = v.lots.reduce((sum, l) => sum + Object.values(l.contributions).reduce((a, b) => a + b, 0), 0);
      const variant = await one(
        em,
        `INSERT INTO variant (product_id, sku, spec, unit, retail_price, agency_price, market_reference_price, stock_on_hand)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          product.id,
          v.sku,
          v.spec,
          v.unit,
          v.retailPrice,
          v.agencyPrice,
          v.marketReferencePrice,
          lotTotal + (v.extraStock ?? 0),
        ],
      );
      variantIds.set(v.sku, variant.id);
      for (const l of v.lots) {
        const quantity = Object.values(l.contributions).reduce((a, b) => a + b, 0);
        const lotRow = await one(
          em,
          `INSERT INTO lot (variant_id, lot_no, harvested_on, quantity, remaining) VALUES ($1, $2, $3, $4, $4) RETURNING id`,
          [variant.id, l.lotNo, l.harvestedOn, quantity],
        );
        for (const [key, q] of Object.entries(l.contributions)) {
          await em.query(`INSERT INTO lot_contribution (lot_id, household_id, quantity) VALUES ($1, $2, $3)`, [
            lotRow.id,
            householdIds.get(key),
            q,
          ]);
        }
      }
    }
    await seedCertification(em, product.id, p.certification, { adminId, coordinatorId, today });
    for (const key of p.channels) {
      await em.query(`INSERT INTO channel_product (channel_id, product_id) VALUES ($1, $2)`, [
        channelIds.get(key),
        product.id,
      ]);
    }
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
    const row = await one(em, `INSERT INTO certification (product_id, status) VALUES ($1, 'PENDING') RETURNING id`, [
      productId,
    ]);
    await em.query(
      `INSERT INTO certification_event (certification_id, from_status, to_status) VALUES ($1, NULL, 'PENDING')`,
      [row.id],
    );
    return;
  }
  const { validFrom, validTo } = certDates(cert, who.today);
  const row = await one(
    em,
    `INSERT INTO certification (product_id, status, certificate_no, issuer, batch, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [productId, cert.state, cert.certificateNo, '省乡村振兴局', cert.batch, validFrom, validTo],
  );
  const moves: Array<[string | null, string, string | null]> = [
    [null, 'PENDING', null],
    ['PENDING', 'VERIFIED', who.coordinatorId],
    ['VERIFIED', 'CERTIFIED', who.adminId],
  ];
  if (cert.state === 'EXPIRED') moves.push(['CERTIFIED', 'EXPIRED', null]);
  for (const [from, to, actor] of moves) {
    await em.query(
      `INSERT INTO certification_event (certification_id, from_status, to_status, actor_user_id) VALUES ($1, $2, $3, $4)`,
      [row.id, from, to, actor],
    );
  }
}
