import { type FormEvent, useId, useState } from 'react';
import { api } from '../../api/client';
import {
  CONFIRM_ORDER,
  EXTEND_PAYMENT_DEADLINE,
  type OrderData,
  type OrderDetail,
  PAY_ORDER,
  type PayOrderData,
  type PayOrderResult,
  PAYMENT_SETUP,
  type PaymentSetupData,
  RECORD_BANK_TRANSFER,
} from '../../api/ordering';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { SelectField } from '../../components/SelectField';
import { translateOr, useI18n } from '../../i18n';
import { shanghaiToday } from '../../lib/certification';
import { formatDateTime } from '../../lib/dates';
import { formatFen } from '../../lib/money';
import type { OrderActions } from '../../lib/orders';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';

const ONLINE_METHODS = ['CARD', 'ALIPAY', 'WECHAT_PAY'];

/**
 * Stands where Stripe's Payment Element would be mounted with the intent's client secret. Stripe.js
 * is loaded from js.stripe.com, which this deployment cannot reach (and no npm package is added for
 * it), so the intent is created for real and the completion is left to Stripe: its
 * `payment_intent.succeeded` webhook marks the order paid.
 */
function StripePlaceholder({ intent, onRefresh }: { intent: PayOrderResult; onRefresh: () => void }) {
  const { t } = useI18n();
  return (
    <div className="stripe-placeholder" data-testid="stripe-placeholder" role="region" aria-label={t('pay.stripe.placeholderTitle')}>
      <p className="label">{t('pay.stripe.placeholderTitle')}</p>
      <p>{t('pay.stripe.placeholderBody')}</p>
      <dl className="facts">
        <dt>{t('pay.paymentId')}</dt>
        <dd className="mono" data-testid="payment-id">
          {intent.paymentId}
        </dd>
        <dt>{t('pay.amount')}</dt>
        <dd>{formatFen(intent.amount)}</dd>
        <dt>{t('pay.method')}</dt>
        <dd>{translateOr(t, `paymentMethod.${intent.method}`, intent.method)}</dd>
        <dt>{t('pay.stripe.key')}</dt>
        <dd>{intent.publishableKey ? t('pay.stripe.keyPresent') : t('pay.stripe.keyMissing')}</dd>
      </dl>
      <p className="hint">{t('pay.stripe.webhookNote')}</p>
      <button type="button" className="button button-quiet" onClick={onRefresh}>
        {t('pay.refresh')}
      </button>
    </div>
  );
}

function OnlinePayment({ order, methods, onRefresh }: { order: OrderDetail; methods: string[]; onRefresh: () => void }) {
  const { t } = useI18n();
  const [method, setMethod] = useState(methods[0]);
  const [intent, setIntent] = useState<PayOrderResult | null>(null);
  const pay = useAction(async () => {
    const data = await api.request<PayOrderData>(PAY_ORDER, { orderId: order.id, method });
    setIntent(data.payOrder);
  });
  return (
    <div className="pay-option" data-testid="pay-online">
      <h3>{t('pay.online')}</h3>
      {intent ? (
        <StripePlaceholder intent={intent} onRefresh={onRefresh} />
      ) : (
        <div className="inline-form">
          <SelectField label={t('pay.method')} value={method} onChange={(e) => setMethod(e.target.value)}>
            {methods.map((m) => (
              <option key={m} value={m}>
                {translateOr(t, `paymentMethod.${m}`, m)}
              </option>
            ))}
          </SelectField>
          <button type="button" className="button button-primary" disabled={pay.busy} onClick={() => void pay.run()}>
            {pay.busy ? t('form.submitting') : t('pay.start', { amount: formatFen(order.totalAmount) })}
          </button>
        </div>
      )}
      <ErrorNotice error={pay.error} />
    </div>
  );
}

function BankTransferForm({ order, onChanged }: { order: OrderDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [reference, setReference] = useState('');
  const [paidOn, setPaidOn] = useState(shanghaiToday());
  const record = useAction(async () => {
    // A Beijing calendar day as that day's midnight in Beijing: never "in the future" for the server.
    await api.request(RECORD_BANK_TRANSFER, { input: { orderId: order.id, reference: reference.trim(), amount: order.totalAmount, paidAt: `${paidOn}T00:00:00+08:00` } });
    onChanged();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reference.trim() && paidOn) void record.run();
  };
  return (
    <form className="pay-option" onSubmit={submit} data-testid="bank-transfer-form">
      <h3>{t('pay.bank.title')}</h3>
      <p className="muted small">{t('pay.bank.lead', { amount: formatFen(order.totalAmount), orderNo: order.orderNo })}</p>
      <div className="form-grid">
        <label className="field" htmlFor={`${id}-ref`}>
          <span>{t('pay.bank.reference')}</span>
          <input id={`${id}-ref`} name="reference" required maxLength={100} value={reference} onChange={(e) => setReference(e.target.value)} />
        </label>
        <label className="field" htmlFor={`${id}-date`}>
          <span>{t('pay.bank.paidOn')}</span>
          <input id={`${id}-date`} name="paidOn" type="date" required max={shanghaiToday()} value={paidOn} onChange={(e) => setPaidOn(e.target.value)} />
        </label>
      </div>
      <ErrorNotice error={record.error} />
      <button type="submit" className="button button-primary" disabled={record.busy || !reference.trim()}>
        {record.busy ? t('form.submitting') : t('pay.bank.submit')}
      </button>
    </form>
  );
}

/** How this order can be paid here: Stripe when configured, otherwise the offline ways. */
export function PaymentPanel({ order, actions, onChanged, onOrder }: { order: OrderDetail; actions: OrderActions; onChanged: () => void; onOrder: (o: OrderDetail) => void }) {
  const { t, locale } = useI18n();
  const setup = useQuery<PaymentSetupData>(PAYMENT_SETUP);
  const move = useAction(async (doc: string) => {
    const data = await api.request<Record<string, OrderData['order']>>(doc, { orderId: order.id });
    onOrder(Object.values(data)[0]);
  });
  const pending = order.payments.find((p) => p.status === 'AWAITING_CONFIRMATION');
  const online = (setup.data?.paymentSetup.methods ?? []).filter((m) => ONLINE_METHODS.includes(m));
  const stripe = !!setup.data?.paymentSetup.stripeEnabled && online.length > 0;
  const agency = order.buyerKind === 'AGENCY';

  return (
    <section className="card payment-panel" data-testid="payment-panel" aria-labelledby="payment-title">
      <h2 id="payment-title">{t('pay.title')}</h2>
      {order.paymentDueAt && order.status === 'PLACED' && (
        <p className="notice notice-warn" data-testid="payment-due">
          {t('pay.due', { at: formatDateTime(order.paymentDueAt, locale) })}
        </p>
      )}
      {pending && (
        <p className="notice notice-ok" data-testid="transfer-pending">
          {t('pay.bank.pending', { reference: pending.reference ?? '' })}
        </p>
      )}
      <ErrorNotice error={setup.error} onRetry={setup.reload} />
      {setup.loading && !setup.data ? (
        <Loading />
      ) : (
        <>
          {stripe && <OnlinePayment order={order} methods={online} onRefresh={onChanged} />}
          {agency && actions.bankTransfer && <BankTransferForm order={order} onChanged={onChanged} />}
          {actions.payOnDelivery && (
            <div className="pay-option" data-testid="pay-on-delivery">
              <h3>{t('pay.pod.title')}</h3>
              <p className="muted small">{t('pay.pod.lead')}</p>
              <button type="button" className="button button-quiet" disabled={move.busy} onClick={() => void move.run(CONFIRM_ORDER)}>
                {t('pay.pod.submit')}
              </button>
            </div>
          )}
          {actions.extendDeadline && (
            <p>
              <button type="button" className="link-button" disabled={move.busy} onClick={() => void move.run(EXTEND_PAYMENT_DEADLINE)}>
                {t('pay.extend')}
              </button>
            </p>
          )}
          <ErrorNotice error={move.error} />
          {!stripe && !agency && (
            <p className="notice notice-warn" data-testid="no-online-payment">
              {t('pay.retailOffline')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
