import { type ReactNode, useEffect, useId, useState } from 'react';
import { useI18n } from '../i18n';
import { cleanQuantity, MAX_QUANTITY, type PricedCart, type PricedLine } from '../lib/cart';
import { formatFen } from '../lib/money';
import { Link } from '../lib/router';

/** −, a number field, +; a typed value is applied once it is a valid quantity. */
/** 小计 under one supplier's lines, in the cart and on an order alike. */
export function Subtotal({ amount, testId }: { amount: number; testId: string }) {
  const { t } = useI18n();
  return (
    <p className="cart-subtotal">
      <span className="muted">{t('cart.subtotal')}</span>{' '}
      <strong className="num" data-testid={testId}>
        {formatFen(amount)}
      </strong>
    </p>
  );
}

export function QuantityStepper({
  value,
  max,
  label,
  onChange,
}: {
  value: number;
  max: number;
  label: string;
  onChange: (q: number) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const limit = Math.min(MAX_QUANTITY, Math.max(1, max));
  const parsed = cleanQuantity(text);
  return (
    <div className="stepper">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <button
        type="button"
        className="stepper-button"
        aria-label={t('cart.decrease')}
        disabled={value <= 1}
        onClick={() => onChange(value - 1)}
      >
        −
      </button>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_QUANTITY}
        step={1}
        value={text}
        aria-invalid={parsed === null}
        onChange={(e) => {
          setText(e.target.value);
          const q = cleanQuantity(e.target.value);
          if (q !== null) onChange(q);
        }}
        onBlur={() => setText(String(value))}
      />
      <button
        type="button"
        className="stepper-button"
        aria-label={t('cart.increase')}
        disabled={value >= limit}
        onClick={() => onChange(value + 1)}
      >
        +
      </button>
    </div>
  );
}

/**
 * Cart lines grouped by supplier — one group becomes one supplier order. Editable in the cart,
 * read-only at checkout (where a refused line still gets its fix through `renderProblem`).
 */
export function CartGroups({
  priced,
  editable,
  onQuantity,
  onRemove,
  renderProblem,
}: {
  priced: PricedCart;
  editable: boolean;
  onQuantity?: (variantId: string, quantity: number) => void;
  onRemove?: (variantId: string) => void;
  renderProblem?: (line: PricedLine) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      {priced.groups.map((group) => (
        <section
          key={group.supplierId}
          className="card cart-group"
          data-testid="cart-group"
          data-supplier-id={group.supplierId}
          aria-label={group.supplierName}
        >
          <header className="cart-group-head">
            <p className="label">{t('cart.supplier')}</p>
            <h2 data-testid="cart-group-supplier">
              <Link to={`/suppliers/${group.supplierId}`}>{group.supplierName}</Link>
            </h2>
          </header>
          <ul className="row-list">
            {group.lines.map((p) => {
              const problem = renderProblem?.(p);
              return (
                <li
                  key={p.variant.id}
                  className={`row cart-line${problem ? ' has-problem' : ''}`}
                  data-testid="cart-line"
                  data-variant-id={p.variant.id}
                >
                  <div className="row-main">
                    <div className="row-title">
                      <Link to={`/products/${p.product.id}`}>{p.product.title}</Link>
                    </div>
                    <p className="muted small">
                      {p.variant.spec} / {p.variant.unit} · {formatFen(p.unitPrice)}
                    </p>
                    {p.shortOfStock && !problem && (
                      <p className="field-error" data-testid="stock-warning">
                        {p.variant.stockAvailable > 0
                          ? t('cart.problem.stock', { count: p.variant.stockAvailable, unit: p.variant.unit })
                          : t('variant.soldOut')}
                      </p>
                    )}
                    {problem}
                  </div>
                  <div className="cart-line-side">
                    {editable && onQuantity ? (
                      <QuantityStepper
                        value={p.line.quantity}
                        max={MAX_QUANTITY}
                        label={t('cart.quantityOf', { title: p.product.title })}
                        onChange={(q) => onQuantity(p.variant.id, q)}
                      />
                    ) : (
                      <span className="muted" data-testid="line-quantity">
                        × {p.line.quantity} {p.variant.unit}
                      </span>
                    )}
                    <span className="num price" data-testid="line-total">
                      {formatFen(p.lineTotal)}
                    </span>
                    {editable && onRemove && (
                      <button type="button" className="link-button" onClick={() => onRemove(p.variant.id)}>
                        {t('cart.remove')}
                      </button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
          <Subtotal amount={group.subtotal} testId="group-subtotal" />
        </section>
      ))}
    </>
  );
}
