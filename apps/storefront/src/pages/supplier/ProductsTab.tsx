import { useState } from 'react';
import { api } from '../../api/client';
import {
  OWN_PRODUCTS,
  type OwnProduct,
  PUBLISH_PRODUCT,
  SUBMIT_CERTIFICATION,
  UNPUBLISH_PRODUCT,
} from '../../api/portal';
import { ErrorNotice } from '../../components/Feedback';
import { StatusChip } from '../../components/StatusChip';
import { useI18n } from '../../i18n';
import { formatFen } from '../../lib/money';
import { Link } from '../../lib/router';
import { useAction } from '../../lib/use-action';
import { useConnection } from '../../lib/use-connection';
import { NewProductForm } from './NewProductForm';
import { ProductEditor } from './ProductEditor';
import { ConnectionStatus, LoadMore } from '../../components/ListStatus';
import { ActionButton } from '../../components/ActionButton';
import { TitledCard } from '../../components/TitledCard';

/** Certification may be (re)applied for when there is none in progress or in force. */
export const canApplyForCertification = (p: OwnProduct) =>
  !p.certification || ['REJECTED', 'EXPIRED', 'REVOKED'].includes(p.certification.status);

export function ProductsTab({ supplierId }: { supplierId: string }) {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const list = useConnection(OWN_PRODUCTS, { filter: { supplierId }, first: 20 }, (d) => d.products);

  const replace = (next: OwnProduct) =>
    list.update((nodes) =>
      nodes.some((n) => n.id === next.id) ? nodes.map((n) => (n.id === next.id ? next : n)) : [next, ...nodes],
    );

  return (
    <>
      {creating ? (
        <NewProductForm
          supplierId={supplierId}
          onCancel={() => setCreating(false)}
          onCreated={(p) => {
            replace(p);
            setCreating(false);
          }}
        />
      ) : (
        <div className="toolbar">
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            {t('products.new')}
          </button>
        </div>
      )}
      {editing && (
        <ProductEditor
          key={editing}
          productId={editing}
          onClose={() => setEditing(null)}
          onSaved={(p) => list.update((nodes) => nodes.map((n) => (n.id === p.id ? { ...n, title: p.title } : n)))}
        />
      )}
      <TitledCard title={t('portal.tab.products')}>
        <ConnectionStatus list={list} emptyText={t('products.noneYet')} />
        <ul className="row-list">
          {list.nodes.map((p) => (
            <OwnProductRow key={p.id} product={p} onChange={replace} onEdit={() => setEditing(p.id)} />
          ))}
        </ul>
        <LoadMore list={list} plain />
      </TitledCard>
    </>
  );
}

function OwnProductRow({
  product,
  onChange,
  onEdit,
}: {
  product: OwnProduct;
  onChange: (p: OwnProduct) => void;
  onEdit: () => void;
}) {
  const { t } = useI18n();
  const action = useAction(async (kind: 'publish' | 'unpublish' | 'certify') => {
    if (kind === 'certify') {
      const { submitCertification: c } = await api.request(SUBMIT_CERTIFICATION, { productId: product.id });
      onChange({
        ...product,
        certification: { id: c.id, status: c.status, certificateNo: c.certificateNo, validTo: c.validTo },
      });
      return;
    }
    const doc = kind === 'publish' ? PUBLISH_PRODUCT : UNPUBLISH_PRODUCT;
    const data = await api.request<Record<string, OwnProduct>, { productId: string }>(doc, { productId: product.id });
    onChange(Object.values(data)[0]);
  });

  return (
    <li className="row" data-testid="own-product" data-product-id={product.id}>
      <div className="row-main">
        <div className="row-title">
          <Link to={`/products/${product.id}`}>{product.title}</Link>
          <StatusChip domain="productStatus" status={product.status} />
          {product.certification && <StatusChip domain="certStatus" status={product.certification.status} />}
        </div>
        <p className="muted small">
          {product.originRegion?.name}
          {product.variants
            .map(
              (v) =>
                ` · ${v.spec}/${v.unit} ${formatFen(v.retailPrice)} · ${t('variant.stockShort', { count: v.stockAvailable })}`,
            )
            .join('')}
        </p>
        <ErrorNotice error={action.error} />
      </div>
      <div className="row-actions">
        <button type="button" className="button button-quiet" onClick={onEdit} data-testid="edit-product">
          {t('productEdit.open')}
        </button>
        {product.status !== 'PUBLISHED' ? (
          <ActionButton action={action} args={['publish']} variant="primary">
            {t('products.publish')}
          </ActionButton>
        ) : (
          <ActionButton action={action} args={['unpublish']}>
            {t('products.unpublish')}
          </ActionButton>
        )}
        {canApplyForCertification(product) && (
          <ActionButton action={action} args={['certify']}>
            {t('certs.submit')}
          </ActionButton>
        )}
      </div>
    </li>
  );
}
