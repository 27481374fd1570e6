import { useId, useState } from 'react';
import type { ProductDetail } from '../api/catalog';
import { useI18n } from '../i18n';
import { type AddOutcome, canBuy, cleanQuantity, MAX_QUANTITY } from '../lib/cart';
import { useCart } from '../lib/cart-store';
import { formatFen } from '../lib/money';
import { Link } from '../lib/router';
import { useSession } from '../lib/session';
import { SelectField } from './SelectField';
import { Form } from './Form';

/** Variant, quantity and "add to cart" on the product page; prices follow who is buying. */
export function AddToCart({ product }: { product: ProductDetail }) {
  const { t } = useI18n();
  const { me } = useSession();
  const cart = useCart();
  const variants = product.variants.filter((v) => v.active !== false);
  const [variantId, setVariantId] = useState(
    () => (variants.find((v) => v.stockAvailable > 0) ?? variants[0])?.id ?? '',
  );
  const [quantityText, setQuantityText] = useState('1');
  const [added, setAdded] = useState<{ outcome: AddOutcome; quantity: number } | null>(null);
  const quantityId = useId();

  if (variants.length === 0) return null;
  // Visitors fill a cart too (kept in this browser, merged into theirs when they sign in).
  if (me === undefined) return null;
  if (!canBuy(cart.options)) {
    return (
      <p className="buy-box muted small" data-testid="buy-box">
        {t('cart.cannotBuy')}
      </p>
    );
  }

  const variant = variants.find((v) => v.id === variantId) ?? variants[0];
  const agency = cart.buyerOrgId !== null;
  const price = agency ? variant.agencyPrice : variant.retailPrice;
  const quantity = cleanQuantity(quantityText);
  const soldOut = variant.stockAvailable <= 0;
  const tooMany = quantity !== null && quantity > variant.stockAvailable;

  const submit = () => {
    if (quantity === null || soldOut || tooMany) return;
    const outcome = cart.add({ variantId: variant.id, productId: product.id, quantity });
    setAdded({ outcome, quantity });
  };

  return (
    <Form className="buy-box" onSubmit={submit} noValidate data-testid="buy-box" aria-label={t('cart.addTitle')}>
      {variants.length > 1 && (
        <SelectField
          label={t('variant.spec')}
          value={variant.id}
          onChange={(e) => {
            setVariantId(e.target.value);
            setAdded(null);
          }}
          options={variants.map((v) => [v.id, `${v.spec} / ${v.unit}`])}
        />
      )}
      <p className="buy-price">
        <span className="price" data-testid="buy-price">
          {formatFen(price)}
        </span>{' '}
        <span className="muted small">
          / {variant.unit} · {agency ? t('cart.agencyPrice') : t('cart.retailPrice')}
        </span>
      </p>
      <div className="buy-row">
        <div className="field field-compact quantity-field">
          <label htmlFor={quantityId}>{t('cart.quantity')}</label>
          <input
            id={quantityId}
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_QUANTITY}
            step={1}
            required
            value={quantityText}
            aria-invalid={quantity === null || tooMany}
            onChange={(e) => {
              setQuantityText(e.target.value);
              setAdded(null);
            }}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={soldOut || quantity === null || tooMany}>
          {soldOut ? t('variant.soldOut') : t('cart.add')}
        </button>
      </div>
      {quantity === null && <p className="field-error">{t('cart.problem.quantity', { max: MAX_QUANTITY })}</p>}
      {tooMany && (
        <p className="field-error">{t('cart.problem.stock', { count: variant.stockAvailable, unit: variant.unit })}</p>
      )}
      {added && (
        <p className="notice notice-ok" role="status" data-testid="added-to-cart">
          {added.outcome === 'full'
            ? t('cart.full')
            : added.outcome === 'capped'
              ? t('cart.capped', { max: MAX_QUANTITY })
              : t('cart.added', { count: added.quantity, unit: variant.unit })}{' '}
          <Link to="/cart">{t('cart.view')}</Link>
        </p>
      )}
    </Form>
  );
}
