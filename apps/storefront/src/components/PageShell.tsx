import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { RequestError } from '../lib/graphql';
import { Link } from '../lib/router';
import { ErrorNotice, Loading } from './Feedback';

/** A whole page still loading its record. */
export function PageLoading() {
  return (
    <div className="container page-body">
      <Loading />
    </div>
  );
}

/** A record that is not there (or not visible to the reader): a title and one way back; a real failure above it. */
export function NotFoundCard({
  title,
  back,
  backText,
  error = null,
  onRetry,
}: {
  title: ReactNode;
  back: string;
  backText: ReactNode;
  error?: RequestError | null;
  onRetry?: () => void;
}) {
  return (
    <div className="container auth-page">
      <div className="card">
        <ErrorNotice error={error} onRetry={onRetry} />
        <h1>{title}</h1>
        <Link to={back} className="button button-primary">
          {backText}
        </Link>
      </div>
    </div>
  );
}

/** 首页 › … › the current page; `trail` are the links between home and it. */
export function Breadcrumb({
  trail = [],
  current,
}: {
  trail?: { to: string; label: ReactNode }[];
  current: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <nav className="breadcrumb" aria-label={t('product.breadcrumb')}>
      <ol>
        {[{ to: '/', label: t('nav.home') }, ...trail].map((l) => (
          <li key={l.to}>
            <Link to={l.to}>{l.label}</Link>
          </li>
        ))}
        <li>
          <span aria-current="page">{current}</span>
        </li>
      </ol>
    </nav>
  );
}
