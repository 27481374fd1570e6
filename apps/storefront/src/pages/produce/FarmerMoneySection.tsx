import { useState } from 'react';
import { api } from '../../api/client';
import { CONFIRM_MONTH, DISPUTE_LINE, type IncomeStatementRecord, MY_INCOME_STATEMENT } from '../../api/produce';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { translateOr, useI18n } from '../../i18n';
import { shanghaiToday } from '../../lib/certification';
import { formatDateTime } from '../../lib/dates';
import { formatFen } from '../../lib/money';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { MoneyFigure, ProduceStatus } from './shared';
import { TextField } from '../../components/FormField';
import { Form } from '../../components/Form';
import { TitledCard } from '../../components/TitledCard';

type Line = { kind: 'PURCHASE_PAYMENT'; receiptId: string } | { kind: 'ATTRIBUTED_INCOME'; productId: string };

/** 有疑问: the farmer disputes one line with a note; the cooperative and the county office are told. */
function DisputeButton({ month, line, onDone }: { month: string; line: Line; onDone: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const dispute = useAction(() => api.request(DISPUTE_LINE, { input: { month, note, ...line } }));
  if (!open) {
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        {t('produce.money.dispute')}
      </button>
    );
  }
  return (
    <Form
      className="produce-dispute"
      onSubmit={async () => {
        if (await dispute.run()) {
          setOpen(false);
          onDone();
        }
      }}
    >
      <div className="field">
        <label htmlFor={`dispute-${'receiptId' in line ? line.receiptId : line.productId}`}>
          {t('produce.money.disputeNote')}
        </label>
        <input
          id={`dispute-${'receiptId' in line ? line.receiptId : line.productId}`}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          required
          maxLength={500}
        />
      </div>
      <button type="submit" className="button button-danger" disabled={dispute.busy || !note.trim()}>
        {t('produce.money.disputeSend')}
      </button>
      <ErrorNotice error={dispute.error} />
    </Form>
  );
}

function Statement({
  s,
  onChange,
}: {
  s: IncomeStatementRecord;
  onChange: (next: IncomeStatementRecord | null) => void;
}) {
  const { t, locale } = useI18n();
  const confirm = useAction(async () => (await api.request(CONFIRM_MONTH, { month: s.month })).confirmMonthlyIncome);
  const empty = s.purchases.length === 0 && s.attributedIncome.length === 0;
  return (
    <>
      <dl className="produce-figures" data-testid="money-figures">
        <MoneyFigure label={t('produce.money.purchasePaid')} fen={s.purchasePaidTotal} testId="purchase-paid" />
        <MoneyFigure
          label={t('produce.money.purchasePending')}
          fen={s.purchasePendingTotal}
          testId="purchase-pending"
        />
        <MoneyFigure label={t('produce.money.attributed')} fen={s.attributedTotal} testId="attributed-total" />
      </dl>

      <TitledCard title={t('produce.money.purchases')}>
        <p className="muted">{t('produce.money.purchasesLead')}</p>
        {s.purchases.length === 0 && <p className="muted">{t('produce.money.noPurchases')}</p>}
        <ul className="produce-lines">
          {s.purchases.map((p) => (
            <li key={p.receiptId} data-testid="purchase-line" data-status={p.paymentStatus}>
              <span>
                <strong>{p.cropName}</strong>{' '}
                {t('produce.money.purchaseLine', {
                  quantity: p.quantity,
                  unit: p.unit,
                  price: formatFen(p.unitPrice),
                  supplier: p.supplierName,
                })}
                {p.quantity < p.committedQuantity && (
                  <span className="muted">
                    {' '}
                    · {t('produce.money.short', { count: p.committedQuantity - p.quantity, unit: p.unit })}
                  </span>
                )}
                <br />
                <span className="muted small">
                  {t('produce.money.lot', { lot: p.lotNo ?? '—' })}
                  {p.paidOn
                    ? ` · ${t('produce.money.paidOn', { date: p.paidOn, method: translateOr(t, `produce.method.${p.paymentMethod}`, p.paymentMethod ?? '') })}`
                    : ''}
                </span>
              </span>
              <span>
                <strong>{formatFen(p.amount)}</strong>{' '}
                <ProduceStatus status={p.paymentStatus} testId="purchase-status" />
                <br />
                <DisputeButton
                  month={s.month}
                  line={{ kind: 'PURCHASE_PAYMENT', receiptId: p.receiptId }}
                  onDone={() => onChange(null)}
                />
              </span>
            </li>
          ))}
        </ul>
      </TitledCard>

      <TitledCard title={t('produce.money.attributedTitle')}>
        <p className="muted">{t('produce.money.attributedLead')}</p>
        {s.attributedIncome.length === 0 && <p className="muted">{t('produce.money.noAttributed')}</p>}
        <ul className="produce-lines">
          {s.attributedIncome.map((a) => (
            <li key={a.productId} data-testid="attributed-line">
              <span>
                <strong>{a.productTitle}</strong>
                <br />
                <span className="muted small">
                  {s.attributedOrders
                    .filter((o) => o.productTitle === a.productTitle)
                    .map((o) => t('produce.money.order', { no: o.orderNo, amount: formatFen(o.amount) }))
                    .join('；')}
                </span>
              </span>
              <span>
                <strong>{formatFen(a.amount)}</strong>
                <br />
                <DisputeButton
                  month={s.month}
                  line={{ kind: 'ATTRIBUTED_INCOME', productId: a.productId }}
                  onDone={() => onChange(null)}
                />
              </span>
            </li>
          ))}
        </ul>
      </TitledCard>

      <TitledCard title={t('produce.money.confirmTitle')}>
        <p data-testid="month-status">
          <ProduceStatus status={s.status} />
          {s.confirmation && (
            <span className="muted">
              {' '}
              {t('produce.money.confirmedAt', { at: formatDateTime(s.confirmation.confirmedAt, locale) })}
            </span>
          )}
        </p>
        {s.disputes.map((d) => (
          <p key={d.id} className="notice" data-testid="dispute">
            {t('produce.money.disputed', { note: d.note, amount: formatFen(d.amount) })} ·{' '}
            <ProduceStatus status={d.status} />
            {d.resolution ? ` ${d.resolution}` : ''}
          </p>
        ))}
        <p className="muted">{t('produce.money.confirmLead')}</p>
        <button
          type="button"
          className="button button-primary button-block"
          disabled={confirm.busy || empty}
          onClick={async () => {
            const next = await confirm.run();
            if (next) onChange(next);
          }}
        >
          {s.status === 'CONFIRMED' ? t('produce.money.reconfirm') : t('produce.money.confirm')}
        </button>
        <ErrorNotice error={confirm.error} />
      </TitledCard>
    </>
  );
}

/** 收入与确认: purchase payments and attributed income, separately, for one month; confirm or dispute. */
export function FarmerMoneySection() {
  const { t } = useI18n();
  const [month, setMonth] = useState(shanghaiToday().slice(0, 7));
  const { data, error, loading, reload, setData } = useQuery(MY_INCOME_STATEMENT, { month });
  return (
    <>
      <div className="card">
        <TextField
          label={t('produce.money.month')}
          type="month"
          value={month}
          max={shanghaiToday().slice(0, 7)}
          onChange={(e) => e.target.value && setMonth(e.target.value)}
        />
        <button type="button" className="button button-quiet" onClick={reload} data-testid="money-refresh">
          {t('agency.refresh')}
        </button>
      </div>
      <ErrorNotice error={error} onRetry={reload} />
      {loading && !data ? (
        <Loading />
      ) : data ? (
        <Statement
          s={data.myIncomeStatement}
          onChange={(next) => (next ? setData(() => ({ myIncomeStatement: next })) : reload())}
        />
      ) : null}
    </>
  );
}
