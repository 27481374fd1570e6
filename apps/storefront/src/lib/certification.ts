// What a buyer should understand from a product's certification (帮扶产品认定), as one of a few looks.
import { shanghaiDate as shanghaiToday } from '@bangfu/locale';
import type { CertificationStatus } from '../api/generated/graphql';

export type { CertificationStatus };

export interface CertificationInfo {
  status: CertificationStatus;
  certificateNo?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
}

/** certified: valid now · expired / revoked: had a certificate, no longer valid · pending: in review · none. */
export type BadgeKind = 'certified' | 'expired' | 'revoked' | 'pending' | 'none';

/** Today in Asia/Shanghai as YYYY-MM-DD (certificate dates are Shanghai business days): the server's calendar. */
export { shanghaiToday };

/**
 * The badge for a product. The API already reports a lapsed certificate as EXPIRED; the date check
 * here only covers a page left open across midnight.
 */
export function badgeKind(cert: CertificationInfo | null | undefined, today: string = shanghaiToday()): BadgeKind {
  if (!cert) return 'none';
  switch (cert.status) {
    case 'CERTIFIED':
      return cert.validTo && cert.validTo < today ? 'expired' : 'certified';
    case 'EXPIRED':
      return 'expired';
    case 'REVOKED':
      return 'revoked';
    case 'PENDING':
    case 'VERIFIED':
      return 'pending';
    default:
      return 'none';
  }
}
