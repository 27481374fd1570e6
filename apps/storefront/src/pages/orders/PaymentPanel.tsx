import { useState } from 'react';
import { api } from '../../api/client';
import {
  CONFIRM_ORDER,
  EXTEND_PAYMENT_DEADLINE,
  type OrderDetail,
  PAY_ORDER,
  type PayOrderResult,
  PAYMENT_OPTIONS,
  type PaymentOptions,
  RECORD_BANK_TRANSFER,
} from '../../api/ordering';
import type { PaymentMethod } from '../../api/generated/graphql';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { SelectField } from '../../components/SelectField';
import { translateOr, useI18n } from '../../i18n';
import { shanghaiToday } from '../../lib/certification';
import { formatDateTime } from '../../lib/dates';
import { formatFen } from '../../lib/money';
import type { OrderActions } from '../../lib/orders';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { StripePayment } from './StripePayment';
import { ActionButton } from '../../components/ActionButton';
import { Form } from '../../components/Form';
import { TextField } from '../../components/FormField';
import { TitledCard } from '../../components/TitledCard';
import { SubmitAction } from '../../components/FormActions';

type BankTransferInstructions = NonNullable<PaymentOptions['bankTransfer']>;

function OnlinePayment({
  order,
  methods,
  publishableKey,
  onRefresh,
}: {
  order: OrderDetail;
  methods: string[];
  publishableKey: string | null;
  onRefresh: () => void;
}) {
  const { t } = useI18n();
  const [method, setMethod] = useState(methods[0]);
  const [intent, setIntent] = useState<PayOrderResult | null>(null);
  const pay = useAction(async () => {
    const data = await api.request(PAY_ORDER, { orderId: order.id, method: method as PaymentMethod });
    setIntent(data.payOrder);
  });
  const key = intent?.publishableKey ?? publishableKey;
  return (
    <div className="pay-option" data-testid="pay-online">
      <h3>{t('pay.online')}</h3>
      {intent && key ? (
        <StripePayment intent={intent} publishableKey={key} orderId={order.id} onRefresh={onRefresh} />
      ) : intent ? (
        // Stripe is on at the server but no publishable key reaches the browser: nothing can be mounted.
        <p className="notice notice-warn" role="alert" data-testid="stripe-unavailable">
          {t('pay.stripe.noKey')}
        </p>
      ) : (
        <div className="inline-form">
          <SelectField
            label={t('pay.method')}
            value={method}
            onChange={(e) => setMethod(e.target.value)}
            options={methods.map((m) => [m, translateOr(t, `paymentMethod.${m}`, m)])}
          />
          <ActionButton action={pay} variant="primary">
            {pay.busy ? t('form.submitting') : t('pay.start', { amount: formatFen(order.totalAmount) })}
          </ActionButton>
        </div>
      )}
      <ErrorNotice error={pay.error} />
    </div>
  );
}

function BankTransferForm({
  order,
  instructions,
  onChanged,
}: {
  order: OrderDetail;
  instructions: BankTransferInstructions;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [reference, setReference] = useState('');
  const [paidOn, setPaidOn] = useState(shanghaiToday());
  const record = useAction(async () => {
    // A Beijing calendar day as that day's midnight in Beijing: never "in the future" for the server.
    await api.request(RECORD_BANK_TRANSFER, {
      input: {
        orderId: order.id,
        reference: reference.trim(),
        amount: instructions.amount,
        paidAt: `${paidOn}T00:00:00+08:00`,
      },
    });
    onChanged();
  });
  const submit = () => {
    if (reference.trim() && paidOn) void record.run();
  };
  return (
    <Form className="pay-option" onSubmit={submit} data-testid="bank-transfer-form">
      <h3>{t('pay.bank.title')}</h3>
      <p className="muted small">{t('pay.bank.lead')}</p>
      <dl className="facts transfer-instructions" data-testid="transfer-instructions">
        <dt>{t('pay.bank.amount')}</dt>
        <dd>
          <strong className="price" data-testid="transfer-amount">
            {formatFen(instructions.amount)}
          </strong>
        </dd>
        <dt>{t('pay.bank.referenceToQuote')}</dt>
        <dd>
          <strong className="mono" data-testid="transfer-reference">
            {instructions.reference}
          </strong>
        </dd>
        {instructions.accountNo && (
          <>
            <dt>{t('pay.bank.payee')}</dt>
            <dd data-testid="transfer-payee">{instructions.payeeName}</dd>
            <dt>{t('pay.bank.bank')}</dt>
            <dd>{instructions.bankName}</dd>
            <dt>{t('pay.bank.accountNo')}</dt>
            <dd className="mono" data-testid="transfer-account">
              {instructions.accountNo}
            </dd>
          </>
        )}
      </dl>
      {!instructions.accountNo && <p className="hint">{t('pay.bank.accountOnInvoice')}</p>}
      <div className="form-grid">
        <TextField
          label={t('pay.bank.reference')}
          name="reference"
          required
          maxLength={100}
          value={reference}
          onChange={(e) => setReference(e.target.value)}
        />
        <TextField
          label={t('pay.bank.paidOn')}
          name="paidOn"
          type="date"
          required
          max={shanghaiToday()}
          value={paidOn}
          onChange={(e) => setPaidOn(e.target.value)}
        />
      </div>
      <SubmitAction
        action={record}
        label={record.busy ? t('form.submitting') : t('pay.bank.submit')}
        disabled={!reference.trim()}
      />
    </Form>
  );
}

/**
 * How this order can be paid here, as the server will accept it (paymentOptions): Stripe's Payment
 * Element when Stripe is configured, the bank transfer (with the reference to quote) where the
 * caller may record one — a retail buyer without Stripe, an agency's finance — and pay on delivery.
 * The order page remounts it when the order moves or a payment is recorded, so the options are fresh.
 */
export function PaymentPanel({
  order,
  actions,
  onChanged,
  onOrder,
}: {
  order: OrderDetail;
  actions: OrderActions;
  onChanged: () => void;
  onOrder: (o: OrderDetail) => void;
}) {
  const { t, locale } = useI18n();
  const options = useQuery(PAYMENT_OPTIONS, { orderId: order.id });
  const move = useAction(async (doc: typeof CONFIRM_ORDER | typeof EXTEND_PAYMENT_DEADLINE) => {
    const data = await api.request<Record<string, OrderDetail>, { orderId: string }>(doc, { orderId: order.id });
    onOrder(Object.values(data)[0]);
  });
  const pending = order.payments.find((p) => p.status === 'AWAITING_CONFIRMATION');
  const o = options.data?.paymentOptions;
  const offered = !!o && (o.online.length > 0 || !!o.bankTransfer || o.payOnDelivery);

  return (
    <TitledCard title={t('pay.title')} className="payment-panel" testId="payment-panel">
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
      <ErrorNotice error={options.error} onRetry={options.reload} />
      {options.loading && !o ? (
        <Loading />
      ) : o ? (
        <>
          {o.online.length > 0 && (
            <OnlinePayment order={order} methods={o.online} publishableKey={o.publishableKey} onRefresh={onChanged} />
          )}
          {o.bankTransfer && <BankTransferForm order={order} instructions={o.bankTransfer} onChanged={onChanged} />}
          {o.payOnDelivery && (
            <div className="pay-option" data-testid="pay-on-delivery">
              <h3>{t('pay.pod.title')}</h3>
              <p className="muted small">{t('pay.pod.lead')}</p>
              <ActionButton action={move} args={[CONFIRM_ORDER]}>
                {t('pay.pod.submit')}
              </ActionButton>
            </div>
          )}
          {actions.extendDeadline && (
            <p>
              <button
                type="button"
                className="link-button"
                disabled={move.busy}
                onClick={() => void move.run(EXTEND_PAYMENT_DEADLINE)}
              >
                {t('pay.extend')}
              </button>
            </p>
          )}
          <ErrorNotice error={move.error} />
          {!offered && !o.transferPending && (
            <p className="notice notice-warn" data-testid="no-payment-method">
              {t('pay.none')}
            </p>
          )}
        </>
      ) : null}
    </TitledCard>
  );
}
