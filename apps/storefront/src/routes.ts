// The page table: one line per page; `/*` matches a portal and all its sections.
import type { RouteDef } from './lib/router';
import { CoordinatorPage } from './pages/coordinator/CoordinatorPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { ProductPage } from './pages/ProductPage';
import { ProductsPage } from './pages/ProductsPage';
import { SupplierPortalPage } from './pages/supplier/SupplierPortalPage';

export const routes: RouteDef[] = [
  { path: '/', page: HomePage },
  { path: '/login', page: LoginPage },
  { path: '/products', page: ProductsPage },
  { path: '/products/:id', page: ProductPage },
  { path: '/portal/supplier/*', page: SupplierPortalPage },
  { path: '/portal/coordinator', page: CoordinatorPage },
];
