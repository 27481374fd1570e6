import { type ChangeEvent, useId, useState } from 'react';
import { api } from '../../api/client';
import {
  COMPLAINT_KINDS,
  type ComplaintData,
  type ComplaintKind,
  OPEN_COMPLAINT,
  ORDER_AFTERSALES,
  RATE_SUPPLIER_ORDER,
  uploadComplaintPhoto,
} from '../../api/aftersales';
import type { OrderDetail, SupplierOrderData } from '../../api/ordering';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { SelectField } from '../../components/SelectField';
import { useI18n } from '../../i18n';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { ComplaintCard } from './ComplaintCard';
import { FormActions } from '../../components/FormActions';
import { NoteField, TextField } from '../../components/FormField';
import { Form } from '../../components/Form';
import { TitledCard } from '../../components/TitledCard';

function RateForm({ so, onDone }: { so: SupplierOrderData; onDone: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [score, setScore] = useState(5);
  const [comment, setComment] = useState('');
  const act = useAction(async () => {
    await api.request(RATE_SUPPLIER_ORDER, { supplierOrderId: so.id, score, comment: comment.trim() || null });
    onDone();
  });
  const submit = () => act.run();
  return (
    <Form className="decision" onSubmit={submit} data-testid="rate-form">
      <fieldset className="stars">
        <legend>{t('rating.score')}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="star">
            <input type="radio" name={`${id}-score`} value={n} checked={score === n} onChange={() => setScore(n)} />
            <span aria-hidden="true">{n <= score ? '★' : '☆'}</span>
            <span className="visually-hidden">{t('rating.stars', { count: n })}</span>
          </label>
        ))}
      </fieldset>
      <NoteField label={t('rating.comment')} maxLength={1000} value={comment} onChange={setComment} />
      <FormActions action={act} label={t('rating.submit')} />
    </Form>
  );
}

function ComplainForm({ so, onDone }: { so: SupplierOrderData; onDone: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<ComplaintKind>('QUALITY');
  const [description, setDescription] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const act = useAction(async () => {
    const data = await api.request(OPEN_COMPLAINT, {
      input: { supplierOrderId: so.id, kind, description: description.trim() },
    });
    // The complaint exists once opened; a photo refused afterwards is reported, the complaint stays.
    for (const file of files) await uploadComplaintPhoto(data.openComplaint.id, file);
    setOpen(false);
    onDone();
  });
  const submit = () => {
    if (description.trim()) void act.run();
  };
  const onFiles = (e: ChangeEvent<HTMLInputElement>) => setFiles([...(e.target.files ?? [])].slice(0, 9));
  if (!open) {
    return (
      <button type="button" className="button button-quiet" data-testid="complain" onClick={() => setOpen(true)}>
        {t('complaint.open')}
      </button>
    );
  }
  return (
    <Form className="decision" onSubmit={submit} data-testid="complaint-form">
      <SelectField
        compact
        label={t('complaint.kind')}
        value={kind}
        name="kind"
        onChange={(e) => setKind(e.target.value as ComplaintKind)}
        options={COMPLAINT_KINDS.map((k) => [k, t(`complaintKind.${k}`)])}
      />
      <NoteField
        label={t('complaint.description')}
        name="description"
        rows={3}
        required
        maxLength={2000}
        value={description}
        onChange={setDescription}
      />
      <TextField
        compact
        label={t('complaint.photos')}
        name="photos"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        multiple
        onChange={onFiles}
      />
      <p className="hint">{t('complaint.photosHint')}</p>
      <FormActions
        action={act}
        label={t('complaint.submit')}
        disabled={!description.trim()}
        variant="danger"
        onCancel={() => setOpen(false)}
      />
    </Form>
  );
}

/** 售后: on the buyer's order page, rate each delivered supplier order once, complain, and follow complaints. */
export function OrderAftersalesPanel({
  order,
  supplierName,
}: {
  order: OrderDetail;
  supplierName: (id: string) => string | null;
}) {
  const { t } = useI18n();
  const { data, error, loading, reload, setData } = useQuery(ORDER_AFTERSALES, {
    orderId: order.id,
  });
  const delivered = order.supplierOrders.filter((so) => so.status === 'DELIVERED');
  if (delivered.length === 0 && !data?.complaints.edges.length) return null;
  const complaints = data?.complaints.edges.map((e) => e.node) ?? [];
  const replace = (c: ComplaintData) =>
    setData((d) =>
      d ? { ...d, complaints: { edges: d.complaints.edges.map((e) => (e.node.id === c.id ? { node: c } : e)) } } : d,
    );
  return (
    <TitledCard title={t('aftersales.title')} testId="aftersales">
      <p className="muted small">{t('aftersales.lead')}</p>
      <ErrorNotice error={error} onRetry={reload} />
      {loading && !data ? <Loading /> : null}
      {data &&
        delivered.map((so) => {
          const rating = data.orderRatings.find((r) => r.supplierOrderId === so.id);
          const own = complaints.filter((c) => c.supplierOrderId === so.id);
          const undecided = own.some((c) => c.status === 'OPEN' || c.status === 'ANSWERED' || c.status === 'UPHOLDING');
          return (
            <div key={so.id} className="aftersales-part" data-testid="aftersales-part" data-supplier-order-id={so.id}>
              <h3>{supplierName(so.supplierId) ?? t('aftersales.supplier')}</h3>
              {rating ? (
                <p data-testid="rating">
                  {t('rating.given', { score: rating.score })} {'★'.repeat(rating.score)}
                  {rating.comment ? ` · ${rating.comment}` : ''}
                </p>
              ) : (
                <RateForm so={so} onDone={reload} />
              )}
              {own.length > 0 && (
                <ul className="row-list">
                  {own.map((c) => (
                    <ComplaintCard key={c.id} complaint={c} onChanged={replace} />
                  ))}
                </ul>
              )}
              {!undecided && <ComplainForm so={so} onDone={reload} />}
            </div>
          );
        })}
    </TitledCard>
  );
}
