import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import '../../components/buyers.css';
import { Form } from '../../components/Form';
import { TextField } from '../../components/FormField';

/** 订单搜索: part of the order number (or invoice number); an empty search shows every order again. */
export function OrderSearch({ initial, onSearch }: { initial: string; onSearch: (text: string) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(initial);
  useEffect(() => setText(initial), [initial]);
  return (
    <Form className="order-search" role="search" onSubmit={() => onSearch(text)}>
      <TextField
        compact
        label={t('orders.search')}
        type="search"
        name="q"
        value={text}
        maxLength={50}
        placeholder={t('orders.searchPlaceholder')}
        onChange={(e) => setText(e.target.value)}
        data-testid="orders-search"
      />
      <button type="submit" className="button button-quiet">
        {t('orders.searchSubmit')}
      </button>
    </Form>
  );
}
