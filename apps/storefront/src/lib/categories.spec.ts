import { describe, expect, it } from 'vitest';
import type { Category } from '../api/catalog';
import { categoryOptions } from './categories';

const cat = (id: string, parentId: string | null, name: string, sort = 0): Category => ({
  id,
  parentId,
  code: id,
  name,
  nameEn: '',
  sort,
});

describe('categoryOptions', () => {
  it('orders parents before their children, by sort then name', () => {
    const rows = [
      cat('green', 'tea', '绿茶', 1),
      cat('tea', null, '茶叶', 2),
      cat('fungi', null, '食用菌', 1),
      cat('black', 'tea', '红茶', 0),
    ];
    expect(categoryOptions(rows).map((o) => `${o.depth}:${o.category.id}`)).toEqual([
      '0:fungi',
      '0:tea',
      '1:black',
      '1:green',
    ]);
  });

  it('keeps orphans and survives cycles', () => {
    const rows = [cat('a', 'b', 'A'), cat('b', 'a', 'B'), cat('o', 'missing', 'O')];
    expect(categoryOptions(rows).map((o) => `${o.depth}:${o.category.id}`)).toEqual(['0:o', '0:a', '1:b']);
  });
});
