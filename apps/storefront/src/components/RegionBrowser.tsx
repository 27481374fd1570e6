import { useState } from 'react';
import { REGIONS, type RegionSummary } from '../api/operations';
import { errorText, isMessageKey, useI18n } from '../i18n';
import { productsUrl } from '../lib/product-filter';
import { regionPrefix } from '../lib/region-code';
import { Link } from '../lib/router';
import { useQuery } from '../lib/use-query';
import { RegionBadges } from './RegionBadges';

const VILLAGE_LEVEL = 5;

/** Provinces first; choosing a region lists its children. The trail is the breadcrumb. */
export function RegionBrowser() {
  const { t } = useI18n();
  const [trail, setTrail] = useState<RegionSummary[]>([]);
  const parent = trail.at(-1);
  const { data, error, loading, reload } = useQuery(REGIONS, {
    parentCode: parent?.code ?? null,
  });
  const levelName = (level: number) => {
    const key = `region.level.${level}`;
    return isMessageKey(key) ? t(key) : '';
  };

  return (
    <section className="region-browser" id="regions" aria-labelledby="regions-title">
      <div className="section-head">
        <h2 id="regions-title">{t('regions.title')}</h2>
        <p className="muted">{t('regions.subtitle')}</p>
      </div>

      <nav className="breadcrumb" aria-label={t('regions.title')}>
        <ol>
          <li>
            {trail.length ? (
              <button type="button" className="link-button" onClick={() => setTrail([])}>
                {t('regions.root')}
              </button>
            ) : (
              <span aria-current="page">{t('regions.root')}</span>
            )}
          </li>
          {trail.map((r, i) => (
            <li key={r.code}>
              {i < trail.length - 1 ? (
                <button type="button" className="link-button" onClick={() => setTrail(trail.slice(0, i + 1))}>
                  {r.name}
                </button>
              ) : (
                <span aria-current="page">{r.name}</span>
              )}
            </li>
          ))}
        </ol>
      </nav>

      {parent && (
        <div className="region-current">
          <strong>{parent.name}</strong> <span className="muted">{levelName(parent.level)}</span>
          <RegionBadges {...parent} />
          <Link to={productsUrl({ regionCode: regionPrefix(parent.code) })} className="region-products-link">
            {t('regions.products', { name: parent.name })}
          </Link>
        </div>
      )}

      {error ? (
        <div className="notice notice-error" role="alert">
          {errorText(t, error)}{' '}
          <button type="button" className="link-button" onClick={reload}>
            {t('regions.retry')}
          </button>
        </div>
      ) : loading && !data ? (
        <p className="muted" role="status">
          {t('regions.loading')}
        </p>
      ) : data && data.regions.length === 0 ? (
        <p className="muted">{t('regions.empty')}</p>
      ) : (
        <ul className={`region-grid${loading ? ' is-loading' : ''}`} aria-busy={loading}>
          {data?.regions.map((r) => {
            const body = (
              <>
                <span className="region-name">{r.name}</span>
                <span className="region-meta">
                  <span className="muted">{levelName(r.level)}</span>
                  <RegionBadges {...r} />
                </span>
              </>
            );
            return (
              <li key={r.code}>
                {r.level < VILLAGE_LEVEL ? (
                  <button
                    type="button"
                    className="region-card"
                    title={t('regions.open', { name: r.name })}
                    onClick={() => setTrail([...trail, r])}
                  >
                    {body}
                  </button>
                ) : (
                  <div className="region-card is-leaf">{body}</div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
