import { Header } from './components/Header';
import { I18nProvider, useI18n } from './i18n';
import { CartProvider } from './lib/cart-store';
import { Link, useRoute } from './lib/router';
import { SessionProvider } from './lib/session';
import { NotFoundPage } from './pages/NotFoundPage';
import { routes } from './routes';

function Shell() {
  const { t } = useI18n();
  const { route, params } = useRoute(routes);
  const Page = route?.page ?? NotFoundPage;
  return (
    <>
      <Header />
      <main id="main">
        <Page params={params} />
      </main>
      <footer className="site-footer">
        <div className="container footer-inner">
          <span>{t('footer.text')}</span>
          <Link to="/portal/supplier">{t('footer.join')}</Link>
        </div>
      </footer>
    </>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <CartProvider>
          <Shell />
        </CartProvider>
      </SessionProvider>
    </I18nProvider>
  );
}
