import { openPrintable } from '../../api/documents';
import { ErrorNotice } from '../../components/Feedback';
import { useI18n } from '../../i18n';
import type { RequestError } from '../../lib/graphql';
import { procurementErrorText } from '../../lib/procurement-errors';
import { useAction } from '../../lib/use-action';

export function ProcurementError({ error }: { error: RequestError | null }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <div className="notice notice-error" role="alert" data-code={error.code}>
      {procurementErrorText(t, error)}
    </div>
  );
}

/** A button that opens a printable document (PO, acceptance record) with the user's token. */
export function PrintableButton({ url, label, testId }: { url: string; label: string; testId?: string }) {
  const open = useAction(() => openPrintable(url));
  return (
    <>
      <button
        type="button"
        className="button button-quiet"
        data-testid={testId}
        disabled={open.busy}
        onClick={() => void open.run()}
      >
        {label}
      </button>
      <ErrorNotice error={open.error} />
    </>
  );
}
