import { monthsBetween } from '@bangfu/locale';
import { useState } from 'react';
import { MY_HOUSEHOLD_INCOME } from '../../api/attribution';
import { Bars } from '../../components/Charts';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { forRoles } from '../../components/Guard';
import { useI18n } from '../../i18n';
import { INCOME_PERIODS, type IncomePeriod, periodRange } from '../../lib/agency';
import { formatFen } from '../../lib/money';
import { useQuery } from '../../lib/use-query';
import { TitledCard } from '../../components/TitledCard';
import { Segmented } from '../../components/Segmented';

/** 我的增收: the farmer's own household income from counted sales, by month and product (phone first). */
function FarmerIncome() {
  const { t } = useI18n();
  const [period, setPeriod] = useState<IncomePeriod>('last12');
  const range = periodRange(period);
  const { data, error, loading, reload } = useQuery(MY_HOUSEHOLD_INCOME, range);
  const income = data?.myHouseholdIncome;
  const byMonth = new Map((income?.months ?? []).map((m) => [m.period, m.amount]));
  const byProduct = new Map<string, { title: string; amount: number }>();
  for (const m of income?.months ?? []) {
    for (const p of m.products) {
      const entry = byProduct.get(p.productId) ?? { title: p.productTitle, amount: 0 };
      entry.amount += p.amount;
      byProduct.set(p.productId, entry);
    }
  }
  const products = [...byProduct.entries()].sort((a, b) => b[1].amount - a[1].amount);

  return (
    <div className="container page-body farmer-page">
      <p className="label">{t('farmer.kicker')}</p>
      <h1>{t('farmer.title')}</h1>
      {data?.myHousehold && (
        <p className="muted" data-testid="farmer-household">
          {t('farmer.household', { name: data.myHousehold.headName, village: data.myHousehold.village?.name ?? '' })}
        </p>
      )}
      <Segmented
        label={t('farmer.period')}
        value={period}
        onChange={setPeriod}
        options={INCOME_PERIODS.map((p) => [p, t(`farmer.period.${p}`)])}
      />
      <ErrorNotice error={error} onRetry={reload} />
      {loading && !income ? (
        <Loading />
      ) : income ? (
        <>
          <TitledCard title={t('farmer.total')}>
            <p className="big-amount" data-testid="farmer-total" data-fen={income.totalAmount}>
              {formatFen(income.totalAmount)}
            </p>
            <p className="muted small">{t('farmer.range', { from: income.fromPeriod, to: income.toPeriod })}</p>
            <button type="button" className="button button-quiet" onClick={reload} data-testid="farmer-refresh">
              {t('agency.refresh')}
            </button>
          </TitledCard>
          <TitledCard title={t('farmer.byMonth')}>
            <Bars
              items={monthsBetween(range.from, range.to).map((m) => ({
                label: m.slice(5),
                value: byMonth.get(m) ?? 0,
              }))}
              label={t('farmer.byMonth')}
              format={formatFen}
              testId="farmer-month-bars"
            />
            <ul className="rank-list">
              {[...income.months].reverse().map((m) => (
                <li key={m.period} data-testid="farmer-month">
                  <span>{m.period}</span>
                  <strong>{formatFen(m.amount)}</strong>
                </li>
              ))}
            </ul>
          </TitledCard>
          <TitledCard title={t('farmer.byProduct')}>
            {products.length === 0 && <p className="muted">{t('farmer.none')}</p>}
            <ul className="rank-list">
              {products.map(([id, p]) => (
                <li key={id} data-testid="farmer-product">
                  <span>{p.title}</span>
                  <strong>{formatFen(p.amount)}</strong>
                </li>
              ))}
            </ul>
          </TitledCard>
          <p className="hint">{t('farmer.hint')}</p>
        </>
      ) : null}
    </div>
  );
}

export const FarmerIncomePage = forRoles(['FARMER'], FarmerIncome);
