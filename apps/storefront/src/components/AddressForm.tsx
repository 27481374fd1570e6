import { type FormEvent, useId, useState } from 'react';
import { api } from '../api/client';
import {
  type AddressData,
  type AddressInput,
  CREATE_ADDRESS,
  type CreateAddressData,
  UPDATE_ADDRESS,
} from '../api/buyers';
import { useI18n } from '../i18n';
import { checkAddress } from '../lib/address';
import { regionCodeOf } from '../lib/region-code';
import { useAction } from '../lib/use-action';
import { ErrorNotice } from './Feedback';
import { RegionPicker } from './RegionPicker';

/**
 * 收货地址 form: recipient, mobile, region picked down to the village (where the division has
 * villages), street detail, default. Creates, or edits `address` when given.
 */
export function AddressForm({
  address,
  onSaved,
  onCancel,
}: {
  address?: AddressData;
  onSaved: (a: AddressData) => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [recipient, setRecipient] = useState(address?.recipient ?? '');
  const [phone, setPhone] = useState(address?.phone ?? '');
  const [region, setRegion] = useState(address?.regionCode ?? '');
  const [detail, setDetail] = useState(address?.detail ?? '');
  const [isDefault, setIsDefault] = useState(address?.isDefault ?? false);
  const [tried, setTried] = useState(false);
  const regionCode = region ? (regionCodeOf(region) ?? (/^\d{12}$/.test(region) ? region : '')) : '';
  const input: AddressInput = {
    recipient: recipient.trim(),
    phone: phone.replace(/[\s-]/g, ''),
    regionCode,
    detail: detail.trim(),
    isDefault,
  };
  const problems = checkAddress(input);

  const save = useAction(async () => {
    const data = address
      ? await api.request<{ updateAddress: AddressData }>(UPDATE_ADDRESS, { id: address.id, input })
      : await api.request<CreateAddressData>(CREATE_ADDRESS, { input });
    onSaved('updateAddress' in data ? data.updateAddress : data.createAddress);
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(problems).length) return;
    void save.run();
  };
  const err = (field: keyof typeof problems) =>
    tried && problems[field] ? <p className="field-error">{t(`address.problem.${problems[field]}`)}</p> : null;

  return (
    <form
      className="address-form"
      onSubmit={submit}
      noValidate
      aria-label={address ? t('address.edit') : t('address.add')}
      data-testid="address-form"
    >
      <div className="field">
        <label htmlFor={`${id}-recipient`}>{t('address.recipient')}</label>
        <input
          id={`${id}-recipient`}
          name="recipient"
          autoComplete="name"
          maxLength={50}
          value={recipient}
          aria-invalid={tried && !!problems.recipient}
          onChange={(e) => setRecipient(e.target.value)}
        />
        {err('recipient')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-phone`}>{t('address.phone')}</label>
        <input
          id={`${id}-phone`}
          name="phone"
          type="tel"
          inputMode="numeric"
          autoComplete="tel"
          maxLength={20}
          value={phone}
          aria-invalid={tried && !!problems.phone}
          onChange={(e) => setPhone(e.target.value)}
        />
        {err('phone')}
      </div>
      <fieldset className="fieldset">
        <legend>{t('address.region')}</legend>
        <RegionPicker value={region} deepest={5} onChange={setRegion} />
        {err('regionCode')}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-detail`}>{t('address.detail')}</label>
        <input
          id={`${id}-detail`}
          name="detail"
          autoComplete="street-address"
          maxLength={200}
          value={detail}
          aria-invalid={tried && !!problems.detail}
          onChange={(e) => setDetail(e.target.value)}
        />
        {err('detail')}
      </div>
      <label className="check">
        <input type="checkbox" name="isDefault" checked={isDefault} onChange={(e) => setIsDefault(e.target.checked)} />
        <span>{t('address.makeDefault')}</span>
      </label>
      <ErrorNotice error={save.error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.busy} data-testid="address-save">
          {save.busy ? t('form.submitting') : t('address.save')}
        </button>
        {onCancel && (
          <button type="button" className="button button-quiet" onClick={onCancel}>
            {t('address.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

/** An address as lines of text; the phone as the server gave it (masked for suppliers on orders). */
export function AddressLines({
  address,
}: {
  address: { recipient: string; phone: string; regionPath: string[]; detail: string };
}) {
  return (
    <address className="address-lines" data-testid="address-lines">
      <span className="address-who">
        <strong>{address.recipient}</strong> <span className="mono">{address.phone}</span>
      </span>
      <span>
        {address.regionPath.join(' ')} {address.detail}
      </span>
    </address>
  );
}
