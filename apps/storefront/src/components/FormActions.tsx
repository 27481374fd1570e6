import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

/**
 * A form's last row: its submit button, then Cancel when the form can be closed without saving. `disabled`
 * covers both a running request and a form not complete enough to send (e.g. an empty reason).
 */
export function FormActions({
  label,
  disabled = false,
  variant = 'primary',
  onCancel,
  cancelLabel,
  testId,
}: {
  label: ReactNode;
  disabled?: boolean;
  variant?: 'primary' | 'danger';
  onCancel?: () => void;
  cancelLabel?: ReactNode;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      <button type="submit" className={`button button-${variant}`} disabled={disabled} data-testid={testId}>
        {label}
      </button>
      {onCancel && (
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {cancelLabel ?? t('form.cancel')}
        </button>
      )}
    </div>
  );
}
