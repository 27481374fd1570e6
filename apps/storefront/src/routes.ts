// The page table: one line per page; `/*` matches a portal and all its sections.
import type { RouteDef } from './lib/router';
import { AccountPage } from './pages/AccountPage';
import { AuditLogPage } from './pages/audit/AuditLogPage';
import { ComplaintsPage } from './pages/aftersales/ComplaintsPage';
import { SuspensionProposalsPage } from './pages/aftersales/SuspensionProposalsPage';
import { AgencyPortalPage } from './pages/agency/AgencyPortalPage';
import { FarmerIncomePage } from './pages/farmer/FarmerIncomePage';
import { FindingPage } from './pages/findings/FindingPage';
import { FindingsPage } from './pages/findings/FindingsPage';
import { CoordinatorPage } from './pages/coordinator/CoordinatorPage';
import { AdminConsolePage } from './pages/admin/AdminConsolePage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { CartPage } from './pages/orders/CartPage';
import { CheckoutPage } from './pages/orders/CheckoutPage';
import { OrderPage } from './pages/orders/OrderPage';
import { OrdersPage } from './pages/orders/OrdersPage';
import { ProductPage } from './pages/ProductPage';
import { ProductsPage } from './pages/ProductsPage';
import { LazyStatsPage } from './pages/stats/LazyStatsPage';
import { SupplierPortalPage } from './pages/supplier/SupplierPortalPage';
import { SupervisionPage } from './pages/supervision/SupervisionPage';

export const routes: RouteDef[] = [
  { path: '/', page: HomePage },
  { path: '/login', page: LoginPage },
  { path: '/account', page: AccountPage },
  { path: '/products', page: ProductsPage },
  { path: '/products/:id', page: ProductPage },
  { path: '/cart', page: CartPage },
  { path: '/checkout', page: CheckoutPage },
  { path: '/orders', page: OrdersPage },
  { path: '/orders/:id', page: OrderPage },
  { path: '/portal/supplier/*', page: SupplierPortalPage },
  { path: '/portal/admin/suspensions', page: SuspensionProposalsPage },
  { path: '/portal/admin/*', page: AdminConsolePage },
  { path: '/portal/complaints', page: ComplaintsPage },
  { path: '/portal/coordinator', page: CoordinatorPage },
  { path: '/portal/stats', page: LazyStatsPage },
  { path: '/portal/supervision', page: SupervisionPage },
  { path: '/portal/audit', page: AuditLogPage },
  { path: '/portal/findings', page: FindingsPage },
  { path: '/portal/findings/:id', page: FindingPage },
  { path: '/portal/agency/*', page: AgencyPortalPage },
  { path: '/farmer', page: FarmerIncomePage },
];
