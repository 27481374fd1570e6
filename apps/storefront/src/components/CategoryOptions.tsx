import type { Category } from '../api/catalog';
import { useI18n } from '../i18n';
import { categoryOptions } from '../lib/categories';

/** The categories as a select's options in tree order: children indented, named in the reader's language. */
export function CategoryOptions({ categories }: { categories: Category[] }) {
  const { locale } = useI18n();
  return categoryOptions(categories).map(({ category, depth }) => (
    <option key={category.id} value={category.id}>
      {'\u3000'.repeat(depth)}
      {locale === 'en' && category.nameEn ? category.nameEn : category.name}
    </option>
  ));
}
