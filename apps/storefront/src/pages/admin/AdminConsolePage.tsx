import './admin.css';
import { type ReactNode, useEffect, useRef } from 'react';
import { RequireRole } from '../../components/Guard';
import { type MessageKey, useI18n } from '../../i18n';
import { Link } from '../../lib/router';
import { CertificationSection } from './CertificationSection';
import { ChannelsSection } from './ChannelsSection';
import { JobsSection } from './JobsSection';
import { OrdersSection } from './OrdersSection';
import { PaymentsAdmin } from './PaymentsAdminPage';
import { PayoutsSection } from './PayoutsSection';
import { RefundsSection } from './RefundsSection';
import { RegionsSection } from './RegionsSection';
import { SuppliersSection } from './SuppliersSection';
import { UsersSection } from './UsersSection';
import { PortalPage } from '../../components/PageShell';
import { portalSection } from '../../lib/portal-section';
import { NotFoundPage } from '../NotFoundPage';

export const ADMIN_BASE = '/portal/admin';

/** The console's sections in nav order; the first is the landing section. */
const SECTIONS: Array<{ slug: string; label: MessageKey; page: () => ReactNode }> = [
  { slug: 'suppliers', label: 'admin.nav.suppliers', page: SuppliersSection },
  { slug: 'certifications', label: 'admin.nav.certifications', page: CertificationSection },
  { slug: 'users', label: 'admin.nav.users', page: UsersSection },
  { slug: 'orders', label: 'admin.nav.orders', page: OrdersSection },
  { slug: 'refunds', label: 'admin.nav.refunds', page: RefundsSection },
  { slug: 'payments', label: 'admin.payments.title', page: PaymentsAdmin },
  { slug: 'payouts', label: 'admin.nav.payouts', page: PayoutsSection },
  { slug: 'channels', label: 'admin.nav.channels', page: ChannelsSection },
  { slug: 'regions', label: 'admin.nav.regions', page: RegionsSection },
  { slug: 'jobs', label: 'admin.nav.jobs', page: JobsSection },
];

function Console({ slug }: { slug: string }) {
  const { t } = useI18n();
  const current = SECTIONS.find((s) => s.slug === slug) ?? SECTIONS[0];
  const Page = current.page;
  const nav = useRef<HTMLUListElement>(null);
  // On phones the nav is a horizontal strip: keep the current section in view (no vertical scroll).
  useEffect(() => {
    const list = nav.current;
    const link = list?.querySelector<HTMLElement>('[aria-current="page"]');
    if (list && link && list.scrollWidth > list.clientWidth) list.scrollLeft = link.offsetLeft - list.offsetLeft - 16;
  }, [current]);
  return (
    <PortalPage kicker={t('admin.kicker')} title={t(current.label)} className="admin-page">
      <div className="admin-console">
        <nav className="admin-nav" aria-label={t('admin.nav.label')}>
          <ul ref={nav}>
            {SECTIONS.map((s) => (
              <li key={s.slug}>
                <Link to={`${ADMIN_BASE}/${s.slug}`} aria-current={s === current ? 'page' : undefined}>
                  {t(s.label)}
                </Link>
              </li>
            ))}
            <li>
              <Link to="/portal/admin/suspensions">{t('nav.suspensions')}</Link>
            </li>
          </ul>
        </nav>
        <div className="admin-main" data-testid={`admin-${current.slug}`}>
          <Page />
        </div>
      </div>
    </PortalPage>
  );
}

/** 平台管理: `/portal/admin/<section>`; `/portal/admin` opens supplier admission, an unknown section is not found. */
export function AdminConsolePage({ params }: { params: Record<string, string> }) {
  const slug = portalSection(
    params['*'],
    SECTIONS.map((s) => s.slug),
  );
  if (slug === null) return <NotFoundPage />;
  return (
    <RequireRole roles={['PLATFORM_ADMIN']}>
      <Console slug={slug} />
    </RequireRole>
  );
}
