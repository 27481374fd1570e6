import type { ReactNode } from 'react';
import type { CertificationRecord } from '../api/portal';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/dates';
import { Link } from '../lib/router';
import { CertificationDocuments } from './CertificationDocuments';
import { StatusChip } from './StatusChip';

/** A certification row's title line: its product, linked, and its status (the admin console's row shows it too). */
export function CertificationTitle({ cert }: { cert: Pick<CertificationRecord, 'product' | 'status'> }) {
  return (
    <div className="row-title">
      <Link to={`/products/${cert.product.id}`}>{cert.product.title}</Link>
      <StatusChip domain="certStatus" status={cert.status} />
    </div>
  );
}

/** One certification application with its product, origin, status and history; actions come from the screen. */
export function CertificationItem({
  cert,
  children,
  showSupplier = false,
  canAttach = false,
  onDocumentAttached,
}: {
  cert: CertificationRecord;
  children?: ReactNode;
  showSupplier?: boolean;
  /** The supplier's own application: it may attach documents while it is open. */
  canAttach?: boolean;
  onDocumentAttached?: () => void;
}) {
  const { t, locale } = useI18n();
  const origin = cert.product.originRegion;
  return (
    <li
      className="row"
      data-testid="certification"
      data-certification-id={cert.id}
      data-product-title={cert.product.title}
    >
      <div className="row-main">
        <CertificationTitle cert={cert} />
        <p className="muted small">
          {showSupplier && cert.product.supplier ? `${cert.product.supplier.name} · ` : ''}
          {origin ? (origin.path.length ? origin.path.map((r) => r.name).join(' › ') : origin.name) : ''}
          {` · ${t('certs.submittedAt', { at: formatDateTime(cert.createdAt, locale) })}`}
        </p>
        {cert.certificateNo && (
          <p className="small">
            {t('cert.number', { no: cert.certificateNo })}
            {cert.validFrom && cert.validTo
              ? ` · ${t('cert.validity', { from: cert.validFrom, to: cert.validTo })}`
              : ''}
          </p>
        )}
        <CertificationDocuments
          certificationId={cert.id}
          status={cert.status}
          documents={cert.documents ?? []}
          canAttach={canAttach}
          onAttached={onDocumentAttached}
        />
        {cert.history.length > 0 && (
          <details className="history">
            <summary>{t('history.title')}</summary>
            <ol className="timeline">
              {cert.history.map((h, i) => (
                <li key={i}>
                  <StatusChip domain="certStatus" status={h.toStatus} testId="history-status" />
                  <span className="muted small">{formatDateTime(h.createdAt, locale)}</span>
                  {h.reason && <p className="timeline-reason">{h.reason}</p>}
                </li>
              ))}
            </ol>
          </details>
        )}
      </div>
      {children && <div className="row-actions">{children}</div>}
    </li>
  );
}
