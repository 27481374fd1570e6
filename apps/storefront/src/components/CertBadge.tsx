import { useI18n } from '../i18n';
import { badgeKind, type CertificationInfo } from '../lib/certification';

/**
 * 帮扶产品认定 at a glance: a distinct look for a valid certificate, a lapsed or revoked one, one in
 * review and none. `detailed` adds the certificate number and validity.
 */
export function CertBadge({
  cert,
  detailed = false,
}: {
  cert: CertificationInfo | null | undefined;
  detailed?: boolean;
}) {
  const { t } = useI18n();
  const kind = badgeKind(cert);
  const hasCertificate = !!cert?.certificateNo && (kind === 'certified' || kind === 'expired' || kind === 'revoked');
  return (
    <div
      className={`cert-badge cert-${kind}${detailed ? ' is-detailed' : ''}`}
      data-testid="cert-badge"
      data-kind={kind}
    >
      <span className="cert-title">
        <span className="cert-icon" aria-hidden="true">
          {kind === 'certified' ? '✓' : kind === 'pending' ? '…' : kind === 'none' ? '–' : '!'}
        </span>
        {t(`cert.badge.${kind}`)}
      </span>
      {detailed && hasCertificate && (
        <span className="cert-details">
          <span data-testid="cert-number">{t('cert.number', { no: cert.certificateNo! })}</span>
          {cert.validFrom && cert.validTo && (
            <span data-testid="cert-validity">{t('cert.validity', { from: cert.validFrom, to: cert.validTo })}</span>
          )}
        </span>
      )}
    </div>
  );
}
