import { Controller, useFieldArray } from 'react-hook-form';
import { api } from '../../api/client';
import { CATEGORIES } from '../../api/catalog';
import { CREATE_PRODUCT, type CreateProductInput, type OwnProduct, VARIANT_UNITS } from '../../api/portal';
import { ErrorNotice } from '../../components/Feedback';
import { FieldProblem, TextField } from '../../components/FormField';
import { RegionPicker } from '../../components/RegionPicker';
import { SelectField } from '../../components/SelectField';
import { useI18n } from '../../i18n';
import { CategoryOptions } from '../../components/CategoryOptions';
import { newProductSchema } from '../../lib/forms';
import { emptyProduct, emptyVariant } from '../../lib/product-form';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { useServerProblem, useZodForm } from '../../lib/use-zod-form';
import { FormActions } from '../../components/FormActions';

const FALLBACK_UNITS = ['kg', 'g', '斤', '箱', '盒', '袋', '瓶', '罐', '个', '只', '头', '件', '份'];
const PRICE_FIELDS = ['retailPrice', 'agencyPrice', 'marketReferencePrice'] as const;

/** 新产品: title, description, category, origin and one or more variants; lib/product-form.ts checks and converts. */
export function NewProductForm({
  supplierId,
  onCreated,
  onCancel,
}: {
  supplierId: string;
  onCreated: (p: OwnProduct) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const form = useZodForm(newProductSchema(supplierId), emptyProduct());
  const variants = useFieldArray({ control: form.control, name: 'variants' });
  const problems = form.formState.errors;
  const categories = useQuery(CATEGORIES);
  const units = useQuery(VARIANT_UNITS).data?.variantUnits ?? FALLBACK_UNITS;
  const create = useAction((input: CreateProductInput) => api.request(CREATE_PRODUCT, { input }));
  useServerProblem(form, create.error, { originRegionCode: 'origin' });

  const submit = form.handleSubmit(async (input) => {
    const done = await create.run(input);
    if (done) onCreated(done.createProduct);
  });

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="new-product-title" noValidate>
      <h2 id="new-product-title">{t('products.new')}</h2>
      <ErrorNotice error={create.error} />
      <TextField label={t('product.title')} error={problems.title} {...form.register('title')} />
      <label className="field">
        <span>{t('product.description')}</span>
        <textarea rows={3} {...form.register('description')} />
      </label>
      <SelectField label={t('filter.category')} {...form.register('categoryId')}>
        <option value="">{t('filter.category.none')}</option>
        <CategoryOptions categories={categories.data?.categories ?? []} />
      </SelectField>
      <fieldset className="fieldset">
        <legend>{t('product.origin')}</legend>
        <Controller
          control={form.control}
          name="origin"
          render={({ field }) => <RegionPicker value={field.value} deepest={5} onChange={field.onChange} />}
        />
        {problems.origin ? (
          <FieldProblem error={problems.origin} />
        ) : (
          <p className="hint">{t('products.originHint')}</p>
        )}
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('product.variants')}</legend>
        {variants.fields.map((row, i) => {
          const rowProblems = problems.variants?.[i];
          return (
            <div className="variant-editor" key={row.id} data-testid="variant-editor">
              <TextField
                compact
                label={t('variant.spec')}
                placeholder="250g×2"
                error={rowProblems?.spec}
                {...form.register(`variants.${i}.spec`)}
              />
              <SelectField
                compact
                label={t('variant.unit')}
                {...form.register(`variants.${i}.unit`)}
                options={units.map((u) => [u, u])}
              />
              {PRICE_FIELDS.map((field) => (
                <TextField
                  compact
                  key={field}
                  label={`${t(`variant.${field}`)} (¥)`}
                  inputMode="decimal"
                  error={rowProblems?.[field]}
                  {...form.register(`variants.${i}.${field}`)}
                />
              ))}
              <TextField
                compact
                label={t('variant.stockOnHand')}
                inputMode="numeric"
                error={rowProblems?.stockOnHand}
                {...form.register(`variants.${i}.stockOnHand`)}
              />
              <TextField
                compact
                label={t('variant.sku')}
                className="mono"
                placeholder={t('variant.skuAuto')}
                error={rowProblems?.sku}
                {...form.register(`variants.${i}.sku`)}
              />
              {variants.fields.length > 1 && (
                <button type="button" className="link-button" onClick={() => variants.remove(i)}>
                  {t('variant.remove')}
                </button>
              )}
            </div>
          );
        })}
        <button type="button" className="button button-quiet" onClick={() => variants.append(emptyVariant())}>
          {t('variant.add')}
        </button>
      </fieldset>
      <p className="hint">{t('products.draftHint')}</p>
      <FormActions
        label={create.busy ? t('form.submitting') : t('products.create')}
        disabled={create.busy}
        onCancel={onCancel}
      />
    </form>
  );
}
