import { NotFoundCard } from '../components/PageShell';
import { useI18n } from '../i18n';

export function NotFoundPage() {
  const { t } = useI18n();
  return <NotFoundCard title={t('notFound.title')} back="/" backText={t('notFound.back')} />;
}
