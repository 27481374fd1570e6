import { useState } from 'react';
import { COUNTY_TRANSPARENCY } from '../../api/produce';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { useI18n } from '../../i18n';
import { shanghaiToday } from '../../lib/certification';
import { formatFen } from '../../lib/money';
import { Link } from '../../lib/router';
import { useQuery } from '../../lib/use-query';
import { MoneyFigure } from './shared';
import { Fact } from '../../components/Fact';
import './produce.css';
import { TitledCard } from '../../components/TitledCard';
import { Segmented } from '../../components/Segmented';

/** The county of a product's origin (any division code) as the page's path, or null. */
export function transparencyPath(originCode: string | null | undefined): string | null {
  return originCode && /^\d{6}/.test(originCode) && !originCode.startsWith('000') && originCode.slice(4, 6) !== '00'
    ? `/transparency/${originCode.slice(0, 6)}`
    : null;
}

/** 来自这个县的收入: public, totals only — how much of the county's sales reached its households. */
export function TransparencyPage({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const county = (params.county ?? '').slice(0, 6);
  const thisYear = Number(shanghaiToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const { data, error, loading, reload } = useQuery(COUNTY_TRANSPARENCY, {
    countyCode: county.padEnd(12, '0'),
    year,
  });
  const c = data?.countyTransparency;
  const place = data?.region ? [...data.region.path.map((p) => p.name)].join(' · ') || data.region.name : county;

  return (
    <div className="container page-body produce-page">
      <p className="label">{t('produce.transparency.kicker')}</p>
      <h1 data-testid="transparency-title">
        {t('produce.transparency.title', { county: data?.region?.name ?? county })}
      </h1>
      <p className="muted">{place}</p>
      <Segmented
        label={t('produce.transparency.year')}
        value={year}
        onChange={setYear}
        options={[thisYear - 1, thisYear].map((y) => [y, y])}
      />
      <ErrorNotice error={error} onRetry={reload} />
      {loading && !c ? (
        <Loading />
      ) : c ? (
        <>
          <TitledCard title={t('produce.transparency.reached', { year: c.year })}>
            <p className="big-amount" data-testid="transparency-reached" data-fen={c.reachedHouseholds}>
              {formatFen(c.reachedHouseholds)}
            </p>
            <dl className="produce-figures">
              <MoneyFigure
                label={t('produce.transparency.purchases')}
                fen={c.purchasePaid}
                testId="transparency-purchases"
              />
              <MoneyFigure
                label={t('produce.transparency.attributed')}
                fen={c.attributedIncome}
                testId="transparency-attributed"
              />
              <Fact label={t('produce.transparency.households')} testId="transparency-households">
                {t('produce.transparency.householdCount', { count: c.householdsDriven })}
              </Fact>
            </dl>
            {c.purchasePending > 0 && (
              <p className="muted">{t('produce.transparency.pending', { amount: formatFen(c.purchasePending) })}</p>
            )}
          </TitledCard>
          <TitledCard title={t('produce.transparency.topProducts')}>
            {c.topProducts.length === 0 && <p className="muted">{t('produce.transparency.none')}</p>}
            <ol className="produce-lines">
              {c.topProducts.map((p) => (
                <li key={p.productId} data-testid="transparency-product">
                  <Link to={`/products/${p.productId}`}>{p.productTitle}</Link>
                  <strong>{formatFen(p.householdIncome)}</strong>
                </li>
              ))}
            </ol>
          </TitledCard>
          <TitledCard title={t('produce.transparency.topCrops')}>
            {c.topCrops.length === 0 && <p className="muted">{t('produce.transparency.none')}</p>}
            <ol className="produce-lines">
              {c.topCrops.map((p) => (
                <li key={`${p.cropName}-${p.unit}`} data-testid="transparency-crop">
                  <span>
                    {p.cropName} · {p.quantity} {p.unit}
                  </span>
                  <strong>{formatFen(p.amount)}</strong>
                </li>
              ))}
            </ol>
          </TitledCard>
          <p className="hint">{t('produce.transparency.hint')}</p>
        </>
      ) : null}
    </div>
  );
}
