import { useI18n } from '../i18n';
import { Link } from '../lib/router';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <div className="container auth-page">
      <div className="card">
        <h1>{t('notFound.title')}</h1>
        <Link to="/" className="button button-primary">
          {t('notFound.back')}
        </Link>
      </div>
    </div>
  );
}
