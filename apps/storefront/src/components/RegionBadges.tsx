import { useI18n } from '../i18n';

export function RegionBadges({
  exPovertyCounty,
  keyAssistanceCounty,
}: {
  exPovertyCounty: boolean;
  keyAssistanceCounty: boolean;
}) {
  const { t } = useI18n();
  if (!exPovertyCounty && !keyAssistanceCounty) return null;
  return (
    <span className="badges">
      {exPovertyCounty && <span className="badge badge-ex-poverty">{t('region.flag.exPoverty')}</span>}
      {keyAssistanceCounty && <span className="badge badge-key">{t('region.flag.keyAssistance')}</span>}
    </span>
  );
}
