import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { useAction } from '../../lib/use-action';
import { FormActions } from '../../components/FormActions';
import { Form } from '../../components/Form';

/**
 * A destructive admin action behind a confirmation dialog that requires a reason. The reason goes to
 * the server where the mutation takes one (it is kept in the workflow history); elsewhere it is the
 * admin's own check that the move is meant.
 */
export function ConfirmAction({
  label,
  title,
  body,
  onConfirm,
  danger = true,
  reasonRequired = true,
  testId,
}: {
  label: string;
  title: string;
  body?: string;
  onConfirm: (reason: string) => Promise<unknown>;
  danger?: boolean;
  reasonRequired?: boolean;
  testId?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const act = useAction(async (r: string) => {
    await onConfirm(r);
    setOpen(false);
  });

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const submit = () => {
    if (reasonRequired && !reason.trim()) return;
    void act.run(reason.trim());
  };

  return (
    <>
      <button
        type="button"
        className={`button ${danger ? 'button-danger-quiet' : 'button-quiet'}`}
        data-testid={testId}
        onClick={() => {
          setReason('');
          act.reset();
          setOpen(true);
        }}
      >
        {label}
      </button>
      <dialog
        ref={dialog}
        className="admin-dialog"
        aria-labelledby={`${id}-title`}
        onClose={() => setOpen(false)}
        data-testid="confirm-dialog"
      >
        {open && (
          <Form onSubmit={submit}>
            <h2 id={`${id}-title`}>{title}</h2>
            {body && <p className="muted">{body}</p>}
            <label className="field" htmlFor={`${id}-reason`}>
              <span>{t('admin.confirm.reason')}</span>
              <textarea
                id={`${id}-reason`}
                name="reason"
                rows={3}
                required={reasonRequired}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </label>
            <FormActions
              action={act}
              label={t('admin.confirm.go', { action: label })}
              disabled={reasonRequired && !reason.trim()}
              variant={danger ? 'danger' : 'primary'}
              onCancel={() => setOpen(false)}
            />
          </Form>
        )}
      </dialog>
    </>
  );
}
