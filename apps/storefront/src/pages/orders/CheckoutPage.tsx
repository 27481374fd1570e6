import { useState } from 'react';
import { api } from '../../api/client';
import { CHECKOUT_CHANNELS, defaultChannel, PLACE_ORDER, type PlaceOrderData } from '../../api/ordering';
import { AddressChooser } from '../../components/AddressChooser';
import { CartGroups } from '../../components/CartGroups';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { forRoles } from '../../components/Guard';
import { SelectField } from '../../components/SelectField';
import { type Translate, translateOr, useI18n } from '../../i18n';
import { BUYER_ROLES, type PricedLine } from '../../lib/cart';
import {
  attemptFor,
  attemptStorageKey,
  type CheckoutPayload,
  type CheckoutProblem,
  fixedQuantity,
  parseAttempt,
  payloadFingerprint,
  problemOf,
} from '../../lib/checkout';
import { asRequestError } from '../../lib/graphql';
import { Link, navigate } from '../../lib/router';
import { useSession } from '../../lib/session';
import { readStorage, writeStorage } from '../../lib/storage';
import { useAction } from '../../lib/use-action';
import { usePricedCart } from '../../lib/use-priced-cart';
import { useQuery } from '../../lib/use-query';
import { SubmitFromCart } from '../agency/RequestsTab';
import { BuyerSelect, CartSummary, EmptyCart } from './CartPage';
import { Breadcrumb } from '../../components/PageShell';
import { TitledCard } from '../../components/TitledCard';

function problemText(t: Translate, problem: CheckoutProblem, line: PricedLine | null, channelName: string): string {
  const title = line?.product.title ?? '';
  const unit = line?.variant.unit ?? '';
  switch (problem.kind) {
    case 'stock':
      return problem.available > 0
        ? t('checkout.problem.stock', { title, available: problem.available, requested: problem.requested, unit })
        : t('checkout.problem.soldOut', { title });
    case 'unavailable':
      return `${t('checkout.problem.unavailable', { title })}${translateOr(t, `unavailableReason.${problem.reason}`, '')}`;
    case 'certification':
      return t('checkout.problem.certification', {
        title,
        channel: channelName,
        status: translateOr(t, `lineCert.${problem.certificationStatus}`, problem.certificationStatus),
      });
    case 'input':
      return translateOr(t, `orderInput.${problem.code}`, t('orderInput.UNKNOWN'));
  }
}

function Checkout() {
  const { t } = useI18n();
  const { me } = useSession();
  const pc = usePricedCart();
  const channels = useQuery(CHECKOUT_CHANNELS);
  const [channelId, setChannelId] = useState<string | null>(null);
  const [addressId, setAddressId] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ problem: CheckoutProblem; fingerprint: string } | null>(null);

  const active = (channels.data?.channels ?? []).filter((c) => c.status === 'ACTIVE');
  const channel = active.find((c) => c.id === channelId) ?? defaultChannel(active);
  const lines = pc.priced.groups.flatMap((g) =>
    g.lines.map((p) => ({ variantId: p.variant.id, quantity: p.line.quantity })),
  );
  // An online channel ships: the order needs a delivery address. Physical ones sell over the counter.
  const ships = !!channel?.online;
  const payload: CheckoutPayload | null =
    channel && lines.length && (!ships || addressId)
      ? { channelId: channel.id, buyerOrgId: null, lines, ...(ships ? { addressId } : {}) }
      : null;
  // A refusal is about the basket it was given: once the basket changes it no longer applies.
  const problem = refusal && payload && refusal.fingerprint === payloadFingerprint(payload) ? refusal.problem : null;

  const place = useAction(async (sent: CheckoutPayload) => {
    if (!me) return;
    const storageKey = attemptStorageKey(me.id);
    const attempt = attemptFor(parseAttempt(readStorage(storageKey)), sent);
    // Stored before sending: a retry after a timeout or a reload resends the same key.
    writeStorage(storageKey, JSON.stringify(attempt));
    let data: PlaceOrderData;
    try {
      data = await api.request(PLACE_ORDER, { input: { idempotencyKey: attempt.key, ...sent } });
    } catch (e) {
      if (asRequestError(e).code === 'IDEMPOTENCY_KEY_REUSED') writeStorage(storageKey, null);
      throw e;
    }
    const answer = data.placeOrder;
    const refused = problemOf(answer, sent);
    if (refused || answer.__typename !== 'Order') {
      if (refused) setRefusal({ problem: refused, fingerprint: attempt.fingerprint });
      return;
    }
    writeStorage(storageKey, null);
    navigate(`/orders/${answer.id}?placed=1`);
    pc.remove(sent.lines.map((l) => l.variantId));
  });

  const lineOf = (variantId: string | null) =>
    pc.priced.groups.flatMap((g) => g.lines).find((p) => p.variant.id === variantId) ?? null;
  const problemLine = problem && 'variantId' in problem ? lineOf(problem.variantId) : null;

  const renderProblem = (p: PricedLine) => {
    if (!problem || problemLine?.variant.id !== p.variant.id) return null;
    const fix = problem.kind === 'stock' ? fixedQuantity(problem) : 0;
    return (
      <div
        className="notice notice-error line-problem"
        role="alert"
        data-testid="line-problem"
        data-code={problem.kind}
      >
        <p>{problemText(t, problem, p, channel?.name ?? '')}</p>
        <div className="form-actions">
          {fix > 0 && (
            <button type="button" className="button button-primary" onClick={() => pc.setQuantity(p.variant.id, fix)}>
              {t('checkout.fix.setQuantity', { count: fix, unit: p.variant.unit })}
            </button>
          )}
          <button type="button" className="button button-quiet" onClick={() => pc.remove([p.variant.id])}>
            {t('checkout.fix.remove')}
          </button>
        </div>
      </div>
    );
  };

  if (pc.cart.lines.length === 0) {
    return (
      <div className="container page-body">
        <h1>{t('checkout.title')}</h1>
        <EmptyCart />
      </div>
    );
  }

  // The unit's money is spent only through a purchase request (its limits, approvals and split
  // checks); buying with one's own money is a retail order, chosen with the buyer switch above.
  if (pc.buyerOrgId) {
    const orgId = pc.buyerOrgId;
    return (
      <div className="container page-body checkout-page">
        <div className="portal-head">
          <h1>{t('checkout.title')}</h1>
          <BuyerSelect />
        </div>
        <TitledCard title={t('agency.request.title')} testId="checkout-request">
          <p className="muted small">
            {t('checkout.request.lead')}
            {pc.options.retail ? ` ${t('checkout.request.private')}` : ''}
          </p>
          <SubmitFromCart
            orgId={orgId}
            onSubmitted={(r) => navigate(`/orders/${r.orderId}?requested=${encodeURIComponent(r.requestNo)}`)}
          />
          <p className="hint">
            <Link to="/portal/agency/requests" data-testid="to-purchase-request">
              {t('checkout.request.list')}
            </Link>
          </p>
        </TitledCard>
      </div>
    );
  }

  return (
    <div className="container page-body checkout-page">
      <Breadcrumb home={false} trail={[{ to: '/cart', label: t('cart.title') }]} current={t('checkout.title')} />
      <div className="portal-head">
        <h1>{t('checkout.title')}</h1>
        <BuyerSelect />
      </div>

      <section className="card">
        <h2>{t('checkout.channel')}</h2>
        <ErrorNotice error={channels.error} onRetry={channels.reload} />
        {channels.loading && !channels.data ? (
          <Loading />
        ) : (
          <SelectField
            label={t('checkout.channelLabel')}
            value={channel?.id ?? ''}
            onChange={(e) => setChannelId(e.target.value)}
            options={active.map((c) => [
              c.id,
              `${c.name} · ${translateOr(t, `checkout.channelKind.${c.online ? 'ONLINE' : c.kind}`, c.kind)}`,
            ])}
          />
        )}
        <p className="hint">
          {channel && !(channel.kind === 'HALL' && channel.online)
            ? t('checkout.channelOfflineHint')
            : t('checkout.channelHint')}
        </p>
      </section>

      {ships && <AddressChooser value={addressId} onChange={setAddressId} />}

      <ErrorNotice error={pc.error} onRetry={pc.reload} />
      {!pc.ready ? (
        <Loading />
      ) : (
        <>
          <CartGroups priced={pc.priced} editable={false} renderProblem={renderProblem} />
          {pc.priced.unavailable.length > 0 && (
            <p className="notice notice-error" data-testid="checkout-unavailable">
              {t('checkout.unavailableLeftOut', { count: pc.priced.unavailable.length })}{' '}
              <Link to="/cart">{t('cart.view')}</Link>
            </p>
          )}
          {problem && !problemLine && (
            <p
              className="notice notice-error"
              role="alert"
              data-testid="checkout-problem"
              data-code={problem.kind === 'input' ? problem.code : problem.kind}
            >
              {problemText(t, problem, null, channel?.name ?? '')}
            </p>
          )}
          <ErrorNotice error={place.error} />
          <CartSummary total={pc.priced.total} units={pc.priced.units} suppliers={pc.priced.groups.length}>
            <div className="checkout-submit">
              <button
                type="button"
                className="button button-primary"
                data-testid="place-order"
                disabled={!payload || place.busy || !!problem}
                onClick={() => payload && void place.run(payload)}
              >
                {place.busy ? t('form.submitting') : t('checkout.place')}
              </button>
              <p className="hint">{t('checkout.payHint.retail')}</p>
            </div>
          </CartSummary>
        </>
      )}
    </div>
  );
}

export const CheckoutPage = forRoles(BUYER_ROLES, Checkout);
