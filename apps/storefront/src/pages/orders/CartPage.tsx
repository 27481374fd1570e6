import type { ReactNode } from 'react';
import { CartGroups } from '../../components/CartGroups';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { RequireRole } from '../../components/Guard';
import { SelectField } from '../../components/SelectField';
import { useI18n } from '../../i18n';
import { BUYER_ROLES } from '../../lib/cart';
import { formatFen } from '../../lib/money';
import { Link } from '../../lib/router';
import { useCart } from '../../lib/cart-store';
import { usePricedCart } from '../../lib/use-priced-cart';
import { useSession } from '../../lib/session';

/** Chooses who buys when the user may buy both privately and for an agency (prices differ). */
/** The cart has nothing in it: say so, and lead to the products. */
export function EmptyCart() {
  const { t } = useI18n();
  return (
    <section className="card" data-testid="cart-empty">
      <p>{t('cart.empty')}</p>
      <Link to="/products" className="button button-primary">
        {t('cart.browse')}
      </Link>
    </section>
  );
}

export function BuyerSelect() {
  const { t } = useI18n();
  const { options, buyerOrgId, setBuyer } = useCart();
  if ((options.retail ? 1 : 0) + options.agencies.length < 2) return null;
  return (
    <SelectField
      compact
      label={t('cart.buyer')}
      value={buyerOrgId ?? ''}
      onChange={(e) => setBuyer(e.target.value || null)}
    >
      {options.retail && <option value="">{t('cart.buyer.retail')}</option>}
      {options.agencies.map((a) => (
        <option key={a.id} value={a.id}>
          {t('cart.buyer.agency', { name: a.name })}
        </option>
      ))}
    </SelectField>
  );
}

function Cart() {
  const { t } = useI18n();
  const { me } = useSession();
  const { cart, priced, ready, error, reload, buyerOrgId, options, setQuantity, remove } = usePricedCart();
  const agencyName = options.agencies.find((a) => a.id === buyerOrgId)?.name;

  return (
    <div className="container page-body cart-page">
      <div className="portal-head">
        <div>
          <h1>{t('cart.title')}</h1>
          <p className="muted">
            {buyerOrgId ? t('cart.pricedForAgency', { name: agencyName ?? '' }) : t('cart.pricedRetail')}
          </p>
        </div>
        <BuyerSelect />
      </div>
      <ErrorNotice error={error} onRetry={reload} />
      {cart.lines.length === 0 ? (
        <EmptyCart />
      ) : !ready ? (
        <Loading />
      ) : (
        <>
          <CartGroups priced={priced} editable onQuantity={setQuantity} onRemove={(id) => remove([id])} />
          {priced.unavailable.length > 0 && (
            <section className="card" data-testid="cart-unavailable">
              <h2>{t('cart.unavailable')}</h2>
              <p className="muted small">{t('cart.unavailableHint')}</p>
              <button
                type="button"
                className="button button-quiet"
                onClick={() => remove(priced.unavailable.map((l) => l.variantId))}
              >
                {t('cart.removeUnavailable', { count: priced.unavailable.length })}
              </button>
            </section>
          )}
          <CartSummary total={priced.total} units={priced.units} suppliers={priced.groups.length}>
            <Link
              to={me ? '/checkout' : `/login?next=${encodeURIComponent('/checkout')}`}
              className={`button button-primary${priced.groups.length ? '' : ' is-disabled'}`}
              aria-disabled={!priced.groups.length}
              data-testid="go-checkout"
            >
              {t('cart.checkout')}
            </Link>
          </CartSummary>
        </>
      )}
    </div>
  );
}

export function CartSummary({
  total,
  units,
  suppliers,
  children,
}: {
  total: number;
  units: number;
  suppliers: number;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section className="card cart-summary" aria-label={t('cart.summary')}>
      <div>
        <p className="muted small">{t('cart.summaryLine', { units, suppliers })}</p>
        <p className="cart-total">
          {t('cart.total')}{' '}
          <strong className="price" data-testid="cart-total">
            {formatFen(total)}
          </strong>
        </p>
      </div>
      {children}
    </section>
  );
}

export function CartPage() {
  const { me } = useSession();
  // A visitor's cart is shown as is; checkout asks them to sign in first (the cart comes along).
  if (me === null) return <Cart />;
  return (
    <RequireRole roles={BUYER_ROLES}>
      <Cart />
    </RequireRole>
  );
}
