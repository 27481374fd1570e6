import { type ChangeEvent, useId, useState } from 'react';
import { api } from '../../api/client';
import { downloadOrderDocument, uploadOrderDocument } from '../../api/documents';
import { ACCEPT_ORDER, type OrderDetail, type OrderDocumentData } from '../../api/ordering';
import { ErrorNotice } from '../../components/Feedback';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { RequestError } from '../../lib/graphql';
import { checkDocumentFile, DOCUMENT_TYPES, formatBytes, MAX_DOCUMENT_BYTES } from '../../lib/orders';
import { useAction } from '../../lib/use-action';
import { ActionButton } from '../../components/ActionButton';
import { Form } from '../../components/Form';
import { TextField } from '../../components/FormField';

function DocumentRow({ doc }: { doc: OrderDocumentData }) {
  const { t, locale } = useI18n();
  const open = useAction(async () => {
    const blob = await downloadOrderDocument(doc.url, doc.contentType);
    const href = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = href;
    a.download = doc.fileName ?? doc.storageKey.split('/').pop() ?? 'document';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 60_000);
  });
  return (
    <li className="row" data-testid="order-document">
      <div className="row-main">
        <div className="row-title">
          <span>{doc.fileName ?? t('docs.unnamed')}</span>
          {doc.inAcceptance && (
            <span className="status-chip" data-status="ACCEPTED">
              {t('docs.inAcceptance')}
            </span>
          )}
        </div>
        <p className="muted small">
          {doc.contentType} · {formatBytes(doc.sizeBytes)} · {formatDateTime(doc.createdAt, locale)}
        </p>
        <ErrorNotice error={open.error} />
      </div>
      <div className="row-actions">
        <ActionButton action={open}>{t('docs.download')}</ActionButton>
      </div>
    </li>
  );
}

/** Invoice and inspection documents (发票、验收单): list, upload, and the acceptance (验收) that cites them. */
export function DocumentsPanel({
  order,
  canUpload,
  canAccept,
  onChanged,
  onOrder,
}: {
  order: OrderDetail;
  canUpload: boolean;
  canAccept: boolean;
  onChanged: () => void;
  onOrder: (o: OrderDetail) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [invoiceNo, setInvoiceNo] = useState('');
  const [chosen, setChosen] = useState<string[] | null>(null);
  const selected = chosen ?? order.documents.filter((d) => !d.inAcceptance).map((d) => d.storageKey);

  const upload = useAction(async (file: File) => {
    const problem = checkDocumentFile(file);
    if (problem === 'type') throw new RequestError('INVALID_DOCUMENT_TYPE', file.type);
    if (problem === 'empty') throw new RequestError('INVALID_DOCUMENT_TYPE', 'empty');
    if (problem === 'size') throw new RequestError('DOCUMENT_TOO_LARGE', `${file.size} > ${MAX_DOCUMENT_BYTES}`);
    await uploadOrderDocument(order.id, file);
    setChosen(null);
    onChanged();
  });
  const accept = useAction(async () => {
    const data = await api.request(ACCEPT_ORDER, {
      orderId: order.id,
      input: { invoiceNo: invoiceNo.trim(), documents: selected },
    });
    onOrder(data.acceptOrder);
  });

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) void upload.run(file);
    e.target.value = '';
  };
  const submitAccept = () => {
    if (invoiceNo.trim() && selected.length) void accept.run();
  };

  return (
    <section className="card" data-testid="documents" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('docs.title')}</h2>
      {order.invoiceNo && <p>{t('docs.invoiceNo', { no: order.invoiceNo })}</p>}
      {order.documents.length === 0 ? <p className="muted">{t('docs.none')}</p> : null}
      <ul className="row-list">
        {order.documents.map((d) => (
          <DocumentRow key={d.id} doc={d} />
        ))}
      </ul>
      {canUpload && (
        <div className="upload">
          <label className="button button-quiet" htmlFor={`${id}-file`}>
            {upload.busy ? t('docs.uploading') : t('docs.upload')}
          </label>
          <input
            id={`${id}-file`}
            className="visually-hidden"
            type="file"
            accept={DOCUMENT_TYPES.join(',')}
            disabled={upload.busy}
            onChange={onFile}
            data-testid="document-input"
          />
          <p className="hint">{t('docs.uploadHint')}</p>
          <ErrorNotice error={upload.error} />
        </div>
      )}
      {canAccept && (
        <Form className="accept-form" onSubmit={submitAccept} data-testid="accept-form">
          <h3>{t('accept.title')}</h3>
          <p className="muted small">{t('accept.lead')}</p>
          <TextField
            label={t('accept.invoiceNo')}
            required
            maxLength={64}
            value={invoiceNo}
            onChange={(e) => setInvoiceNo(e.target.value)}
          />
          <fieldset className="fieldset">
            <legend>{t('accept.documents')}</legend>
            {order.documents.length === 0 && <p className="muted small">{t('accept.uploadFirst')}</p>}
            {order.documents.map((d) => (
              <label key={d.id} className="check">
                <input
                  type="checkbox"
                  checked={selected.includes(d.storageKey)}
                  onChange={(e) =>
                    setChosen(
                      e.target.checked ? [...selected, d.storageKey] : selected.filter((k) => k !== d.storageKey),
                    )
                  }
                />
                {d.fileName ?? t('docs.unnamed')}
              </label>
            ))}
          </fieldset>
          <ErrorNotice error={accept.error} />
          <button
            type="submit"
            className="button button-primary"
            disabled={accept.busy || !invoiceNo.trim() || selected.length === 0}
          >
            {accept.busy ? t('form.submitting') : t('accept.submit')}
          </button>
        </Form>
      )}
    </section>
  );
}
