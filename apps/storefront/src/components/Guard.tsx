import type { ComponentType, ReactNode } from 'react';
import { useI18n } from '../i18n';
import { hasRole } from '../lib/roles';
import { Link, useLocation } from '../lib/router';
import { useSession } from '../lib/session';

/** Shows children only to signed-in users; asks the others to sign in and come back here. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { pathname, search } = useLocation();
  if (me === undefined)
    return (
      <p className="container page-body muted" role="status">
        {t('home.loadingUser')}
      </p>
    );
  if (me === null) {
    const next = encodeURIComponent(pathname + (search.size ? `?${search}` : ''));
    return (
      <div className="container auth-page">
        <div className="card">
          <h1>{t('guard.signIn.title')}</h1>
          <p className="muted">{t('guard.signIn.body')}</p>
          <Link to={`/login?next=${next}`} className="button button-primary">
            {t('nav.login')}
          </Link>
        </div>
      </div>
    );
  }
  return <>{children}</>;
}

/** Shows children only to signed-in users holding one of `roles`; explains otherwise. */
export function RequireRole({ roles, children }: { roles: readonly string[]; children: ReactNode }) {
  const { t } = useI18n();
  const { me } = useSession();
  if (!me) return <RequireSignIn>{children}</RequireSignIn>;
  if (!hasRole(me, ...roles)) {
    return (
      <div className="container auth-page">
        <div className="card" role="alert">
          <h1>{t('guard.forbidden.title')}</h1>
          <p className="muted">{t('guard.forbidden.body')}</p>
          <Link to="/" className="button button-quiet">
            {t('notFound.back')}
          </Link>
        </div>
      </div>
    );
  }
  return <>{children}</>;
}

/**
 * A page only holders of `roles` may see: `Page` inside RequireRole, taking the same props (a route's `params`).
 * Pages export `forRoles(ROLES, Body)` instead of a wrapper component per page.
 */
export function forRoles<P extends object>(roles: readonly string[], Page: ComponentType<P>) {
  return function RoleGatedPage(props: P) {
    return (
      <RequireRole roles={roles}>
        <Page {...props} />
      </RequireRole>
    );
  };
}
