import { useState } from 'react';
import { api } from '../../api/client';
import { APPLY_AS_SUPPLIER, type ApplyAsSupplierInput, type SupplierRecord } from '../../api/portal';
import { MY_HOUSEHOLD_VILLAGE } from '../../api/produce';
import { ErrorNotice } from '../../components/Feedback';
import { useI18n } from '../../i18n';
import { organizationsWith } from '../../lib/roles';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { TwoWaysToSell } from './FarmerOffersSection';
import { TextField } from '../../components/FormField';
import { Form } from '../../components/Form';

/**
 * 以家庭农场身份自己卖: the household applies through the ordinary supplier admission (kind
 * FAMILY_FARM, reviewed by the county coordinator and the platform) and, once admitted, lists its own
 * products in the supplier portal. Offering produce to the cooperative stays on the first tab.
 */
export function FamilyFarmSection() {
  const { t } = useI18n();
  const { me, refresh } = useSession();
  const farms = organizationsWith(me, 'SUPPLIER_ADMIN');
  const household = useQuery(MY_HOUSEHOLD_VILLAGE);
  const county = household.data?.myHousehold?.villageCode.slice(0, 6) ?? '';
  const [form, setForm] = useState({ name: '', creditCode: '', linkageMechanism: '' });
  const apply = useAction((input: ApplyAsSupplierInput) => api.request(APPLY_AS_SUPPLIER, { input }));
  const [applied, setApplied] = useState<SupplierRecord | null>(null);

  const submit = async () => {
    const done = await apply.run({
      name: form.name.trim(),
      creditCode: form.creditCode.trim().toUpperCase(),
      kind: 'FAMILY_FARM',
      countyCode: county.padEnd(12, '0'),
      linkageMechanism: form.linkageMechanism.trim() || t('produce.farm.defaultLinkage'),
    });
    if (done) {
      setApplied(done.applyAsSupplier);
      await refresh();
    }
  };

  return (
    <>
      <TwoWaysToSell />
      {applied || farms.length > 0 ? (
        <section className="card" data-testid="family-farm-status">
          <h2>{t('produce.farm.appliedTitle')}</h2>
          <p>{t('produce.farm.appliedText', { name: applied?.name ?? farms[0]?.name ?? '' })}</p>
          <Link to="/portal/supplier" className="button button-primary">
            {t('produce.farm.portal')}
          </Link>
        </section>
      ) : (
        <Form className="card" onSubmit={submit} aria-labelledby="farm-title">
          <h2 id="farm-title">{t('produce.farm.title')}</h2>
          <p className="muted">{t('produce.farm.lead')}</p>
          <TextField
            label={t('produce.farm.name')}
            required
            maxLength={200}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
          <div className="field">
            <label htmlFor="farm-code">{t('apply.creditCode')}</label>
            <input
              id="farm-code"
              required
              pattern="[0-9A-Za-z]{18}"
              autoCapitalize="characters"
              spellCheck={false}
              value={form.creditCode}
              onChange={(e) => setForm({ ...form, creditCode: e.target.value })}
            />
            <span className="hint">{t('produce.farm.codeHint')}</span>
          </div>
          <p className="muted">
            {t('produce.farm.county', { village: household.data?.myHousehold?.village?.name ?? county })}
          </p>
          <div className="field">
            <label htmlFor="farm-linkage">{t('produce.farm.linkage')}</label>
            <textarea
              id="farm-linkage"
              rows={2}
              maxLength={2000}
              value={form.linkageMechanism}
              placeholder={t('produce.farm.defaultLinkage')}
              onChange={(e) => setForm({ ...form, linkageMechanism: e.target.value })}
            />
          </div>
          <ErrorNotice error={apply.error ?? household.error} />
          <button type="submit" className="button button-primary button-block" disabled={apply.busy || !county}>
            {t('produce.farm.submit')}
          </button>
        </Form>
      )}
    </>
  );
}
