import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { productsUrl } from '../lib/product-filter';
import { navigate } from '../lib/router';
import { Form } from './Form';

/** The hall's search: goes to the product list (other filters start empty unless `onSearch` decides). */
export function SearchBox({
  initial = '',
  compact = false,
  onSearch,
}: {
  initial?: string;
  compact?: boolean;
  onSearch?: (text: string) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(initial);
  useEffect(() => setText(initial), [initial]);
  const submit = () => {
    if (onSearch) onSearch(text);
    else navigate(productsUrl({ search: text }));
  };
  return (
    <Form className={`search-box${compact ? ' is-compact' : ''}`} role="search" onSubmit={submit}>
      <label className="visually-hidden" htmlFor={compact ? 'search-compact' : 'search-main'}>
        {t('search.label')}
      </label>
      <input
        id={compact ? 'search-compact' : 'search-main'}
        type="search"
        name="search"
        enterKeyHint="search"
        placeholder={t('search.placeholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="button button-primary">
        {t('search.submit')}
      </button>
    </Form>
  );
}
