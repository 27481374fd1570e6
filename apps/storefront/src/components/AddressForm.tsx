import { Controller } from 'react-hook-form';
import { api } from '../api/client';
import { type AddressData, type AddressInput, CREATE_ADDRESS, UPDATE_ADDRESS } from '../api/buyers';
import { useI18n } from '../i18n';
import { addressFormSchema } from '../lib/forms';
import { useAction } from '../lib/use-action';
import { useServerProblem, useZodForm } from '../lib/use-zod-form';
import { FieldProblem, TextField } from './FormField';
import { RegionPicker } from './RegionPicker';
import { FormActions } from './FormActions';

/**
 * 收货地址 form: recipient, mobile, region picked down to the village (where the division has
 * villages), street detail, default. Creates, or edits `address` when given. lib/forms.ts checks it.
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
  const form = useZodForm(addressFormSchema, {
    recipient: address?.recipient ?? '',
    phone: address?.phone ?? '',
    region: address?.regionCode ?? '',
    detail: address?.detail ?? '',
    isDefault: address?.isDefault ?? false,
  });
  const problems = form.formState.errors;

  const save = useAction(async (input: AddressInput) => {
    const data = address
      ? await api.request(UPDATE_ADDRESS, { id: address.id, input })
      : await api.request(CREATE_ADDRESS, { input });
    onSaved('updateAddress' in data ? data.updateAddress : data.createAddress);
  });
  useServerProblem(form, save.error, { regionCode: 'region' });

  return (
    <form
      className="address-form"
      onSubmit={form.handleSubmit((input) => void save.run(input))}
      noValidate
      aria-label={address ? t('address.edit') : t('address.add')}
      data-testid="address-form"
    >
      <TextField
        label={t('address.recipient')}
        autoComplete="name"
        maxLength={50}
        error={problems.recipient}
        {...form.register('recipient')}
      />
      <TextField
        label={t('address.phone')}
        type="tel"
        inputMode="numeric"
        autoComplete="tel"
        maxLength={20}
        error={problems.phone}
        {...form.register('phone')}
      />
      <fieldset className="fieldset">
        <legend>{t('address.region')}</legend>
        <Controller
          control={form.control}
          name="region"
          render={({ field }) => <RegionPicker value={field.value} deepest={5} onChange={field.onChange} />}
        />
        <FieldProblem error={problems.region} />
      </fieldset>
      <TextField
        label={t('address.detail')}
        autoComplete="street-address"
        maxLength={200}
        error={problems.detail}
        {...form.register('detail')}
      />
      <label className="check">
        <input type="checkbox" {...form.register('isDefault')} />
        <span>{t('address.makeDefault')}</span>
      </label>
      <FormActions
        action={save}
        label={save.busy ? t('form.submitting') : t('address.save')}
        onCancel={onCancel}
        cancelLabel={t('address.cancel')}
        testId="address-save"
      />
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
