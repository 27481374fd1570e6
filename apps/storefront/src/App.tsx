import { Outlet, ScrollRestoration } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { Header } from './components/Header';
import { I18nProvider, useI18n } from './i18n';
import { CartProvider } from './lib/cart-store';
import { createAppRouter, Link, pageRoutes } from './lib/router';
import { SessionProvider } from './lib/session';
import { NotFoundPage } from './pages/NotFoundPage';
import { routes } from './routes';

/** Header, the matched page and the footer; a new page starts at the top, Back returns to where it was. */
function Shell() {
  const { t } = useI18n();
  return (
    <>
      <Header />
      <main id="main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container footer-inner">
          <span>{t('footer.text')}</span>
          <Link to="/portal/supplier">{t('footer.join')}</Link>
        </div>
      </footer>
      <ScrollRestoration />
    </>
  );
}

// One router for the page's life, made outside React so StrictMode's double renders cannot make a second one
// that `navigate()` would drive while the first is shown.
const router = createAppRouter(pageRoutes(routes, <Shell />, <NotFoundPage />));

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <CartProvider>
          <RouterProvider router={router} />
        </CartProvider>
      </SessionProvider>
    </I18nProvider>
  );
}
