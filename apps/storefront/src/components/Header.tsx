import { useI18n } from '../i18n';
import { Link, navigate, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';

export function Header() {
  const { t } = useI18n();
  const { me, logout } = useSession();
  const { pathname } = useLocation();

  const signOut = () => {
    logout();
    navigate('/');
  };

  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link to="/" className="brand" aria-label={`${t('app.name')} · ${t('nav.home')}`}>
          <Logo />
          <span className="brand-text">
            <span className="brand-name">帮扶 <span className="brand-latin">Bangfu</span></span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </span>
        </Link>
        <nav className="header-nav" aria-label={t('nav.main')}>
          <LanguageSwitch />
          {me ? (
            <>
              <span className="header-user" data-testid="header-user">{me.displayName}</span>
              <button type="button" className="button button-quiet" onClick={signOut}>
                {t('nav.logout')}
              </button>
            </>
          ) : me === null && pathname !== '/login' ? (
            <Link to="/login" className="button button-primary">
              {t('nav.login')}
            </Link>
          ) : null}
        </nav>
      </div>
    </header>
  );
}
