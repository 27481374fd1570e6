import { useState } from 'react';
import { useI18n } from '../i18n';
import type { RequestError } from '../lib/graphql';
import { ErrorNotice } from './Feedback';
import { FormActions } from './FormActions';
import { NoteField } from './FormField';
import { Form } from './Form';

/** Approve in one click; reject only with a reason (kept in the workflow history). */
export function Decision({
  approveLabel,
  onApprove,
  onReject,
  busy,
  error,
}: {
  approveLabel: string;
  onApprove: () => void;
  onReject: (reason: string) => void;
  busy: boolean;
  error: RequestError | null;
}) {
  const { t } = useI18n();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const submitReject = () => {
    if (reason.trim()) onReject(reason.trim());
  };
  return (
    <div className="decision">
      <ErrorNotice error={error} />
      {rejecting ? (
        <Form onSubmit={submitReject} className="decision-reject">
          <NoteField label={t('decision.reason')} name="reason" required value={reason} onChange={setReason} />
          <FormActions
            label={t('decision.confirmReject')}
            disabled={busy || !reason.trim()}
            variant="danger"
            onCancel={() => setRejecting(false)}
          />
        </Form>
      ) : (
        <div className="form-actions">
          <button type="button" className="button button-primary" disabled={busy} onClick={onApprove}>
            {approveLabel}
          </button>
          <button type="button" className="button button-quiet" disabled={busy} onClick={() => setRejecting(true)}>
            {t('decision.reject')}
          </button>
        </div>
      )}
    </div>
  );
}
