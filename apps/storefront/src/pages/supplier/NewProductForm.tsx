import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { CATEGORIES } from '../../api/catalog';
import { CREATE_PRODUCT, type CreateProductInput, type OwnProduct, VARIANT_UNITS } from '../../api/portal';
import { ErrorNotice } from '../../components/Feedback';
import { RegionPicker } from '../../components/RegionPicker';
import { useI18n } from '../../i18n';
import { categoryOptions } from '../../lib/categories';
import {
  buildCreateProductInput,
  emptyProduct,
  emptyVariant,
  type FormErrors,
  type ProductDraft,
  type VariantDraft,
} from '../../lib/product-form';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { SelectField } from '../../components/SelectField';

const FALLBACK_UNITS = ['kg', 'g', '斤', '箱', '盒', '袋', '瓶', '罐', '个', '只', '头', '件', '份'];

export function NewProductForm({
  supplierId,
  onCreated,
  onCancel,
}: {
  supplierId: string;
  onCreated: (p: OwnProduct) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<ProductDraft>(emptyProduct);
  const [errors, setErrors] = useState<FormErrors>({});
  const categories = useQuery(CATEGORIES);
  const units = useQuery(VARIANT_UNITS).data?.variantUnits ?? FALLBACK_UNITS;
  const create = useAction((input: CreateProductInput) => api.request(CREATE_PRODUCT, { input }));

  const problem = (field: string) => {
    const p = errors[field];
    return p ? (
      <span className="field-error" role="alert">
        {t(`form.problem.${p}`)}
      </span>
    ) : null;
  };
  const setVariant = (i: number, patch: Partial<VariantDraft>) =>
    setDraft({ ...draft, variants: draft.variants.map((v, j) => (j === i ? { ...v, ...patch } : v)) });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const built = buildCreateProductInput(supplierId, draft);
    setErrors(built.errors ?? {});
    if (!built.input) return;
    const done = await create.run(built.input);
    if (done) onCreated(done.createProduct);
  };

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="new-product-title" noValidate>
      <h2 id="new-product-title">{t('products.new')}</h2>
      <ErrorNotice error={create.error} />
      <label className="field">
        <span>{t('product.title')}</span>
        <input
          name="title"
          value={draft.title}
          aria-invalid={!!errors.title}
          onChange={(e) => setDraft({ ...draft, title: e.target.value })}
        />
        {problem('title')}
      </label>
      <label className="field">
        <span>{t('product.description')}</span>
        <textarea
          name="description"
          rows={3}
          value={draft.description}
          onChange={(e) => setDraft({ ...draft, description: e.target.value })}
        />
      </label>
      <SelectField
        label={t('filter.category')}
        name="categoryId"
        value={draft.categoryId}
        onChange={(e) => setDraft({ ...draft, categoryId: e.target.value })}
      >
        <option value="">{t('filter.category.none')}</option>
        {categoryOptions(categories.data?.categories ?? []).map(({ category, depth }) => (
          <option key={category.id} value={category.id}>
            {'\u3000'.repeat(depth)}
            {locale === 'en' && category.nameEn ? category.nameEn : category.name}
          </option>
        ))}
      </SelectField>
      <fieldset className="fieldset">
        <legend>{t('product.origin')}</legend>
        <RegionPicker value={draft.origin} deepest={5} onChange={(origin) => setDraft({ ...draft, origin })} />
        {problem('origin') ?? <p className="hint">{t('products.originHint')}</p>}
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('product.variants')}</legend>
        {draft.variants.map((v, i) => (
          <div className="variant-editor" key={i} data-testid="variant-editor">
            <label className="field field-compact">
              <span>{t('variant.spec')}</span>
              <input
                name={`variants.${i}.spec`}
                placeholder="250g×2"
                value={v.spec}
                onChange={(e) => setVariant(i, { spec: e.target.value })}
              />
              {problem(`variants.${i}.spec`)}
            </label>
            <SelectField
              compact
              label={t('variant.unit')}
              name={`variants.${i}.unit`}
              value={v.unit}
              onChange={(e) => setVariant(i, { unit: e.target.value })}
            >
              {units.map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </SelectField>
            {(['retailPrice', 'agencyPrice', 'marketReferencePrice'] as const).map((field) => (
              <label className="field field-compact" key={field}>
                <span>{t(`variant.${field}`)} (¥)</span>
                <input
                  name={`variants.${i}.${field}`}
                  inputMode="decimal"
                  value={v[field]}
                  onChange={(e) => setVariant(i, { [field]: e.target.value })}
                />
                {problem(`variants.${i}.${field}`)}
              </label>
            ))}
            <label className="field field-compact">
              <span>{t('variant.stockOnHand')}</span>
              <input
                name={`variants.${i}.stockOnHand`}
                inputMode="numeric"
                value={v.stockOnHand}
                onChange={(e) => setVariant(i, { stockOnHand: e.target.value })}
              />
              {problem(`variants.${i}.stockOnHand`)}
            </label>
            <label className="field field-compact">
              <span>{t('variant.sku')}</span>
              <input
                name={`variants.${i}.sku`}
                className="mono"
                placeholder={t('variant.skuAuto')}
                value={v.sku}
                onChange={(e) => setVariant(i, { sku: e.target.value })}
              />
              {problem(`variants.${i}.sku`)}
            </label>
            {draft.variants.length > 1 && (
              <button
                type="button"
                className="link-button"
                onClick={() => setDraft({ ...draft, variants: draft.variants.filter((_, j) => j !== i) })}
              >
                {t('variant.remove')}
              </button>
            )}
          </div>
        ))}
        <button
          type="button"
          className="button button-quiet"
          onClick={() => setDraft({ ...draft, variants: [...draft.variants, emptyVariant()] })}
        >
          {t('variant.add')}
        </button>
      </fieldset>
      <p className="hint">{t('products.draftHint')}</p>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.busy}>
          {create.busy ? t('form.submitting') : t('products.create')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
