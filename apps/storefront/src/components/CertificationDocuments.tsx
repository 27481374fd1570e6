import { type ChangeEvent, useState } from 'react';
import {
  type CertificationDocumentRecord,
  openProtectedFile,
  uploadCertificationDocument,
} from '../api/supplier-tools';
import { useI18n } from '../i18n';
import { useAction } from '../lib/use-action';
import { ErrorNotice } from './Feedback';
import { TextField } from './FormField';

/** The server's limits (libs/certification): PDF, JPEG, PNG, at most 10 MB. */
const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
const OPEN = new Set(['PENDING', 'VERIFIED']);

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * 申请材料 of a certification application: the supplier attaches files while it is open; the
 * coordinator verifying it and the platform read them (the API decides who sees them).
 */
export function CertificationDocuments({
  certificationId,
  status,
  documents,
  canAttach = false,
  onAttached,
}: {
  certificationId: string;
  status: string;
  documents: CertificationDocumentRecord[];
  canAttach?: boolean;
  onAttached?: () => void;
}) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  const open = useAction((url: string) => openProtectedFile(url));
  const attach = useAction(async (file: File) => {
    await uploadCertificationDocument(certificationId, file);
    onAttached?.();
  });
  const picked = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const wrong = !DOCUMENT_TYPES.includes(file.type)
      ? t('certDocs.type')
      : file.size > MAX_DOCUMENT_BYTES
        ? t('certDocs.size')
        : null;
    setProblem(wrong);
    if (!wrong) void attach.run(file);
  };
  const attachable = canAttach && OPEN.has(status);
  if (!documents.length && !attachable) return null;

  return (
    <div className="cert-documents" data-testid="cert-documents">
      <p className="small">
        <strong>{t('certDocs.title')}</strong>{' '}
        {documents.length === 0 && <span className="muted">{t('certDocs.none')}</span>}
      </p>
      {documents.length > 0 && (
        <ul className="small">
          {documents.map((d, i) => (
            <li key={d.id} data-testid="cert-document">
              <button type="button" className="link-button" onClick={() => void open.run(d.url)}>
                {d.fileName ?? t('certDocs.unnamed', { n: i + 1 })}
              </button>{' '}
              <span className="muted">
                {d.contentType === 'application/pdf' ? 'PDF' : d.contentType.replace('image/', '').toUpperCase()} ·{' '}
                {sizeText(d.sizeBytes)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {attachable && (
        <TextField
          compact
          label={t('certDocs.attach')}
          type="file"
          accept={DOCUMENT_TYPES.join(',')}
          onChange={picked}
          disabled={attach.busy}
          data-testid="cert-document-input"
        />
      )}
      {problem && (
        <p className="notice notice-error small" role="alert">
          {problem}
        </p>
      )}
      <ErrorNotice error={attach.error ?? open.error} />
    </div>
  );
}
