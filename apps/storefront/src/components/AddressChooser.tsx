import { useEffect, useState } from 'react';
import { type AddressData, MY_ADDRESSES } from '../api/buyers';
import { useI18n } from '../i18n';
import { Link } from '../lib/router';
import { useQuery } from '../lib/use-query';
import { AddressForm, AddressLines } from './AddressForm';
import { ErrorNotice, Loading } from './Feedback';
import { TitledCard } from './TitledCard';

/** Checkout: pick one of your addresses (the default first), or add one on the spot. */
export function AddressChooser({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useI18n();
  const { data, error, loading, reload, setData } = useQuery(MY_ADDRESSES);
  const [adding, setAdding] = useState(false);
  const addresses = data?.myAddresses ?? [];

  // Preselect the default (or the only) address once the book is loaded.
  useEffect(() => {
    if (!data) return;
    if (value && addresses.some((a) => a.id === value)) return;
    onChange((addresses.find((a) => a.isDefault) ?? addresses[0])?.id ?? null);
  }, [data]);

  const added = (a: AddressData) => {
    setData((d) => ({
      myAddresses: [...(d?.myAddresses ?? []).map((x) => (a.isDefault ? { ...x, isDefault: false } : x)), a],
    }));
    onChange(a.id);
    setAdding(false);
  };

  return (
    <TitledCard title={t('address.checkoutTitle')} testId="checkout-address">
      <ErrorNotice error={error} onRetry={reload} />
      {loading && !data ? (
        <Loading />
      ) : (
        <>
          {addresses.length > 0 && (
            <fieldset className="address-choices">
              <legend className="visually-hidden">{t('address.checkoutTitle')}</legend>
              {addresses.map((a) => (
                <label
                  key={a.id}
                  className={`address-choice${value === a.id ? ' is-selected' : ''}`}
                  data-testid="address-choice"
                >
                  <input
                    type="radio"
                    name="addressId"
                    value={a.id}
                    checked={value === a.id}
                    onChange={() => onChange(a.id)}
                  />
                  <AddressLines address={a} />
                  {a.isDefault && <span className="chip">{t('address.default')}</span>}
                </label>
              ))}
            </fieldset>
          )}
          {addresses.length === 0 && !adding && <p className="muted">{t('address.none')}</p>}
          {adding ? (
            <AddressForm onSaved={added} onCancel={addresses.length ? () => setAdding(false) : undefined} />
          ) : (
            <p className="form-actions">
              <button
                type="button"
                className="button button-quiet"
                onClick={() => setAdding(true)}
                data-testid="address-add"
              >
                {t('address.add')}
              </button>
              <Link to="/account/addresses">{t('address.manage')}</Link>
            </p>
          )}
        </>
      )}
    </TitledCard>
  );
}
