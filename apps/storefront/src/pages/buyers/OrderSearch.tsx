import { useEffect, useId, useState } from 'react';
import { useI18n } from '../../i18n';
import '../../components/buyers.css';
import { Form } from '../../components/Form';

/** 订单搜索: part of the order number (or invoice number); an empty search shows every order again. */
export function OrderSearch({ initial, onSearch }: { initial: string; onSearch: (text: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(initial);
  useEffect(() => setText(initial), [initial]);
  const submit = () => {
    onSearch(text);
  };
  return (
    <Form className="order-search" role="search" onSubmit={submit}>
      <div className="field field-compact">
        <label htmlFor={id}>{t('orders.search')}</label>
        <input
          id={id}
          type="search"
          name="q"
          value={text}
          maxLength={50}
          placeholder={t('orders.searchPlaceholder')}
          onChange={(e) => setText(e.target.value)}
          data-testid="orders-search"
        />
      </div>
      <button type="submit" className="button button-quiet">
        {t('orders.searchSubmit')}
      </button>
    </Form>
  );
}
