import { RegionBrowser } from '../components/RegionBrowser';
import { UserCard } from '../components/UserCard';
import { useI18n } from '../i18n';
import { Link } from '../lib/router';
import { useSession } from '../lib/session';

export function HomePage() {
  const { t } = useI18n();
  const { me } = useSession();
  return (
    <>
      <section className="hero">
        <div className="container hero-inner">
          <p className="hero-kicker">{t('home.hero.kicker')}</p>
          <h1>{t('home.hero.title')}</h1>
          <p className="hero-body">{t('home.hero.body')}</p>
          <div className="hero-actions">
            {me === null && (
              <Link to="/login" className="button button-light">
                {t('home.hero.login')}
              </Link>
            )}
            <a href="#regions" className="button button-ghost">
              {t('home.hero.browse')}
            </a>
          </div>
        </div>
      </section>
      <div className="container page-body">
        {me === undefined ? (
          <p className="muted" role="status">{t('home.loadingUser')}</p>
        ) : me ? (
          <UserCard me={me} />
        ) : (
          <p className="card signed-out">
            {t('home.signedOutHint')} <Link to="/login">{t('nav.login')}</Link>
          </p>
        )}
        <RegionBrowser />
      </div>
    </>
  );
}
