import { useState } from 'react';
import { api } from '../../api/client';
import type { ProducePaymentMethod } from '../../api/generated/graphql';
import { LOTS, OWN_PRODUCTS } from '../../api/portal';
import {
  COMMIT_TO_OFFER,
  PAYMENT_METHODS,
  PRODUCE_OFFERS,
  type ProduceOfferRecord,
  RECORD_PAYMENT,
  RECORD_RECEIPT,
  SUPPLIER_COMMITMENTS,
  type SupplierCommitment,
} from '../../api/produce';
import type { VariablesOf } from '../../lib/graphql';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { SelectField } from '../../components/SelectField';
import { type MessageKey, useI18n } from '../../i18n';
import { shanghaiToday } from '../../lib/certification';
import { fenToYuanText, formatFen, parseYuanToFen } from '../../lib/money';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { OfferSummary, ProduceStatus } from './shared';
import './produce.css';
import { QueryStatus } from '../../components/ListStatus';
import { SearchField, TextField } from '../../components/FormField';
import { Form } from '../../components/Form';
import { TitledCard } from '../../components/TitledCard';
import { Segmented } from '../../components/Segmented';
import { SubmitAction } from '../../components/FormActions';

/** Offers grouped by village (name, or code when the name is unknown), villages in name order. */
export function byVillage(offers: ProduceOfferRecord[]): Array<[string, ProduceOfferRecord[]]> {
  const groups = new Map<string, ProduceOfferRecord[]>();
  for (const o of offers) {
    const key = o.household?.village?.name ?? o.villageCode;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  return [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0], 'zh-CN'));
}

function CommitForm({
  offer,
  supplierId,
  onDone,
}: {
  offer: ProduceOfferRecord;
  supplierId: string;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const today = shanghaiToday();
  const [form, setForm] = useState({
    quantity: String(offer.availableQuantity),
    price: fenToYuanText(offer.askingPrice),
    pickupDate: offer.availableFrom > today ? offer.availableFrom : today,
    note: '',
  });
  const [refused, setRefused] = useState<string | null>(null);
  const commit = useAction((v: VariablesOf<typeof COMMIT_TO_OFFER>) => api.request(COMMIT_TO_OFFER, v));
  const submit = async () => {
    const unitPrice = parseYuanToFen(form.price);
    if (!unitPrice) return setRefused(t('produce.form.needPrice'));
    const res = await commit.run({
      offerId: offer.id,
      quantity: Number(form.quantity),
      unitPrice,
      pickupDate: form.pickupDate,
      note: form.note.trim() || null,
      supplierId,
    });
    const r = res?.commitToProduceOffer;
    if (!r) return;
    if (r.__typename === 'OfferQuantityExceededError')
      return setRefused(t('produce.supplier.exceeded', { available: r.available, unit: offer.unit }));
    if (r.__typename === 'OfferNotOpenError') return setRefused(t('produce.supplier.notOpen'));
    setRefused(null);
    onDone();
  };
  return (
    <Form onSubmit={submit} data-testid="commit-form">
      <div className="produce-grid-2">
        <TextField
          label={t('produce.supplier.quantity', { unit: offer.unit })}
          inputMode="numeric"
          value={form.quantity}
          onChange={(e) => setForm({ ...form, quantity: e.target.value })}
        />
        <TextField
          label={t('produce.supplier.price', { unit: offer.unit })}
          inputMode="decimal"
          value={form.price}
          onChange={(e) => setForm({ ...form, price: e.target.value })}
        />
      </div>
      <TextField
        label={t('produce.supplier.pickup')}
        type="date"
        value={form.pickupDate}
        min={today}
        max={offer.availableUntil}
        onChange={(e) => setForm({ ...form, pickupDate: e.target.value })}
      />
      <TextField
        label={t('produce.form.note')}
        value={form.note}
        maxLength={500}
        onChange={(e) => setForm({ ...form, note: e.target.value })}
      />
      {refused && (
        <p className="notice notice-error" role="alert">
          {refused}
        </p>
      )}
      <SubmitAction action={commit} label={t('produce.supplier.commitSend')} />
    </Form>
  );
}

function OffersFromHouseholds({ supplierId, onCommitted }: { supplierId: string; onCommitted: () => void }) {
  const { t } = useI18n();
  const [cropName, setCropName] = useState('');
  const households = useQuery(PRODUCE_OFFERS, {
    filter: { cropName: cropName.trim() || null },
    first: 100,
  });
  const [open, setOpen] = useState<string | null>(null);
  const offers = (households.data?.produceOffers.edges.map((e) => e.node) ?? []).filter(
    (o) => o.status === 'OPEN' || o.status === 'PARTLY_COMMITTED',
  );
  return (
    <TitledCard title={t('produce.supplier.offersTitle')}>
      <p className="muted">{t('produce.supplier.offersLead')}</p>
      <SearchField compact={false} label={t('produce.filter.crop')} value={cropName} onChange={setCropName} />
      <QueryStatus query={households} empty={offers.length === 0} emptyText={t('produce.offer.none')} />
      {byVillage(offers).map(([village, list]) => (
        <div key={village} className="produce-village" data-testid="village-group">
          <h3>{village}</h3>
          <ul className="produce-list">
            {list.map((o) => (
              <li key={o.id} className="produce-item" data-testid="household-offer" data-offer-id={o.id}>
                <OfferSummary offer={o} showHousehold />
                {open === o.id ? (
                  <CommitForm
                    offer={o}
                    supplierId={supplierId}
                    onDone={() => {
                      setOpen(null);
                      households.reload();
                      onCommitted();
                    }}
                  />
                ) : (
                  <div className="actions">
                    <button type="button" className="button button-primary" onClick={() => setOpen(o.id)}>
                      {t('produce.supplier.commit')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </TitledCard>
  );
}

function ReceiptForm({ c, supplierId, onDone }: { c: SupplierCommitment; supplierId: string; onDone: () => void }) {
  const { t } = useI18n();
  const products = useQuery(OWN_PRODUCTS, { filter: { supplierId }, first: 100 });
  const variants = (products.data?.products.edges.map((e) => e.node) ?? []).flatMap((p) =>
    p.variants.map((v) => ({ ...v, title: p.title })),
  );
  const [form, setForm] = useState({
    quantity: String(c.quantity),
    mode: 'new' as 'new' | 'existing',
    variantId: '',
    lotId: '',
    lotNo: '',
    harvestedOn: shanghaiToday(),
    lotQuantity: '',
    confirmation: '',
  });
  const variant = variants.find((v) => v.id === form.variantId) ?? variants[0];
  const lots = useQuery(LOTS, { variantId: variant?.id ?? '' }, { skip: !variant || form.mode !== 'existing' });
  const receive = useAction((v: VariablesOf<typeof RECORD_RECEIPT>) => api.request(RECORD_RECEIPT, v));
  const [refused, setRefused] = useState<string | null>(null);
  const differentUnit = variant && variant.unit !== c.offer.unit;
  const submit = async () => {
    if (!variant) return;
    const lotId = form.lotId || lots.data?.lots[0]?.id;
    const res = await receive.run({
      commitmentId: c.id,
      quantity: Number(form.quantity),
      ...(form.mode === 'new'
        ? { newLot: { variantId: variant.id, lotNo: form.lotNo.trim(), harvestedOn: form.harvestedOn } }
        : { lotId }),
      lotQuantity: differentUnit ? Number(form.lotQuantity) : null,
      householdConfirmation: form.confirmation.trim() || null,
    });
    const r = res?.recordProduceReceipt;
    if (!r) return;
    if (r.__typename === 'ReceiptExceedsCommitmentError')
      return setRefused(t('produce.supplier.receiptExceeds', { committed: r.committed, unit: c.offer.unit }));
    onDone();
  };
  if (products.loading && !products.data) return <Loading />;
  if (!variant) return <p className="muted">{t('lots.noVariants')}</p>;
  return (
    <Form onSubmit={submit} data-testid="receipt-form">
      <TextField
        label={t('produce.supplier.received', { unit: c.offer.unit })}
        inputMode="numeric"
        value={form.quantity}
        onChange={(e) => setForm({ ...form, quantity: e.target.value })}
      />
      <SelectField
        label={t('produce.supplier.variant')}
        value={variant.id}
        onChange={(e) => setForm({ ...form, variantId: e.target.value, lotId: '' })}
        options={variants.map((v) => [v.id, `${v.title} · ${v.spec}/${v.unit}`])}
      />
      <Segmented
        label={t('produce.supplier.lot')}
        value={form.mode}
        onChange={(mode) => setForm({ ...form, mode })}
        options={[
          ['new', t('produce.supplier.newLot')],
          ['existing', t('produce.supplier.existingLot')],
        ]}
      />
      {form.mode === 'new' ? (
        <div className="produce-grid-2">
          <TextField
            label={t('lots.lotNo')}
            value={form.lotNo}
            required
            maxLength={60}
            onChange={(e) => setForm({ ...form, lotNo: e.target.value })}
          />
          <TextField
            label={t('lots.harvestedOn')}
            type="date"
            value={form.harvestedOn}
            onChange={(e) => setForm({ ...form, harvestedOn: e.target.value })}
          />
        </div>
      ) : (
        <SelectField
          label={t('produce.supplier.existingLot')}
          value={form.lotId || lots.data?.lots[0]?.id || ''}
          onChange={(e) => setForm({ ...form, lotId: e.target.value })}
          options={(lots.data?.lots ?? []).map((l) => [
            l.id,
            `${l.lotNo} · ${l.harvestedOn} · ${l.remaining}/${l.quantity}`,
          ])}
        />
      )}
      {differentUnit && (
        <TextField
          label={t('produce.supplier.lotQuantity', { unit: variant.unit })}
          inputMode="numeric"
          value={form.lotQuantity}
          onChange={(e) => setForm({ ...form, lotQuantity: e.target.value })}
        />
      )}
      {c.offer.assisted && (
        <TextField
          label={t('produce.supplier.householdConfirmation')}
          value={form.confirmation}
          placeholder="户主签字"
          onChange={(e) => setForm({ ...form, confirmation: e.target.value })}
        />
      )}
      {refused && (
        <p className="notice notice-error" role="alert">
          {refused}
        </p>
      )}
      <ErrorNotice error={receive.error ?? lots.error} />
      <button type="submit" className="button button-primary" disabled={receive.busy}>
        {t('produce.supplier.receiveSend')}
      </button>
    </Form>
  );
}

function PaymentForm({ c, onDone }: { c: SupplierCommitment; onDone: () => void }) {
  const { t } = useI18n();
  const receipt = c.receipt!;
  const [form, setForm] = useState({ method: 'WECHAT_PAY', reference: '', paidOn: shanghaiToday() });
  const pay = useAction(() =>
    api.request(RECORD_PAYMENT, {
      receiptId: receipt.id,
      method: form.method as ProducePaymentMethod,
      reference: form.reference.trim(),
      paidOn: form.paidOn,
    }),
  );
  return (
    <Form
      data-testid="payment-form"
      onSubmit={async () => {
        if (await pay.run()) onDone();
      }}
    >
      <p>
        {t('produce.supplier.payAmount', {
          amount: formatFen(receipt.amount),
          quantity: receipt.quantity,
          unit: c.offer.unit,
          price: formatFen(receipt.unitPrice),
        })}
      </p>
      <SelectField
        label={t('produce.supplier.method')}
        value={form.method}
        onChange={(e) => setForm({ ...form, method: e.target.value })}
        options={PAYMENT_METHODS.map((m) => [m, t(`produce.method.${m}`)])}
      />
      <div className="produce-grid-2">
        <TextField
          label={t('produce.supplier.reference')}
          value={form.reference}
          required
          maxLength={100}
          onChange={(e) => setForm({ ...form, reference: e.target.value })}
        />
        <TextField
          label={t('produce.supplier.paidOn')}
          type="date"
          value={form.paidOn}
          max={shanghaiToday()}
          onChange={(e) => setForm({ ...form, paidOn: e.target.value })}
        />
      </div>
      <SubmitAction action={pay} label={t('produce.supplier.paySend')} disabled={!form.reference.trim()} />
    </Form>
  );
}

function CommitmentRow({
  c,
  supplierId,
  onChange,
}: {
  c: SupplierCommitment;
  supplierId: string;
  onChange: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const paymentPending = c.status === 'RECEIVED' && c.receipt?.payment.status === 'PENDING';
  return (
    <li className="produce-item" data-testid="supplier-commitment" data-status={c.status} data-commitment-id={c.id}>
      <h3>
        <span>
          {c.offer.cropName} · {c.offer.household?.headName ?? ''}
        </span>
        <ProduceStatus status={c.receipt ? c.receipt.payment.status : c.status} />
      </h3>
      <p className="muted">{c.offer.household?.village?.name ?? c.offer.villageCode}</p>
      <p>
        {t('produce.commitment.terms', {
          quantity: c.quantity,
          unit: c.offer.unit,
          price: formatFen(c.unitPrice),
          amount: formatFen(c.amount),
        })}
      </p>
      {c.receipt && (
        <p data-testid="receipt-line">
          {t('produce.supplier.receiptLine', {
            quantity: c.receipt.quantity,
            unit: c.offer.unit,
            lot: c.receipt.lotNo,
            amount: formatFen(c.receipt.amount),
          })}
          {c.receipt.shortfall > 0 &&
            ` · ${t('produce.money.short', { count: c.receipt.shortfall, unit: c.offer.unit })}`}
        </p>
      )}
      {(c.status === 'ACCEPTED' || paymentPending) &&
        (open ? (
          c.status === 'ACCEPTED' ? (
            <ReceiptForm c={c} supplierId={supplierId} onDone={onChange} />
          ) : (
            <PaymentForm c={c} onDone={onChange} />
          )
        ) : (
          <div className="actions">
            <button type="button" className="button button-primary" onClick={() => setOpen(true)}>
              {c.status === 'ACCEPTED' ? t('produce.supplier.receive') : t('produce.supplier.pay')}
            </button>
          </div>
        ))}
    </li>
  );
}

/** 农户供货 tab of the supplier portal: linked households' offers by village; commit, receive into a lot, pay. */
export function SupplierProduceTab({ supplierId }: { supplierId: string }) {
  const { t } = useI18n();
  const commitments = useQuery(SUPPLIER_COMMITMENTS, {});
  const mine = (commitments.data?.produceCommitments ?? []).filter((c) => c.supplierId === supplierId);
  const groups: Array<[MessageKey, SupplierCommitment[]]> = [
    ['produce.supplier.toReceive', mine.filter((c) => c.status === 'ACCEPTED')],
    ['produce.supplier.toPay', mine.filter((c) => c.status === 'RECEIVED' && c.receipt?.payment.status === 'PENDING')],
    ['produce.supplier.waitingFarmer', mine.filter((c) => c.status === 'PROPOSED')],
    ['produce.supplier.done', mine.filter((c) => c.status === 'RECEIVED' && c.receipt?.payment.status === 'PAID')],
  ];
  return (
    <div className="produce-page">
      <OffersFromHouseholds supplierId={supplierId} onCommitted={commitments.reload} />
      <TitledCard title={t('produce.supplier.commitmentsTitle')}>
        <ErrorNotice error={commitments.error} onRetry={commitments.reload} />
        {commitments.loading && !commitments.data && <Loading />}
        {groups.map(([key, list]) =>
          list.length === 0 ? null : (
            <div key={key} className="produce-village">
              <h3>{t(key)}</h3>
              <ul className="produce-list">
                {list.map((c) => (
                  <CommitmentRow key={c.id} c={c} supplierId={supplierId} onChange={commitments.reload} />
                ))}
              </ul>
            </div>
          ),
        )}
        {commitments.data && mine.length === 0 && <p className="muted">{t('produce.commitment.none')}</p>}
      </TitledCard>
    </div>
  );
}
