import { useState } from 'react';
import { ORDERS } from '../../api/ordering';
import { RequireRole } from '../../components/Guard';
import { SelectField } from '../../components/SelectField';
import { Tabs } from '../../components/Tabs';
import { useI18n } from '../../i18n';
import { shanghaiYear } from '../../lib/agency';
import { organizationsWith } from '../../lib/roles';
import { useSession } from '../../lib/session';
import { useConnection } from '../../lib/use-connection';
import { OrderRows } from '../orders/OrdersPage';
import { ApprovalsTab } from './ApprovalsTab';
import { CompletionTab } from './CompletionTab';
import { FilingTab } from './FilingTab';
import { RequestsTab } from './RequestsTab';
import { SubordinatesTab } from './SubordinatesTab';
import { TeamTab } from './TeamTab';
import { LoadMore } from '../../components/ListStatus';
import { PortalPage } from '../../components/PageShell';
import { TitledCard } from '../../components/TitledCard';
import { portalSection } from '../../lib/portal-section';
import { NotFoundPage } from '../NotFoundPage';

const BASE = '/portal/agency';
/** The sections after BASE (BASE itself is completion); any other name is not found. */
const SECTIONS = ['filing', 'requests', 'approvals', 'orders', 'team', 'units'];
export const AGENCY_ROLES = ['AGENCY_ADMIN', 'PURCHASER', 'APPROVER'] as const;

/** The unit's orders (the order page does delivery confirmation, documents and acceptance). */
function UnitOrders({ orgId }: { orgId: string }) {
  const { t } = useI18n();
  const orders = useConnection(ORDERS, { filter: { buyerOrgId: orgId }, first: 20 }, (d) => d.orders);
  return (
    <TitledCard title={t('agency.orders.title')}>
      <p className="muted small">{t('agency.orders.lead')}</p>
      <OrderRows list={orders} emptyText={t('orders.empty')} />
      <LoadMore list={orders} plain label={t('agency.loadMore')} />
    </TitledCard>
  );
}

function Portal({ section }: { section: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const units = organizationsWith(me, ...AGENCY_ROLES);
  const [chosen, setChosen] = useState<string | null>(null);
  const unit = units.find((u) => u.id === chosen) ?? units[0];
  const thisYear = shanghaiYear();
  const [year, setYear] = useState(thisYear);
  const rolesHere = (me?.memberships ?? []).filter((m) => m.organization?.id === unit?.id).map((m) => m.role);
  const isAdmin = rolesHere.includes('AGENCY_ADMIN');
  const isPurchaser = rolesHere.includes('PURCHASER');
  const isApprover = rolesHere.includes('APPROVER');

  const tabs = [
    { to: BASE, label: t('agency.tab.completion'), show: true },
    { to: `${BASE}/filing`, label: t('agency.tab.filing'), show: isAdmin },
    { to: `${BASE}/requests`, label: t('agency.tab.requests'), show: true },
    { to: `${BASE}/approvals`, label: t('agency.tab.approvals'), show: isApprover },
    { to: `${BASE}/orders`, label: t('agency.tab.orders'), show: true },
    { to: `${BASE}/team`, label: t('agency.tab.team'), show: isAdmin },
    { to: `${BASE}/units`, label: t('agency.tab.units'), show: isAdmin },
  ].filter((x) => x.show);
  const current = section ? `${BASE}/${section}` : BASE;

  return (
    <PortalPage
      kicker={t('agency.kicker')}
      title={unit?.name ?? t('agency.title')}
      aside={
        <div className="form-actions">
          {units.length > 1 && (
            <SelectField
              compact
              label={t('agency.switch')}
              value={unit?.id}
              onChange={(e) => setChosen(e.target.value)}
              options={units.map((u) => [u.id, u.name])}
            />
          )}
          {(section === '' || section === 'filing' || section === 'units') && (
            <SelectField
              compact
              label={t('agency.year')}
              value={year}
              onChange={(e) => setYear(Number(e.target.value))}
              options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => [y, y])}
            />
          )}
        </div>
      }
    >
      <Tabs label={t('agency.title')} items={tabs} current={current} />
      {!unit ? null : section === 'filing' && isAdmin ? (
        <FilingTab key={`${unit.id}-${year}`} orgId={unit.id} year={year} />
      ) : section === 'requests' ? (
        <RequestsTab key={unit.id} orgId={unit.id} canSubmit={isPurchaser} />
      ) : section === 'approvals' && isApprover ? (
        <ApprovalsTab key={unit.id} orgId={unit.id} />
      ) : section === 'team' && isAdmin ? (
        <TeamTab key={unit.id} orgId={unit.id} />
      ) : section === 'units' && isAdmin ? (
        <SubordinatesTab key={`${unit.id}-${year}`} orgId={unit.id} year={year} />
      ) : section === 'orders' ? (
        <UnitOrders key={unit.id} orgId={unit.id} />
      ) : (
        <CompletionTab key={`${unit.id}-${year}`} orgId={unit.id} year={year} isAdmin={isAdmin} />
      )}
    </PortalPage>
  );
}

export function AgencyPortalPage({ params }: { params: Record<string, string | undefined> }) {
  const section = portalSection(params['*'], SECTIONS);
  if (section === null) return <NotFoundPage />;
  return (
    <RequireRole roles={AGENCY_ROLES}>
      <Portal section={section} />
    </RequireRole>
  );
}
