import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { TextField } from '../../components/FormField';
import { useI18n } from '../../i18n';

/** A new password typed twice, with the rules as a hint (sign-up and password reset; lib/forms.ts checks them). */
export function NewPasswordFields({
  label,
  password,
  confirm,
  errors,
}: {
  label: string;
  password: UseFormRegisterReturn;
  confirm: UseFormRegisterReturn;
  errors: { password?: FieldError; confirm?: FieldError };
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        label={label}
        hint={t('signup.passwordHint')}
        type="password"
        autoComplete="new-password"
        maxLength={256}
        error={errors.password}
        {...password}
      />
      <TextField
        label={t('signup.confirm')}
        type="password"
        autoComplete="new-password"
        error={errors.confirm}
        {...confirm}
      />
    </>
  );
}
