import { isMessageKey, useI18n } from '../i18n';

type Domain =
  | 'supplierStatus'
  | 'certStatus'
  | 'productStatus'
  | 'householdStatus'
  | 'orderStatus'
  | 'supplierOrderStatus'
  | 'paymentStatus'
  | 'exemptionStatus'
  | 'requestStatus';

/** A workflow status in words; the colour comes from data-status. */
export function StatusChip({ domain, status, testId }: { domain: Domain; status: string; testId?: string }) {
  const { t } = useI18n();
  const key = `${domain}.${status}`;
  return (
    <span className="status-chip" data-status={status} data-testid={testId ?? `${domain}-chip`}>
      {isMessageKey(key) ? t(key) : status}
    </span>
  );
}
