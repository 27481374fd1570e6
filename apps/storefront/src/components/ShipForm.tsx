import { useId } from 'react';
import { api } from '../api/client';
import { SHIP_SUPPLIER_ORDER, type SupplierOrderData } from '../api/ordering';
import { useI18n } from '../i18n';
import { shipFormSchema } from '../lib/forms';
import { CARRIERS } from '../lib/orders';
import { useAction } from '../lib/use-action';
import { useServerProblem, useZodForm } from '../lib/use-zod-form';
import { ShipToAddress } from './DeliveryAddress';
import { ErrorNotice } from './Feedback';
import { TextField } from './FormField';

/** 发货: carrier (common ones suggested) and tracking number; the server takes the units from lots FIFO. */
export function ShipForm({
  supplierOrderId,
  orderId,
  onShipped,
}: {
  supplierOrderId: string;
  orderId?: string;
  onShipped: (so: SupplierOrderData) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const form = useZodForm(shipFormSchema, { carrier: '', trackingNo: '' });
  const problems = form.formState.errors;
  const ship = useAction(async ({ carrier, trackingNo }: { carrier: string; trackingNo: string }) => {
    const data = await api.request(SHIP_SUPPLIER_ORDER, {
      supplierOrderId,
      carrier,
      trackingNo,
    });
    onShipped(data.shipSupplierOrder);
  });
  useServerProblem(form, ship.error);

  return (
    <form
      className="ship-form inline-form"
      onSubmit={form.handleSubmit((shipment) => void ship.run(shipment))}
      noValidate
      aria-label={t('ship.title')}
      data-testid="ship-form"
    >
      {orderId && <ShipToAddress orderId={orderId} supplierOrderId={supplierOrderId} />}
      <TextField
        label={t('ship.carrier')}
        list={`${id}-carriers`}
        autoComplete="off"
        maxLength={100}
        error={problems.carrier}
        {...form.register('carrier')}
      />
      <datalist id={`${id}-carriers`}>
        {CARRIERS.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <TextField
        label={t('ship.trackingNo')}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={100}
        error={problems.trackingNo}
        {...form.register('trackingNo')}
      />
      <button type="submit" className="button button-primary" disabled={ship.busy}>
        {ship.busy ? t('form.submitting') : t('ship.submit')}
      </button>
      <ErrorNotice error={ship.error} />
    </form>
  );
}
