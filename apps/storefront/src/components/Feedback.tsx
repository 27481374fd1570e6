import { errorText, useI18n } from '../i18n';
import type { RequestError } from '../lib/graphql';

/** An API error in the reader's language, with an optional retry. */
export function ErrorNotice({ error, onRetry }: { error: RequestError | null; onRetry?: () => void }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <div className="notice notice-error" role="alert" data-code={error.code}>
      {errorText(t, error)}
      {onRetry && (
        <>
          {' '}
          <button type="button" className="link-button" onClick={onRetry}>
            {t('regions.retry')}
          </button>
        </>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status">
      {t('regions.loading')}
    </p>
  );
}
