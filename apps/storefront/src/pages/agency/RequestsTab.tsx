import { type ReactNode, useMemo, useState } from 'react';
import { api } from '../../api/client';
import { CHECKOUT_CHANNELS, defaultChannel } from '../../api/ordering';
import {
  PREVIEW_BASKET,
  PURCHASE_REQUESTS,
  PURCHASE_TERMS,
  type PurchaseRequestData,
  SUBMIT_PURCHASE_REQUEST,
} from '../../api/procurement';
import type { PurchaseTerms } from '../../api/generated/graphql';
import { CartGroups } from '../../components/CartGroups';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { TextAreaField } from '../../components/FormField';
import { SelectField } from '../../components/SelectField';
import { StatusChip } from '../../components/StatusChip';
import { translateOr, useI18n } from '../../i18n';
import { newIdempotencyKey } from '../../lib/checkout';
import { RequestError } from '../../lib/graphql';
import { formatDateTime } from '../../lib/dates';
import { formatFen } from '../../lib/money';
import { Link } from '../../lib/router';
import { useAction } from '../../lib/use-action';
import { useConnection } from '../../lib/use-connection';
import { usePricedCart } from '../../lib/use-priced-cart';
import { useQuery } from '../../lib/use-query';
import { purchaseRequestSchema } from '../../lib/forms';
import { useServerProblem, useZodForm } from '../../lib/use-zod-form';
import { PrintableButton, ProcurementError } from './shared';
import { ListStatus, LoadMore } from '../../components/ListStatus';
import { FormActions } from '../../components/FormActions';
import { TitledCard } from '../../components/TitledCard';

export function RequestRow({ request, children }: { request: PurchaseRequestData; children?: ReactNode }) {
  const { t, locale } = useI18n();
  return (
    <li className="row" data-testid="purchase-request" data-request-id={request.id} data-status={request.status}>
      <div className="row-main">
        <div className="row-title">
          <span className="mono" data-testid="request-no">
            {request.requestNo}
          </span>
          <StatusChip domain="requestStatus" status={request.status} testId="request-status" />
          {request.splitSuspected && (
            <span className="status-chip" data-status="FLAGGED">
              {t('agency.request.split')}
            </span>
          )}
        </div>
        <p className="small">{request.lines.map((l) => `${l.productTitle} × ${l.quantity} ${l.unit}`).join('、')}</p>
        <p className="muted small">
          <strong className="price" data-testid="request-total">
            {formatFen(request.totalAmount)}
          </strong>{' '}
          · {translateOr(t, `terms.${request.terms}`, request.terms)} · {formatDateTime(request.createdAt, locale)}
          {request.autoApproved ? ` · ${t('agency.request.autoApproved')}` : ''}
        </p>
        <p className="small" data-testid="request-purchaser">
          {t('agency.approval.requester')}: {request.purchaserName}
        </p>
        <p className="small">
          {t('agency.request.justification')}: {request.justification}
        </p>
        {request.decisionComment && (
          <p className="small muted">
            {t('agency.request.comment')}: {request.decisionComment}
          </p>
        )}
        {request.poNumber && (
          <p className="small" data-testid="po-number">
            {t('agency.request.po', { no: request.poNumber })}
          </p>
        )}
      </div>
      <div className="row-actions">
        <Link to={`/orders/${request.orderId}`} data-testid="request-order">
          {t('agency.request.order', { no: request.orderNo })}
        </Link>
        {request.poUrl && <PrintableButton url={request.poUrl} label={t('agency.request.printPo')} testId="print-po" />}
        {children}
      </div>
    </li>
  );
}

/** The purchaser's cart, priced for the unit, submitted as a purchase request (采购申请); also the checkout of an agency buyer. */
export function SubmitFromCart({
  orgId,
  onSubmitted,
}: {
  orgId: string;
  onSubmitted: (r: PurchaseRequestData) => void;
}) {
  const { t } = useI18n();
  const pc = usePricedCart();
  const channels = useQuery(CHECKOUT_CHANNELS);
  const form = useZodForm(purchaseRequestSchema, { channelId: '', terms: 'ON_DELIVERY', justification: '' });
  const channelId = form.watch('channelId');
  // One key per basket attempt: a double click or a retry returns the same request.
  const [key, setKey] = useState(() => newIdempotencyKey());
  const forUnit = pc.buyerOrgId === orgId;
  const active = (channels.data?.channels ?? []).filter((c) => c.status === 'ACTIVE');
  const channel = active.find((c) => c.id === channelId) ?? defaultChannel(active);
  const lines = useMemo(
    () => pc.priced.groups.flatMap((g) => g.lines.map((p) => ({ variantId: p.variant.id, quantity: p.line.quantity }))),
    [pc.priced],
  );
  const preview = useQuery(
    PREVIEW_BASKET,
    { input: { buyerOrgId: orgId, channelId: channel?.id ?? null, lines } },
    { skip: !forUnit || lines.length === 0 || !pc.ready },
  );

  const submit = useAction(async ({ terms, justification }: { terms: PurchaseTerms; justification: string }) => {
    if (!channel) return;
    const data = await api.request(SUBMIT_PURCHASE_REQUEST, {
      input: { buyerOrgId: orgId, channelId: channel.id, lines, justification, terms, idempotencyKey: `pr-${key}` },
    });
    const answer = data.submitPurchaseRequest;
    if (answer.__typename !== 'PurchaseRequest' || !('requestNo' in answer)) {
      const refusal = answer as { code: string; message: string };
      throw new RequestError(refusal.code ?? answer.__typename, refusal.message ?? '');
    }
    pc.remove(lines.map((l) => l.variantId));
    form.setValue('justification', '');
    setKey(newIdempotencyKey());
    onSubmitted(answer);
  });
  useServerProblem(form, submit.error);

  const onSubmit = form.handleSubmit((v) => {
    if (lines.length) void submit.run(v);
  });

  if (!forUnit || pc.cart.lines.length === 0) {
    return (
      <div className="notice" data-testid="request-cart-empty">
        <p>{t('agency.request.emptyCart')}</p>
        <Link to="/products" className="button button-quiet">
          {t('cart.browse')}
        </Link>
      </div>
    );
  }

  return (
    <form className="stack" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="request-form">
      {!pc.ready ? <Loading /> : <CartGroups priced={pc.priced} editable={false} />}
      <ErrorNotice error={pc.error} onRetry={pc.reload} />
      {preview.data && (
        <dl className="facts" data-testid="basket-preview">
          <dt>{t('agency.request.total')}</dt>
          <dd>
            <strong className="price" data-testid="basket-total">
              {formatFen(preview.data.previewBasket.totalAmount)}
            </strong>
          </dd>
          <dt>{t('agency.request.spendingLimit')}</dt>
          <dd>{formatFen(preview.data.previewBasket.spendingLimit)}</dd>
          <dt>{t('agency.request.approval')}</dt>
          <dd data-testid="approval-required">
            {preview.data.previewBasket.approvalRequired
              ? t('agency.request.approvalRequired')
              : t('agency.request.approvalSkipped')}
          </dd>
        </dl>
      )}
      <ErrorNotice error={preview.error} />
      <SelectField
        label={t('checkout.channelLabel')}
        value={channel?.id ?? ''}
        onChange={(e) => form.setValue('channelId', e.target.value)}
        options={active.map((c) => [c.id, c.name])}
      />
      <SelectField
        label={t('agency.request.terms')}
        {...form.register('terms')}
        options={PURCHASE_TERMS.map((x) => [x, translateOr(t, `terms.${x}`, x)])}
      />
      <TextAreaField
        label={t('agency.request.justification')}
        rows={3}
        maxLength={1000}
        error={form.formState.errors.justification}
        {...form.register('justification')}
      />
      <ProcurementError error={submit.error} />
      <FormActions
        label={submit.busy ? t('form.submitting') : t('agency.request.submit')}
        disabled={submit.busy || !channel || !pc.ready}
        testId="submit-request"
      />
    </form>
  );
}

export function RequestsTab({ orgId, canSubmit }: { orgId: string; canSubmit: boolean }) {
  const { t } = useI18n();
  const [last, setLast] = useState<PurchaseRequestData | null>(null);
  const mine = useConnection(
    PURCHASE_REQUESTS,
    { filter: { orgId, mine: canSubmit ? true : null }, first: 20 },
    (d) => d.purchaseRequests,
  );
  return (
    <>
      {canSubmit && (
        <TitledCard title={t('agency.request.title')}>
          <p className="muted small">{t('agency.request.lead')}</p>
          {last && (
            <p className="notice notice-ok" role="status" data-testid="request-submitted">
              {t('agency.request.submitted', {
                no: last.requestNo,
                status: translateOr(t, `requestStatus.${last.status}`, last.status),
              })}
            </p>
          )}
          <SubmitFromCart
            orgId={orgId}
            onSubmitted={(r) => {
              setLast(r);
              mine.reload();
            }}
          />
        </TitledCard>
      )}
      <TitledCard title={canSubmit ? t('agency.request.mine') : t('agency.request.all')}>
        <ListStatus
          error={mine.error}
          onRetry={mine.reload}
          loading={mine.loading && mine.nodes.length === 0}
          empty={mine.nodes.length === 0}
        />
        <ul className="row-list">
          {mine.nodes.map((r) => (
            <RequestRow key={r.id} request={r} />
          ))}
        </ul>
        <LoadMore list={mine} plain label={t('agency.loadMore')} />
      </TitledCard>
    </>
  );
}
