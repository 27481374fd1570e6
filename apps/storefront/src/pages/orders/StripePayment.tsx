import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
// The "pure" entry loads Stripe.js only when asked: importing the main entry would inject the
// js.stripe.com script on every page, even for buyers who never pay online.
import type { Stripe } from '@stripe/stripe-js';
import { loadStripe } from '@stripe/stripe-js/pure';
import { useEffect, useState } from 'react';
import type { PayOrderResult } from '../../api/ordering';
import { ErrorNotice } from '../../components/Feedback';
import { useI18n } from '../../i18n';
import { RequestError } from '../../lib/graphql';
import { formatFen } from '../../lib/money';
import { useAction } from '../../lib/use-action';
import { Form } from '../../components/Form';

/** How long to wait for js.stripe.com before telling the buyer it cannot be reached. */
const LOAD_TIMEOUT_MS = 10_000;

type Loaded = { state: 'loading' } | { state: 'ready'; stripe: Stripe } | { state: 'failed' };

/** Loads Stripe.js once per key; a failure (blocked, offline, timed out) resolves to null so it can be shown and retried. */
function useStripeJs(publishableKey: string, attempt: number): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setLoaded({ state: 'loading' });
    const timeout = new Promise<null>((done) => setTimeout(() => done(null), LOAD_TIMEOUT_MS));
    Promise.race([loadStripe(publishableKey).catch(() => null), timeout]).then((stripe) => {
      if (current) setLoaded(stripe ? { state: 'ready', stripe } : { state: 'failed' });
    });
    return () => {
      current = false;
    };
  }, [publishableKey, attempt]);
  return loaded;
}

function ConfirmForm({
  intent,
  orderId,
  onSubmitted,
}: {
  intent: PayOrderResult;
  orderId: string;
  onSubmitted: () => void;
}) {
  const { t } = useI18n();
  const stripe = useStripe();
  const elements = useElements();
  const [done, setDone] = useState(false);
  const confirm = useAction(async () => {
    if (!stripe || !elements) return;
    // Wallets (Alipay, WeChat Pay) and 3-D Secure leave the page and come back to return_url;
    // a card that needs nothing more stays here. Either way Stripe's webhook marks the order paid.
    const { error } = await stripe.confirmPayment({
      elements,
      confirmParams: { return_url: `${window.location.origin}/orders/${encodeURIComponent(orderId)}?paid=1` },
      redirect: 'if_required',
    });
    if (error) throw new RequestError(error.code ?? 'PAYMENT_FAILED', error.message ?? '');
    setDone(true);
    onSubmitted();
  });
  const submit = () => confirm.run();
  if (done) {
    return (
      <p className="notice notice-ok" role="status" data-testid="stripe-submitted">
        {t('pay.stripe.submitted')}
      </p>
    );
  }
  return (
    <Form className="stack" onSubmit={submit} data-testid="stripe-form">
      <PaymentElement />
      <ErrorNotice error={confirm.error} />
      <button type="submit" className="button button-primary" disabled={!stripe || !elements || confirm.busy}>
        {confirm.busy ? t('form.submitting') : t('pay.stripe.submit', { amount: formatFen(intent.amount) })}
      </button>
    </Form>
  );
}

/**
 * Stripe's Payment Element for an intent the server created. If js.stripe.com cannot be reached
 * (offline deployment, blocked network) the buyer is told so, with the payment's id and a retry;
 * the intent stays open and asking again returns it.
 */
export function StripePayment({
  intent,
  publishableKey,
  orderId,
  onRefresh,
}: {
  intent: PayOrderResult;
  publishableKey: string;
  orderId: string;
  onRefresh: () => void;
}) {
  const { t, locale } = useI18n();
  const [attempt, setAttempt] = useState(0);
  const loaded = useStripeJs(publishableKey, attempt);
  if (loaded.state === 'loading') {
    return (
      <p className="muted" role="status" data-testid="stripe-loading">
        {t('pay.stripe.loading')}
      </p>
    );
  }
  if (loaded.state === 'failed') {
    return (
      <div className="notice notice-warn stripe-unavailable" role="alert" data-testid="stripe-unavailable">
        <p>
          <strong>{t('pay.stripe.unavailableTitle')}</strong>
        </p>
        <p>{t('pay.stripe.unavailableBody')}</p>
        <dl className="facts">
          <dt>{t('pay.paymentId')}</dt>
          <dd className="mono" data-testid="payment-id">
            {intent.paymentId}
          </dd>
          <dt>{t('pay.amount')}</dt>
          <dd>{formatFen(intent.amount)}</dd>
        </dl>
        <div className="form-actions">
          <button type="button" className="button button-quiet" onClick={() => setAttempt((n) => n + 1)}>
            {t('pay.stripe.retry')}
          </button>
          <button type="button" className="button button-quiet" onClick={onRefresh}>
            {t('pay.refresh')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div data-testid="stripe-element">
      <Elements
        stripe={loaded.stripe}
        options={{ clientSecret: intent.clientSecret, locale: locale === 'en' ? 'en' : 'zh' }}
      >
        <ConfirmForm intent={intent} orderId={orderId} onSubmitted={onRefresh} />
      </Elements>
      <p className="hint">{t('pay.stripe.webhookNote')}</p>
    </div>
  );
}
