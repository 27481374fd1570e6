import { useState } from 'react';
import { SET_USER_DISABLED } from '../api/account';
import { api } from '../api/client';
import { errorText, useI18n } from '../i18n';
import { useAction } from '../lib/use-action';
import { ActionButton } from './ActionButton';

/**
 * 停用账号 for an administrator: the user's sessions end on their next request and they cannot sign
 * in until re-enabled. `status` is the account status when known (the button shows the opposite move).
 */
export function DisableUserButton({ userId, status = 'ACTIVE' }: { userId: string; status?: string }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState(status);
  const disabled = current === 'DISABLED';
  const toggle = useAction(async () => {
    if (!disabled && !window.confirm(t('account.disable.confirm'))) return;
    const data = await api.request(SET_USER_DISABLED, {
      userId,
      disabled: !disabled,
    });
    setCurrent(data.setUserDisabled.status);
  });
  return (
    <div className="inline-form" data-testid="disable-user" data-status={current}>
      {disabled && <span className="small muted">{t('account.disable.isDisabled')}</span>}
      <ActionButton action={toggle}>
        {disabled ? t('account.disable.enable') : t('account.disable.disable')}
      </ActionButton>
      {toggle.error && (
        <p className="notice notice-error small" role="alert" data-code={toggle.error.code}>
          {errorText(t, toggle.error)}
        </p>
      )}
    </div>
  );
}
