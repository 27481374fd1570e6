import { RequireRole } from '../../components/Guard';
import { Tabs } from '../../components/Tabs';
import { useI18n } from '../../i18n';
import { FamilyFarmSection } from './FamilyFarmSection';
import { FarmerCommitmentsSection } from './FarmerCommitmentsSection';
import { FarmerMoneySection } from './FarmerMoneySection';
import { FarmerOffersSection } from './FarmerOffersSection';
import { portalSection } from '../../lib/portal-section';
import { NotFoundPage } from '../NotFoundPage';
import './produce.css';

const BASE = '/produce';
/** The sections after BASE (BASE itself is the offers); any other name is not found. */
const SECTIONS = ['commitments', 'money', 'family-farm'];

/** 我的供货: where a farmer lands after signing in (phone first, large text). */
function FarmerProduce({ section }: { section: string }) {
  const { t } = useI18n();
  const tabs = [
    { to: BASE, label: t('produce.tab.offers') },
    { to: `${BASE}/commitments`, label: t('produce.tab.commitments') },
    { to: `${BASE}/money`, label: t('produce.tab.money') },
    { to: `${BASE}/family-farm`, label: t('produce.tab.familyFarm') },
  ];
  return (
    <div className="container page-body produce-page">
      <p className="label">{t('farmer.kicker')}</p>
      <h1>{t('produce.title')}</h1>
      <Tabs label={t('produce.title')} items={tabs} current={section ? `${BASE}/${section}` : BASE} />
      {section === 'commitments' ? (
        <FarmerCommitmentsSection />
      ) : section === 'money' ? (
        <FarmerMoneySection />
      ) : section === 'family-farm' ? (
        <FamilyFarmSection />
      ) : (
        <FarmerOffersSection />
      )}
    </div>
  );
}

export function FarmerProducePage({ params }: { params: Record<string, string> }) {
  const section = portalSection(params['*'], SECTIONS);
  if (section === null) return <NotFoundPage />;
  return (
    <RequireRole roles={['FARMER']}>
      <FarmerProduce section={section} />
    </RequireRole>
  );
}
