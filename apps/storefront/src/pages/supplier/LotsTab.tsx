import { useState } from 'react';
import { api } from '../../api/client';
import { CREATE_LOT, type CreateLotInput, HOUSEHOLDS, LOTS, OWN_PRODUCTS } from '../../api/portal';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { StatusChip } from '../../components/StatusChip';
import { useI18n } from '../../i18n';
import { shanghaiToday } from '../../lib/certification';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { SelectField } from '../../components/SelectField';
import { DataTable } from '../../components/DataTable';
import { FormActions } from '../../components/FormActions';
import { Form } from '../../components/Form';
import { TextField } from '../../components/FormField';
import { TitledCard } from '../../components/TitledCard';

type Row = { householdId: string; quantity: string };

export function LotsTab({ supplierId }: { supplierId: string }) {
  const { t } = useI18n();
  const products = useQuery(OWN_PRODUCTS, { filter: { supplierId }, first: 100 });
  const nodes = products.data?.products.edges.map((e) => e.node) ?? [];
  const [variantId, setVariantId] = useState('');
  const variants = nodes.flatMap((p) => p.variants.map((v) => ({ ...v, product: p })));
  const variant = variants.find((v) => v.id === variantId) ?? variants[0];

  if (products.loading && !products.data) return <Loading />;
  if (products.error) return <ErrorNotice error={products.error} onRetry={products.reload} />;
  if (!variant) return <p className="card muted">{t('lots.noVariants')}</p>;

  return (
    <>
      <section className="card">
        <SelectField
          label={t('lots.variant')}
          name="variantId"
          value={variant.id}
          onChange={(e) => setVariantId(e.target.value)}
          options={variants.map((v) => [v.id, `${v.product.title} · ${v.spec}/${v.unit}`])}
        />
        <p className="muted small">{t('lots.stockNow', { count: variant.stockOnHand, unit: variant.unit })}</p>
      </section>
      <VariantLots
        key={variant.id}
        supplierId={supplierId}
        variantId={variant.id}
        unit={variant.unit}
        onCreated={products.reload}
      />
    </>
  );
}

function VariantLots({
  supplierId,
  variantId,
  unit,
  onCreated,
}: {
  supplierId: string;
  variantId: string;
  unit: string;
  onCreated: () => void;
}) {
  const { t } = useI18n();
  const lots = useQuery(LOTS, { variantId });
  const households = useQuery(HOUSEHOLDS, { filter: { supplierId }, first: 100 });
  const people = households.data?.households.edges.map((e) => e.node) ?? [];
  const nameOf = (id: string) => people.find((h) => h.id === id)?.headName ?? id.slice(0, 8);

  const [lotNo, setLotNo] = useState('');
  const [harvestedOn, setHarvestedOn] = useState(shanghaiToday());
  const [rows, setRows] = useState<Row[]>([{ householdId: '', quantity: '' }]);
  const [invalid, setInvalid] = useState(false);
  const create = useAction((input: CreateLotInput) => api.request(CREATE_LOT, { input }));

  const submit = async () => {
    const ok =
      lotNo.trim() && harvestedOn && rows.every((r) => r.householdId && /^[1-9]\d{0,8}$/.test(r.quantity.trim()));
    setInvalid(!ok);
    if (!ok) return;
    const done = await create.run({
      variantId,
      lotNo: lotNo.trim(),
      harvestedOn,
      contributions: rows.map((r) => ({ householdId: r.householdId, quantity: Number(r.quantity.trim()) })),
    });
    if (done) {
      lots.setData((d) => ({ lots: [done.createLot, ...(d?.lots ?? [])] }));
      setLotNo('');
      setRows([{ householdId: '', quantity: '' }]);
      onCreated();
    }
  };

  return (
    <>
      <TitledCard title={t('lots.title')}>
        <ErrorNotice error={lots.error} onRetry={lots.reload} />
        {lots.loading && !lots.data ? (
          <Loading />
        ) : lots.data?.lots.length === 0 ? (
          <p className="muted">{t('lots.none')}</p>
        ) : (
          <DataTable
            scoped
            columns={[
              t('lots.lotNo'),
              t('lots.harvestedOn'),
              { label: t('lots.quantity'), num: true },
              { label: t('lots.remaining'), num: true },
              t('lots.households'),
            ]}
          >
            {lots.data?.lots.map((l) => (
              <tr key={l.id}>
                <th scope="row" className="mono">
                  {l.lotNo}
                </th>
                <td>{l.harvestedOn}</td>
                <td className="num">
                  {l.quantity} {unit}
                </td>
                <td className="num">{l.remaining}</td>
                <td>{l.contributions.map((c) => `${nameOf(c.householdId)} ${c.quantity}`).join('、')}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </TitledCard>

      <Form className="card form" onSubmit={submit} aria-labelledby="new-lot-title" noValidate>
        <h2 id="new-lot-title">{t('lots.new')}</h2>
        <ErrorNotice error={create.error ?? households.error} />
        <div className="form-grid">
          <TextField
            label={t('lots.lotNo')}
            name="lotNo"
            className="mono"
            value={lotNo}
            placeholder={`${harvestedOn.replaceAll('-', '')}-01`}
            onChange={(e) => setLotNo(e.target.value)}
          />
          <TextField
            label={t('lots.harvestedOn')}
            name="harvestedOn"
            type="date"
            max={shanghaiToday()}
            value={harvestedOn}
            onChange={(e) => setHarvestedOn(e.target.value)}
          />
        </div>
        <fieldset className="fieldset">
          <legend>{t('lots.contributions')}</legend>
          {people.length === 0 && !households.loading && <p className="muted">{t('lots.noHouseholds')}</p>}
          {rows.map((r, i) => (
            <div className="contribution-row" key={i}>
              <SelectField
                compact
                label={t('lots.household')}
                name={`contributions.${i}.householdId`}
                value={r.householdId}
                onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, householdId: e.target.value } : x)))}
              >
                <option value="">{t('lots.chooseHousehold')}</option>
                {people.map((h) => (
                  <option key={h.id} value={h.id} disabled={rows.some((x, j) => j !== i && x.householdId === h.id)}>
                    {h.headName} · {h.village?.name ?? h.villageCode}
                  </option>
                ))}
              </SelectField>
              {r.householdId && (
                <StatusChip
                  domain="householdStatus"
                  status={people.find((h) => h.id === r.householdId)?.status ?? ''}
                />
              )}
              <label className="field field-compact">
                <span>
                  {t('lots.quantity')} ({unit})
                </span>
                <input
                  name={`contributions.${i}.quantity`}
                  inputMode="numeric"
                  value={r.quantity}
                  onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, quantity: e.target.value } : x)))}
                />
              </label>
              {rows.length > 1 && (
                <button type="button" className="link-button" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                  {t('variant.remove')}
                </button>
              )}
            </div>
          ))}
          <button
            type="button"
            className="button button-quiet"
            onClick={() => setRows([...rows, { householdId: '', quantity: '' }])}
          >
            {t('lots.addHousehold')}
          </button>
        </fieldset>
        {invalid && (
          <p className="field-error" role="alert">
            {t('lots.invalid')}
          </p>
        )}
        <p className="hint">{t('lots.stockHint')}</p>
        <FormActions label={create.busy ? t('form.submitting') : t('lots.create')} disabled={create.busy} />
      </Form>
    </>
  );
}
