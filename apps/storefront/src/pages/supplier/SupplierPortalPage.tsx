import { useState } from 'react';
import { RequireRole } from '../../components/Guard';
import { Tabs } from '../../components/Tabs';
import { useI18n } from '../../i18n';
import { organizationsWith, SUPPLIER_ROLES } from '../../lib/roles';
import { useSession } from '../../lib/session';
import { AdmissionTab, ApplyForm } from './AdmissionTab';
import { CertificationsTab } from './CertificationsTab';
import { LotsTab } from './LotsTab';
import { OrdersTab } from './OrdersTab';
import { OwedToMeTab } from '../supervision/OwedToMeTab';
import { ProductsTab } from './ProductsTab';
import { SelectField } from '../../components/SelectField';
import { SupplierComplaintsTab } from '../aftersales/SupplierComplaintsTab';
import { SupplierProduceTab } from '../produce/SupplierProduceTab';
import { PortalPage } from '../../components/PageShell';
import { portalSection } from '../../lib/portal-section';
import { NotFoundPage } from '../NotFoundPage';

const BASE = '/portal/supplier';
/** The sections after BASE (BASE itself is admission); any other name is not found. */
const SECTIONS = ['orders', 'products', 'lots', 'produce', 'certifications', 'owed', 'complaints'];

function Portal({ section }: { section: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const orgs = organizationsWith(me, ...SUPPLIER_ROLES);
  const [chosen, setChosen] = useState<string | null>(null);
  const supplier = orgs.find((o) => o.id === chosen) ?? orgs[0];

  const tabs = [
    { to: BASE, label: t('portal.tab.admission') },
    { to: `${BASE}/orders`, label: t('portal.tab.orders') },
    { to: `${BASE}/products`, label: t('portal.tab.products') },
    { to: `${BASE}/lots`, label: t('portal.tab.lots') },
    { to: `${BASE}/produce`, label: t('produce.supplier.tab') },
    { to: `${BASE}/certifications`, label: t('portal.tab.certifications') },
    { to: `${BASE}/owed`, label: t('portal.tab.owed') },
    { to: `${BASE}/complaints`, label: t('portal.tab.complaints') },
  ];
  const current = section ? `${BASE}/${section}` : BASE;

  return (
    <PortalPage
      kicker={t('portal.supplier.kicker')}
      title={supplier?.name ?? t('portal.supplier.title')}
      aside={
        orgs.length > 1 && (
          <SelectField
            compact
            label={t('portal.supplier.switch')}
            value={supplier?.id}
            onChange={(e) => setChosen(e.target.value)}
            options={orgs.map((o) => [o.id, o.name])}
          />
        )
      }
    >
      <Tabs label={t('portal.supplier.title')} items={tabs} current={current} />
      {!supplier ? null : section === 'orders' ? (
        <OrdersTab key={supplier.id} supplierId={supplier.id} />
      ) : section === 'products' ? (
        <ProductsTab supplierId={supplier.id} />
      ) : section === 'produce' ? (
        <SupplierProduceTab key={supplier.id} supplierId={supplier.id} />
      ) : section === 'lots' ? (
        <LotsTab supplierId={supplier.id} />
      ) : section === 'owed' ? (
        <OwedToMeTab key={supplier.id} supplierId={supplier.id} />
      ) : section === 'certifications' ? (
        <CertificationsTab supplierId={supplier.id} />
      ) : section === 'complaints' ? (
        <SupplierComplaintsTab key={supplier.id} supplierId={supplier.id} />
      ) : (
        <AdmissionTab supplierId={supplier.id} />
      )}
    </PortalPage>
  );
}

/** Signed-in users who are not a supplier yet can only apply (供应商准入申请). */
function NotYetSupplier() {
  const { t } = useI18n();
  return (
    <PortalPage kicker={t('portal.supplier.kicker')} title={t('apply.title')} lead={t('apply.lead')}>
      <ApplyForm />
    </PortalPage>
  );
}

export function SupplierPortalPage({ params }: { params: Record<string, string> }) {
  const { me } = useSession();
  const section = portalSection(params['*'], SECTIONS);
  if (section === null) return <NotFoundPage />;
  const isSupplier = organizationsWith(me, ...SUPPLIER_ROLES).length > 0;
  if (me && !isSupplier) return <NotYetSupplier />;
  return (
    <RequireRole roles={SUPPLIER_ROLES}>
      <Portal section={section} />
    </RequireRole>
  );
}
