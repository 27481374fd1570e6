import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { RequestError } from '../lib/graphql';
import { ErrorNotice } from './Feedback';

/**
 * A form's last row: its submit button, then Cancel when the form can be closed without saving. `action` (a
 * useAction) shows its failure above the row and disables the button while it runs; `disabled` covers a form not
 * complete enough to send (e.g. an empty reason).
 */
export function FormActions({
  label,
  disabled = false,
  variant = 'primary',
  onCancel,
  cancelLabel,
  testId,
  action,
}: {
  label: ReactNode;
  disabled?: boolean;
  action?: { busy: boolean; error: RequestError | null };
  variant?: 'primary' | 'danger';
  onCancel?: () => void;
  cancelLabel?: ReactNode;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      {action && <ErrorNotice error={action.error} />}
      <div className="form-actions">
        <button
          type="submit"
          className={`button button-${variant}`}
          disabled={disabled || !!action?.busy}
          data-testid={testId}
        >
          {label}
        </button>
        {onCancel && (
          <button type="button" className="button button-quiet" onClick={onCancel}>
            {cancelLabel ?? t('form.cancel')}
          </button>
        )}
      </div>
    </>
  );
}

/**
 * A form's submit button with the failure of the action it runs above it (a useAction); disabled while the action
 * runs, and while `disabled` (a form not complete enough to send).
 */
export function SubmitAction({
  action,
  label,
  disabled = false,
}: {
  action: { busy: boolean; error: RequestError | null };
  label: ReactNode;
  disabled?: boolean;
}) {
  return (
    <>
      <ErrorNotice error={action.error} />
      <button type="submit" className="button button-primary" disabled={action.busy || disabled}>
        {label}
      </button>
    </>
  );
}
