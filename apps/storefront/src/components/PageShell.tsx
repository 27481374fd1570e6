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

/**
 * 首页 › … › the current page; `trail` are the links between home and it. Pages inside an area (the account, the
 * cart, the findings) start from the area's page instead: `home={false}`.
 */
export function Breadcrumb({
  trail = [],
  current,
  home = true,
}: {
  trail?: { to: string; label: ReactNode }[];
  current: ReactNode;
  home?: boolean;
}) {
  const { t } = useI18n();
  return (
    <nav className="breadcrumb" aria-label={t('product.breadcrumb')}>
      <ol>
        {[...(home ? [{ to: '/', label: t('nav.home') }] : []), ...trail].map((l) => (
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

/**
 * A portal page (a role's workspace): the kicker, title and lead above its cards. `aside` sits beside the title (a
 * unit switch, a filter); `smallLead` sets the lead in small type; `className` adds the page's own class.
 */
export function PortalPage({
  kicker,
  title,
  lead,
  smallLead = false,
  aside,
  className,
  testId,
  children,
}: {
  kicker: ReactNode;
  title: ReactNode;
  lead?: ReactNode;
  smallLead?: boolean;
  aside?: ReactNode;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <div
      className={className ? `container page-body portal ${className}` : 'container page-body portal'}
      data-testid={testId}
    >
      <div className="portal-head">
        <div>
          <p className="label">{kicker}</p>
          <h1>{title}</h1>
          {lead && <p className={smallLead ? 'muted small' : 'muted'}>{lead}</p>}
        </div>
        {aside}
      </div>
      {children}
    </div>
  );
}
