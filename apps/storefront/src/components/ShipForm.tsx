import { type FormEvent, useId, useState } from 'react';
import { api } from '../api/client';
import { SHIP_SUPPLIER_ORDER, type ShipData, type SupplierOrderData } from '../api/ordering';
import { useI18n } from '../i18n';
import { CARRIERS, checkShipment } from '../lib/orders';
import { useAction } from '../lib/use-action';
import { ShipToAddress } from './DeliveryAddress';
import { ErrorNotice } from './Feedback';

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
  const [carrier, setCarrier] = useState('');
  const [trackingNo, setTrackingNo] = useState('');
  const [tried, setTried] = useState(false);
  const problems = checkShipment(carrier, trackingNo);
  const ship = useAction(async () => {
    const data = await api.request<ShipData>(SHIP_SUPPLIER_ORDER, {
      supplierOrderId,
      carrier: carrier.trim(),
      trackingNo: trackingNo.trim(),
    });
    onShipped(data.shipSupplierOrder);
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problems.carrier || problems.trackingNo) return;
    void ship.run();
  };

  return (
    <form
      className="ship-form inline-form"
      onSubmit={submit}
      noValidate
      aria-label={t('ship.title')}
      data-testid="ship-form"
    >
      {orderId && <ShipToAddress orderId={orderId} supplierOrderId={supplierOrderId} />}
      <div className="field">
        <label htmlFor={`${id}-carrier`}>{t('ship.carrier')}</label>
        <input
          id={`${id}-carrier`}
          name="carrier"
          list={`${id}-carriers`}
          autoComplete="off"
          maxLength={100}
          value={carrier}
          aria-invalid={tried && !!problems.carrier}
          onChange={(e) => setCarrier(e.target.value)}
        />
        <datalist id={`${id}-carriers`}>
          {CARRIERS.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        {tried && problems.carrier && <p className="field-error">{t(`ship.problem.${problems.carrier}`)}</p>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-tracking`}>{t('ship.trackingNo')}</label>
        <input
          id={`${id}-tracking`}
          name="trackingNo"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={100}
          value={trackingNo}
          aria-invalid={tried && !!problems.trackingNo}
          onChange={(e) => setTrackingNo(e.target.value)}
        />
        {tried && problems.trackingNo && <p className="field-error">{t(`ship.problem.${problems.trackingNo}`)}</p>}
      </div>
      <button type="submit" className="button button-primary" disabled={ship.busy}>
        {ship.busy ? t('form.submitting') : t('ship.submit')}
      </button>
      <ErrorNotice error={ship.error} />
    </form>
  );
}
