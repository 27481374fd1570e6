import { useState } from 'react';
import { api } from '../../api/client';
import { CERTIFICATIONS, OWN_PRODUCTS, SUBMIT_CERTIFICATION } from '../../api/portal';
import { CertificationItem } from '../../components/CertificationItem';
import { ErrorNotice } from '../../components/Feedback';
import { useI18n } from '../../i18n';
import { useAction } from '../../lib/use-action';
import { useConnection } from '../../lib/use-connection';
import { useQuery } from '../../lib/use-query';
import { canApplyForCertification } from './ProductsTab';
import { SelectField } from '../../components/SelectField';
import { ConnectionStatus, LoadMore } from '../../components/ListStatus';
import { Form } from '../../components/Form';
import { TitledCard } from '../../components/TitledCard';

export function CertificationsTab({ supplierId }: { supplierId: string }) {
  const { t } = useI18n();
  const list = useConnection(CERTIFICATIONS, { filter: { supplierId }, first: 20 }, (d) => d.certifications);
  const products = useQuery(OWN_PRODUCTS, { filter: { supplierId }, first: 100 });
  const eligible = (products.data?.products.edges.map((e) => e.node) ?? []).filter(canApplyForCertification);
  const [productId, setProductId] = useState('');
  const submit = useAction((id: string) => api.request(SUBMIT_CERTIFICATION, { productId: id }));

  const onSubmit = async () => {
    const id = productId || eligible[0]?.id;
    if (!id) return;
    const done = await submit.run(id);
    if (done) {
      list.update((nodes) => [done.submitCertification, ...nodes]);
      setProductId('');
      products.reload();
    }
  };

  return (
    <>
      <Form className="card form" onSubmit={onSubmit} aria-labelledby="cert-submit-title">
        <h2 id="cert-submit-title">{t('certs.new')}</h2>
        <p className="muted">{t('certs.lead')}</p>
        <ErrorNotice error={submit.error ?? products.error} />
        {eligible.length === 0 ? (
          <p className="muted">{products.loading ? t('regions.loading') : t('certs.noneEligible')}</p>
        ) : (
          <div className="inline-form">
            <SelectField
              compact
              label={t('certs.product')}
              name="productId"
              value={productId || eligible[0].id}
              onChange={(e) => setProductId(e.target.value)}
              options={eligible.map((p) => [p.id, p.title])}
            />
            <button type="submit" className="button button-primary" disabled={submit.busy}>
              {submit.busy ? t('form.submitting') : t('certs.submit')}
            </button>
          </div>
        )}
      </Form>
      <TitledCard title={t('certs.title')}>
        <ConnectionStatus list={list} emptyText={t('certs.none')} />
        <ul className="row-list">
          {list.nodes.map((c) => (
            <CertificationItem key={c.id} cert={c} canAttach onDocumentAttached={list.reload} />
          ))}
        </ul>
        <LoadMore list={list} plain />
      </TitledCard>
    </>
  );
}
