import { useI18n } from '../i18n';
import { canBuy } from '../lib/cart';
import { useCart } from '../lib/cart-store';
import { hasRole, SUPPLIER_ROLES } from '../lib/roles';
import { Link, navigate, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';

export function Header() {
  const { t } = useI18n();
  const { me, logout } = useSession();
  const { pathname } = useLocation();
  const cart = useCart();
  const buyer = canBuy(cart.options);

  const signOut = () => {
    void logout().then(() => navigate('/'));
  };
  const links = [
    { to: '/products', label: t('nav.products'), show: true },
    { to: '/orders', label: t('nav.orders'), show: hasRole(me, 'CUSTOMER', 'PURCHASER', 'APPROVER', 'AGENCY_ADMIN') },
    { to: '/portal/agency', label: t('nav.agencyPortal'), show: hasRole(me, 'AGENCY_ADMIN', 'PURCHASER', 'APPROVER') },
    { to: '/produce', label: t('produce.title'), show: hasRole(me, 'FARMER') },
    { to: '/farmer', label: t('nav.farmer'), show: hasRole(me, 'FARMER') },
    { to: '/portal/supplier', label: t('nav.supplierPortal'), show: hasRole(me, ...SUPPLIER_ROLES) },
    { to: '/portal/stats', label: t('nav.stats'), show: hasRole(me, 'COORDINATOR', 'AUDITOR', 'PLATFORM_ADMIN') },
    {
      to: '/portal/supervision',
      label: t('nav.supervision'),
      show: hasRole(me, 'COORDINATOR', 'AUDITOR', 'PLATFORM_ADMIN'),
    },
    { to: '/portal/audit', label: t('nav.auditLog'), show: hasRole(me, 'AUDITOR', 'PLATFORM_ADMIN') },
    { to: '/portal/findings', label: t('nav.findings'), show: hasRole(me, 'AUDITOR', 'COORDINATOR', 'PLATFORM_ADMIN') },
    { to: '/portal/coordinator', label: t('nav.coordinator'), show: hasRole(me, 'COORDINATOR') },
    { to: '/portal/supply', label: t('produce.coord.title'), show: hasRole(me, 'COORDINATOR') },
    { to: '/portal/admin', label: t('admin.kicker'), show: hasRole(me, 'PLATFORM_ADMIN') },
    {
      to: '/portal/complaints',
      label: t('nav.complaints'),
      show: hasRole(me, 'COORDINATOR', 'AUDITOR', 'PLATFORM_ADMIN'),
    },
    { to: '/portal/admin/suspensions', label: t('nav.suspensions'), show: hasRole(me, 'PLATFORM_ADMIN') },
  ].filter((l) => l.show);

  return (
    <header className="site-header">
      <div className="container header-inner">
        {/* The link's name is its visible text plus a hidden "home" (an aria-label that differs from what
            is shown fails WCAG 2.5.3, label in name). */}
        <Link to="/" className="brand">
          <Logo />
          <span className="brand-text">
            <span className="brand-name">
              帮扶 <span className="brand-latin">Bangfu</span>
            </span>
            <span className="brand-tagline">{t('app.tagline')}</span>
            <span className="visually-hidden"> · {t('nav.home')}</span>
          </span>
        </Link>
        <nav className="header-links" aria-label={t('nav.main')}>
          <ul className="nav-links">
            {links.map((l) => (
              <li key={l.to}>
                <Link
                  to={l.to}
                  aria-current={pathname === l.to || pathname.startsWith(`${l.to}/`) ? 'page' : undefined}
                >
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-nav">
          <LanguageSwitch />
          {me !== undefined && buyer && (
            <Link
              to="/cart"
              className="cart-link"
              data-testid="cart-link"
              aria-current={pathname === '/cart' ? 'page' : undefined}
              aria-label={t('nav.cartCount', { count: cart.count })}
            >
              {t('nav.cart')}
              {cart.count > 0 && (
                <span className="count-badge" data-testid="cart-count">
                  {cart.count > 99 ? '99+' : cart.count}
                </span>
              )}
            </Link>
          )}
          {me ? (
            <>
              <Link to="/account" className="header-user" data-testid="header-user" title={t('account.title')}>
                {me.displayName}
              </Link>
              <button type="button" className="button button-quiet" onClick={signOut}>
                {t('nav.logout')}
              </button>
            </>
          ) : me === null && pathname !== '/login' ? (
            <Link to="/login" className="button button-primary">
              {t('nav.login')}
            </Link>
          ) : null}
        </div>
      </div>
    </header>
  );
}
