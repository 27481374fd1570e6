// The page table. New pages (products, product detail, portals) are one line each, e.g.
// { path: '/products/:id', page: ProductPage } or { path: '/portal/*', page: PortalPage }.
import type { RouteDef } from './lib/router';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';

export const routes: RouteDef[] = [
  { path: '/', page: HomePage },
  { path: '/login', page: LoginPage },
];
