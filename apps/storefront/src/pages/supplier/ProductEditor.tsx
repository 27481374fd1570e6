import { useEffect, useState } from 'react';
import './supplier-tools.css';
import { api } from '../../api/client';
import {
  EDITABLE_PRODUCT,
  type EditableProduct,
  type EditableVariant,
  UPDATE_PRODUCT,
  UPDATE_VARIANT,
} from '../../api/supplier-tools';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { useI18n } from '../../i18n';
import { formatFen } from '../../lib/money';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import {
  PRICE_FIELDS,
  type VariantEdit,
  type VariantProblem,
  variantChanges,
  variantEditOf,
} from '../../lib/variant-edit';
import { ProductImagesEditor } from './ProductImagesEditor';
import { Form } from '../../components/Form';
import { TextField } from '../../components/FormField';

function VariantRow({ variant, onSaved }: { variant: EditableVariant; onSaved: (v: EditableVariant) => void }) {
  const { t } = useI18n();
  const [edit, setEdit] = useState<VariantEdit>(() => variantEditOf(variant));
  const [problems, setProblems] = useState<Record<string, VariantProblem>>({});
  const [saved, setSaved] = useState(false);
  const save = useAction(
    async (input: NonNullable<ReturnType<typeof variantChanges>['input']>) =>
      (await api.request(UPDATE_VARIANT, { input })).updateVariant,
  );
  useEffect(() => setEdit(variantEditOf(variant)), [variant]);

  const submit = async () => {
    const { input, problems: found } = variantChanges(variant, edit);
    setProblems(found);
    setSaved(false);
    if (!input) return;
    const next = await save.run(input);
    if (next) {
      onSaved(next);
      setSaved(true);
    }
  };
  const problem = (field: string) =>
    problems[field] ? (
      <span className="field-error" role="alert">
        {t(`productEdit.problem.${problems[field]}`)}
      </span>
    ) : null;

  return (
    <Form className="variant-editor" onSubmit={submit} data-testid="variant-edit" data-sku={variant.sku} noValidate>
      <p className="mono small variant-editor-sku">
        {variant.sku} · {t('productEdit.stockNow', { onHand: variant.stockOnHand, available: variant.stockAvailable })}
      </p>
      <label className="field field-compact">
        <span>{t('variant.spec')}</span>
        <input
          value={edit.spec}
          onChange={(e) => setEdit({ ...edit, spec: e.target.value })}
          aria-invalid={!!problems.spec}
        />
        {problem('spec')}
      </label>
      {PRICE_FIELDS.map((field) => (
        <label className="field field-compact" key={field}>
          <span>{t(`variant.${field}`)} (¥)</span>
          <input
            inputMode="decimal"
            value={edit[field]}
            onChange={(e) => setEdit({ ...edit, [field]: e.target.value })}
            aria-invalid={!!problems[field]}
          />
          {problem(field)}
        </label>
      ))}
      <label className="field field-compact">
        <span>{t('productEdit.stockAdjustment')}</span>
        <input
          inputMode="numeric"
          placeholder="+10 / -2"
          value={edit.stockAdjustment}
          onChange={(e) => setEdit({ ...edit, stockAdjustment: e.target.value })}
          aria-invalid={!!problems.stockAdjustment}
        />
        {problem('stockAdjustment')}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={edit.active} onChange={(e) => setEdit({ ...edit, active: e.target.checked })} />
        {t('productEdit.active')}
      </label>
      <div className="form-actions">
        <button type="submit" className="button button-primary button-small" disabled={save.busy}>
          {t('productEdit.saveVariant')}
        </button>
        {saved && (
          <span className="muted small" role="status">
            {t('productEdit.saved')} · {formatFen(variant.retailPrice)}
          </span>
        )}
      </div>
      <ErrorNotice error={save.error} />
    </Form>
  );
}

/** 编辑商品: title and description, each variant's prices, stock and availability, and the photos. */
export function ProductEditor({
  productId,
  onClose,
  onSaved,
}: {
  productId: string;
  onClose: () => void;
  onSaved: (p: EditableProduct) => void;
}) {
  const { t } = useI18n();
  const { data, error, loading, reload, setData } = useQuery(EDITABLE_PRODUCT, { id: productId });
  const product = data?.product;
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [saved, setSaved] = useState(false);
  // The form starts from the stored product and follows it after a save.
  useEffect(() => {
    if (product) {
      setTitle(product.title);
      setDescription(product.description);
    }
  }, [product?.id, product?.title, product?.description]);
  const save = useAction(
    async () =>
      (
        await api.request(UPDATE_PRODUCT, {
          input: { productId, title: title.trim(), description },
        })
      ).updateProduct,
  );
  const patch = (next: Partial<EditableProduct>) =>
    setData((d) => d && d.product && { product: { ...d.product, ...next } });

  if (loading && !data) return <Loading />;
  if (!product) return <ErrorNotice error={error} onRetry={reload} />;

  const submit = async () => {
    setSaved(false);
    const next = await save.run();
    if (next) {
      patch(next);
      onSaved(next);
      setSaved(true);
    }
  };

  return (
    <section className="card product-editor" aria-labelledby={`edit-${productId}`} data-testid="product-editor">
      <div className="section-head-row">
        <h2 id={`edit-${productId}`}>{t('productEdit.title', { title: product.title })}</h2>
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('productEdit.close')}
        </button>
      </div>
      <Form className="form" onSubmit={submit} noValidate>
        <ErrorNotice error={save.error} />
        <TextField
          label={t('product.title')}
          name="title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          aria-invalid={!title.trim()}
        />
        <label className="field">
          <span>{t('product.description')}</span>
          <textarea name="description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={save.busy || !title.trim()}>
            {t('productEdit.save')}
          </button>
          {saved && (
            <span className="muted small" role="status">
              {t('productEdit.saved')}
            </span>
          )}
        </div>
      </Form>
      <ProductImagesEditor
        productId={productId}
        images={product.images}
        onChange={(images) => patch({ images })}
        reload={reload}
      />
      <fieldset className="fieldset">
        <legend>{t('product.variants')}</legend>
        {product.variants.map((v) => (
          <VariantRow
            key={v.id}
            variant={v}
            onSaved={(next) => patch({ variants: product.variants.map((x) => (x.id === next.id ? next : x)) })}
          />
        ))}
      </fieldset>
    </section>
  );
}
