import { useState } from 'react';
import { api } from '../../api/client';
import { type AddressData, DELETE_ADDRESS, MY_ADDRESSES, SET_DEFAULT_ADDRESS } from '../../api/buyers';
import { AddressForm, AddressLines } from '../../components/AddressForm';
import { ErrorNotice } from '../../components/Feedback';
import { forRoles } from '../../components/Guard';
import { useI18n } from '../../i18n';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { ActionButton } from '../../components/ActionButton';
import { QueryRowList } from '../../components/ListStatus';
import { Breadcrumb } from '../../components/PageShell';

function AddressRow({ address, onChanged }: { address: AddressData; onChanged: () => void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const makeDefault = useAction(async () => {
    await api.request(SET_DEFAULT_ADDRESS, { id: address.id });
    onChanged();
  });
  const remove = useAction(async () => {
    if (!window.confirm(t('address.confirmDelete'))) return;
    await api.request(DELETE_ADDRESS, { id: address.id });
    onChanged();
  });
  if (editing) {
    return (
      <li className="row">
        <AddressForm
          address={address}
          onSaved={() => {
            setEditing(false);
            onChanged();
          }}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  }
  return (
    <li className="row" data-testid="address-row">
      <div className="row-main">
        <AddressLines address={address} />
        {address.isDefault && <span className="chip">{t('address.default')}</span>}
        <ErrorNotice error={makeDefault.error ?? remove.error} />
      </div>
      <div className="row-actions">
        {!address.isDefault && <ActionButton action={makeDefault}>{t('address.setDefault')}</ActionButton>}
        <button type="button" className="button button-quiet" onClick={() => setEditing(true)}>
          {t('address.editShort')}
        </button>
        <ActionButton action={remove}>{t('address.delete')}</ActionButton>
      </div>
    </li>
  );
}

function AddressBook() {
  const { t } = useI18n();
  const book = useQuery(MY_ADDRESSES);
  const [adding, setAdding] = useState(false);
  const addresses = book.data?.myAddresses ?? [];
  return (
    <div className="container page-body address-book">
      <Breadcrumb home={false} trail={[{ to: '/account', label: t('account.title') }]} current={t('address.title')} />
      <div className="portal-head">
        <h1>{t('address.title')}</h1>
        {!adding && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => setAdding(true)}
            data-testid="address-add"
          >
            {t('address.add')}
          </button>
        )}
      </div>
      {adding && (
        <section className="card">
          <h2>{t('address.add')}</h2>
          <AddressForm
            onSaved={() => {
              setAdding(false);
              book.reload();
            }}
            onCancel={() => setAdding(false)}
          />
        </section>
      )}
      <section className="card">
        <QueryRowList
          query={book}
          rows={addresses}
          emptyText={t('address.none')}
          row={(a) => <AddressRow key={a.id} address={a} onChanged={book.reload} />}
        />
      </section>
    </div>
  );
}

/** /account/addresses — 收货地址: the signed-in user's address book. */
export const AddressBookPage = forRoles(['CUSTOMER', 'PURCHASER', 'APPROVER', 'AGENCY_ADMIN'], AddressBook);
