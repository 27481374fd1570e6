import { CatalogErrorCode } from './catalog.errors';
import { Injectable } from '@nestjs/common';
import { AppError, assertUuid, Db, type RequestContext, uniqueViolation } from '@bangfu/core';
import { Category } from './category.entity';
import { requireText } from './catalog.rules';

export interface CreateCategoryInput {
  code: string;
  name: string;
  nameEn?: string | null;
  parentId?: string | null;
  sort?: number | null;
}

const CODE = /^[a-z0-9-]{1,64}$/;

@Injectable()
export class CategoryService {
  constructor(private readonly db: Db) {}

  /** The whole tree as a flat list (parentId links it); a catalogue has tens of categories, not thousands. */
  list(ctx: RequestContext): Promise<Category[]> {
    // Browsing: a replica when there is one (a new category may appear a moment later there).
    return this.db
      .reader(ctx)
      .getRepository(Category)
      .find({ order: { sort: 'ASC', name: 'ASC' } });
  }

  async require(ctx: RequestContext, id: string, field = 'categoryId'): Promise<Category> {
    assertUuid(id, field);
    const category = await this.db.repo(ctx, Category).findOneBy({ id });
    if (!category) throw new AppError(CatalogErrorCode.UNKNOWN_CATEGORY, `Category ${id} does not exist`, { field });
    return category;
  }

  /** The category and all its descendants (other libs filter by a category subtree). */
  async subtreeIds(ctx: RequestContext, id: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.manager(ctx).query(
      `WITH RECURSIVE sub AS (SELECT id FROM category WHERE id = $1::uuid
                              UNION SELECT k.id FROM category k JOIN sub ON k.parent_id = sub.id)
       SELECT id FROM sub`,
      [id],
    );
    return rows.map((r) => r.id);
  }

  /** Names from the root down to the category (indexed for search: 绿茶 also finds under 茶叶). */
  async namePath(ctx: RequestContext, id: string | null): Promise<string[]> {
    if (!id) return [];
    const rows: Array<{ name: string }> = await this.db.manager(ctx).query(
      `WITH RECURSIVE up AS (
         SELECT id, parent_id, name, 0 AS depth FROM category WHERE id = $1
         UNION ALL SELECT c.id, c.parent_id, c.name, up.depth + 1 FROM category c JOIN up ON c.id = up.parent_id WHERE up.depth < 20
       ) SELECT name FROM up ORDER BY depth DESC`,
      [id],
    );
    return rows.map((r) => r.name);
  }

  create(ctx: RequestContext, input: CreateCategoryInput): Promise<Category> {
    return this.db.transaction(ctx, async (tx) => {
      const code = (input.code ?? '').trim();
      if (!CODE.test(code))
        throw new AppError(
          CatalogErrorCode.INVALID_CATEGORY_CODE,
          'A category code is 1–64 lowercase letters, digits or dashes',
          {
            field: 'code',
          },
        );
      const name = requireText(input.name, 'name', 50);
      const nameEn = (input.nameEn ?? '').trim().slice(0, 100);
      if (input.parentId) await this.require(tx, input.parentId, 'parentId');
      const repo = this.db.repo(tx, Category);
      try {
        return await repo.save(
          repo.create({ code, name, nameEn, parentId: input.parentId ?? null, sort: input.sort ?? 0 }),
        );
      } catch (e) {
        if (uniqueViolation(e))
          throw new AppError(CatalogErrorCode.DUPLICATE_CATEGORY_CODE, `Category code ${code} is taken`, {
            field: 'code',
          });
        throw e;
      }
    });
  }
}
