import { Injectable } from '@nestjs/common';
import { registerEnumType } from '@nestjs/graphql';
import {
  AppError,
  assertUuid,
  badInput,
  type Connection,
  Db,
  decodeCursor,
  ErrorCode,
  type PageArgs,
  pageSize,
  type RequestContext,
  Role,
  toConnection,
} from '@bangfu/core';
import { normalizePrefix } from '@bangfu/region';
import { In } from 'typeorm';

import { Product } from './product.entity';
import { staffOrgIds } from './product.service';
import { pinyinQuery } from './pinyin-tokens';
import { parseQuery } from './search-text';

export interface ProductFilter {
  search?: string | null;
  regionCode?: string | null;
  certifiedOnly?: boolean | null;
  channelId?: string | null;
  categoryId?: string | null;
  minPrice?: number | null;
  maxPrice?: number | null;
  supplierId?: string | null;
}

const MAX_SEARCH_LENGTH = 100;

/** `products(sort:)`. Without it: relevance when searching, else newest. */
export enum ProductSort {
  RELEVANCE = 'RELEVANCE',
  NEWEST = 'NEWEST',
  PRICE_ASC = 'PRICE_ASC',
  PRICE_DESC = 'PRICE_DESC',
  SALES = 'SALES',
}
registerEnumType(ProductSort, {
  name: 'ProductSort',
  description:
    'RELEVANCE (searching; newest otherwise), NEWEST, PRICE_ASC / PRICE_DESC (the cheapest active variant’s retail price), SALES (units shipped)',
});

/** Cursor kinds: r relevance, n newest, pa/pd price, s sales. Each compares its own key tuple. */
type CursorKind = 'r' | 'n' | 'pa' | 'pd' | 's';
const KEY_LENGTH: Record<CursorKind, number> = { r: 3, n: 2, pa: 2, pd: 3, s: 3 };
// The price a product is "from": its cheapest active variant's retail price. Without any, it sorts last.
const FROM_PRICE = `(SELECT min(v.retail_price) FROM variant v WHERE v.product_id = p.id AND v.active)`;
const SORT_KEY: Record<'pa' | 'pd' | 's', string> = {
  pa: `COALESCE(${FROM_PRICE}, 9007199254740991)`,
  pd: `COALESCE(${FROM_PRICE}, -1)`,
  // Units shipped, kept on the variant by the shipping UPDATE: no order lines are read here.
  s: `(SELECT COALESCE(sum(v.units_sold), 0) FROM variant v WHERE v.product_id = p.id)`,
};

/** Collects SQL conditions with positional parameters. */
class Sql {
  readonly params: unknown[] = [];
  readonly where: string[] = [];
  p(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

interface Match {
  tsquery: string | null;
  /** In the relaxed search, each word separately: products having more of them rank higher. */
  terms: string[];
  compact: string;
  latin: boolean;
  /** Latin letters as a phrase of full-pinyin syllables (cha, fanjingshan), against pinyin_vector. */
  pinyin: string | null;
}

interface Row {
  id: string;
  rank: string | null;
  created: string;
}

/**
 * `products(filter, first, after)`: the public catalogue with Chinese full-text search.
 *
 * Matching (any of): the jieba tsquery against search_vector (GIN), the query as a substring of the
 * title (trigram GIN), and for Latin-letter queries the pinyin initials (fjs → 梵净山). When every
 * word is required and nothing matches, the search relaxes to any word. Ordering: relevance (title
 * hit, ts_rank, trigram similarity, as an integer so cursors compare exactly) when searching, else
 * newest first, unless `sort` asks for price or sales; the cursor carries the whole sort key
 * including id, so pages never repeat or skip. Latin queries also match full pinyin as a phrase of
 * syllables (cha → 茶, fanjingshan → 梵净山; see pinyin-tokens.ts).
 */
@Injectable()
export class ProductSearchService {
  constructor(private readonly db: Db) {}

  async search(
    ctx: RequestContext,
    filter: ProductFilter = {},
    { first, after }: PageArgs,
    sort?: ProductSort | null,
  ): Promise<Connection<Product>> {
    const limit = pageSize(first);
    const cursor = decodeCursor(after);
    const base = this.baseConditions(ctx, filter);
    const text = (filter.search ?? '').trim();
    if (text.length > MAX_SEARCH_LENGTH)
      throw badInput(`search is at most ${MAX_SEARCH_LENGTH} characters`, { field: 'search' });

    const kind = cursorKindOf(sort, !!text);
    if (!text) return this.page(ctx, base, null, limit, cursor, kind);
    const q = parseQuery(text);
    const pinyin = q.latin ? pinyinQuery(q.compact) : null;
    const all = await this.page(
      ctx,
      base,
      { tsquery: q.all, terms: [], compact: q.compact, latin: q.latin, pinyin },
      limit,
      cursor,
      kind,
    );
    // Relaxing only makes sense when the strict query found nothing at all (not just on this page).
    if (all.totalCount > 0 || !q.any) return all;
    return this.page(
      ctx,
      base,
      { tsquery: q.any, terms: q.anyTerms, compact: q.compact, latin: q.latin, pinyin },
      limit,
      cursor,
      kind,
    );
  }

  private baseConditions(ctx: RequestContext, filter: ProductFilter): Sql {
    const sql = new Sql();
    const p = ctx.principal;
    const supplierId = filter.supplierId ? assertUuid(filter.supplierId, 'supplierId') : null;
    const insider = !!supplierId && !!p && (staffOrgIds(p).includes(supplierId) || p.hasRole(Role.PLATFORM_ADMIN));
    // Its own staff see a supplier's drafts when they ask for that supplier; everyone else sees what is on sale.
    if (!insider) sql.where.push(`p.status = 'PUBLISHED' AND sp.status = 'APPROVED'`);
    if (supplierId) sql.where.push(`p.supplier_id = ${sql.p(supplierId)}`);
    if (filter.regionCode) {
      let prefix: string;
      try {
        prefix = normalizePrefix(filter.regionCode.trim(), 'regionCode');
      } catch {
        throw new AppError(ErrorCode.INVALID_REGION_CODE, `${filter.regionCode} is not a division code or prefix`, {
          field: 'regionCode',
        });
      }
      sql.where.push(`p.origin_region_code LIKE ${sql.p(`${prefix}%`)}`);
    }
    if (filter.certifiedOnly) {
      sql.where.push(`EXISTS (SELECT 1 FROM product_certification c WHERE c.product_id = p.id AND c.certified_today)`);
    }
    if (filter.channelId) {
      sql.where.push(
        `EXISTS (SELECT 1 FROM channel_placement cp WHERE cp.product_id = p.id AND cp.channel_id = ${sql.p(assertUuid(filter.channelId, 'channelId'))})`,
      );
    }
    if (filter.categoryId) {
      sql.where.push(`p.category_id IN (WITH RECURSIVE sub AS (
          SELECT id, 0 AS depth FROM category WHERE id = ${sql.p(assertUuid(filter.categoryId, 'categoryId'))}
          UNION ALL SELECT c.id, sub.depth + 1 FROM category c JOIN sub ON c.parent_id = sub.id WHERE sub.depth < 20
        ) SELECT id FROM sub)`);
    }
    for (const [field, value] of [
      ['minPrice', filter.minPrice],
      ['maxPrice', filter.maxPrice],
    ] as const) {
      if (value != null && (!Number.isSafeInteger(value) || value < 0))
        throw new AppError(ErrorCode.INVALID_PRICE, `${field} must be a non-negative amount of fen`, { field });
    }
    if (filter.minPrice != null && filter.maxPrice != null && filter.minPrice > filter.maxPrice) {
      throw new AppError(ErrorCode.INVALID_PRICE, 'minPrice is above maxPrice', { field: 'minPrice' });
    }
    if (filter.minPrice != null) sql.where.push(`${FROM_PRICE} >= ${sql.p(filter.minPrice)}`);
    if (filter.maxPrice != null) sql.where.push(`${FROM_PRICE} <= ${sql.p(filter.maxPrice)}`);
    return sql;
  }

  private async page(
    ctx: RequestContext,
    base: Sql,
    match: Match | null,
    limit: number,
    cursor: unknown[] | null,
    kind: CursorKind,
  ): Promise<Connection<Product>> {
    const sql = new Sql();
    sql.params.push(...base.params);
    sql.where.push(...base.where);
    let rank = 'NULL';
    let whereParams = sql.params.length;
    if (match) {
      const ors: string[] = [];
      const tsq = match.tsquery ? `to_tsquery('simple', ${sql.p(match.tsquery)})` : null;
      const titleLike = `p.title ILIKE ${sql.p(`%${likeEscape(match.compact)}%`)}`;
      if (tsq) ors.push(`p.search_vector @@ ${tsq}`);
      ors.push(titleLike);
      let pinyinHit = 'false';
      if (match.latin && match.compact.length >= 2) {
        pinyinHit = `p.pinyin_initials ILIKE ${sql.p(`%${likeEscape(match.compact)}%`)}`;
        ors.push(pinyinHit);
      }
      let syllableHit = 'false';
      if (match.pinyin) {
        syllableHit = `p.pinyin_vector @@ to_tsquery('simple', ${sql.p(match.pinyin)})`;
        ors.push(syllableHit);
      }
      sql.where.push(`(${ors.join(' OR ')})`);
      whereParams = sql.params.length;
    }
    // The relevance rank only when ordering by it: its parameters must not reach other sorts' statements.
    if (match && kind === 'r') {
      const tsq = match.tsquery ? `to_tsquery('simple', ${sql.p(match.tsquery)})` : null;
      const titleLike = `p.title ILIKE ${sql.p(`%${likeEscape(match.compact)}%`)}`;
      const pinyinHit =
        match.latin && match.compact.length >= 2
          ? `p.pinyin_initials ILIKE ${sql.p(`%${likeEscape(match.compact)}%`)}`
          : 'false';
      const syllableHit = match.pinyin ? `p.pinyin_vector @@ to_tsquery('simple', ${sql.p(match.pinyin)})` : 'false';
      const compact = sql.p(match.compact);
      // Title hits first, then text relevance; scaled to an integer so the cursor compares exactly.
      rank = `round(1000000 * (
          CASE WHEN ${titleLike} THEN 1.0 ELSE 0 END
        + CASE WHEN p.title ILIKE ${sql.p(`${likeEscape(match.compact)}%`)} THEN 0.3 ELSE 0 END
        + CASE WHEN ${pinyinHit} THEN 0.8 ELSE 0 END
        + CASE WHEN ${syllableHit} THEN 0.9 ELSE 0 END
        + ${tsq ? `ts_rank(p.search_vector, ${tsq})` : '0'}
        + word_similarity(${compact}, p.title)
        ${match.terms.map((t) => `+ CASE WHEN p.search_vector @@ to_tsquery('simple', ${sql.p(t)}) THEN 0.5 ELSE 0 END`).join(' ')}))::bigint`;
    }
    const from = `FROM product p JOIN supplier_directory sp ON sp.organization_id = p.supplier_id`;
    const countSql = `SELECT count(*) AS n ${from} ${sql.where.length ? `WHERE ${sql.where.join(' AND ')}` : ''}`;
    // The count uses the conditions only, not the ranking's parameters.
    const countParams = sql.params.slice(0, whereParams);

    // Timestamps travel in cursors as PostgreSQL text (microseconds), not JS Dates (milliseconds).
    let listSql: string;
    if (kind !== 'n') {
      // Relevance, price or sales: the key is computed per row, then compared as a tuple with the cursor.
      const key = kind === 'r' ? rank : SORT_KEY[kind];
      let after = '';
      if (cursor && kind === 'pa') {
        const [k, id] = this.cursorKey(cursor, kind);
        after = `WHERE (k.rank, k.id) > (${sql.p(k)}::bigint, ${sql.p(id)}::uuid)`;
      } else if (cursor) {
        const [k, created, id] = this.cursorKey(cursor, kind);
        after = `WHERE (k.rank, k.created_at, k.id) < (${sql.p(k)}::bigint, ${sql.p(created)}::timestamptz, ${sql.p(id)}::uuid)`;
      }
      const order = kind === 'pa' ? 'k.rank ASC, k.id ASC' : 'k.rank DESC, k.created_at DESC, k.id DESC';
      listSql = `SELECT k.id, k.rank, k.created FROM (
          SELECT p.id, (${key})::bigint AS rank, p.created_at, p.created_at::text AS created ${from} ${sql.where.length ? `WHERE ${sql.where.join(' AND ')}` : ''}
        ) k ${after} ORDER BY ${order} LIMIT ${limit + 1}`;
    } else {
      if (cursor) {
        const [created, id] = this.cursorKey(cursor, 'n');
        sql.where.push(`(p.created_at, p.id) < (${sql.p(created)}::timestamptz, ${sql.p(id)}::uuid)`);
      }
      listSql = `SELECT p.id, NULL AS rank, p.created_at::text AS created ${from}
        ${sql.where.length ? `WHERE ${sql.where.join(' AND ')}` : ''} ORDER BY p.created_at DESC, p.id DESC LIMIT ${limit + 1}`;
    }

    // Browsing and search tolerate replication lag: a replica when DATABASE_REPLICA_URLS is set.
    const em = this.db.reader(ctx);
    let rows: Row[];
    let count: Array<{ n: string }>;
    try {
      [rows, count] = await Promise.all([em.query(listSql, sql.params), em.query(countSql, countParams)]);
    } catch (e) {
      if ((e as { code?: string }).code === '22P02')
        throw badInput('after is not a cursor of this listing', { field: 'after' });
      throw e;
    }
    const products = await em.getRepository(Product).findBy({ id: In(rows.map((r) => r.id)) });
    const byId = new Map(products.map((x) => [x.id, x]));
    const keyOf = (r: Row): string[] =>
      kind === 'n'
        ? ['n', r.created, r.id]
        : kind === 'pa'
          ? ['pa', String(r.rank), r.id]
          : [kind, String(r.rank), r.created, r.id];
    const keys = new Map(rows.map((r) => [r.id, keyOf(r)]));
    const nodes = rows.map((r) => byId.get(r.id)).filter((x): x is Product => !!x);
    return toConnection(nodes, limit, Number(count[0].n), (n) => keys.get(n.id)!, !!cursor);
  }

  /** The sort key inside a cursor; a cursor from another ordering (search vs newest, price vs sales) is refused. */
  private cursorKey(cursor: unknown[], kind: CursorKind): string[] {
    const [k, ...key] = cursor;
    if (k !== kind || key.length !== KEY_LENGTH[kind] || !key.every((x) => typeof x === 'string')) {
      throw badInput('after is not a cursor of this listing', { field: 'after' });
    }
    if (kind !== 'n' && !/^-?\d{1,18}$/.test(key[0] as string))
      throw badInput('after is not a cursor of this listing', { field: 'after' });
    assertUuid(key.at(-1) as string, 'after');
    return key as string[];
  }
}

function cursorKindOf(sort: ProductSort | null | undefined, searching: boolean): CursorKind {
  switch (sort ?? (searching ? ProductSort.RELEVANCE : ProductSort.NEWEST)) {
    case ProductSort.RELEVANCE:
      return searching ? 'r' : 'n';
    case ProductSort.NEWEST:
      return 'n';
    case ProductSort.PRICE_ASC:
      return 'pa';
    case ProductSort.PRICE_DESC:
      return 'pd';
    case ProductSort.SALES:
      return 's';
    default:
      throw badInput('sort is not a product sort', { field: 'sort' });
  }
}
