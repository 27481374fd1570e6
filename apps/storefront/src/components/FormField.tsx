import { type ComponentProps, type ReactNode, useId } from 'react';
import type { FieldError } from 'react-hook-form';
import { translateOr, useI18n } from '../i18n';

/** A field's problem in the reader's language: the form schemas (lib/forms.ts) give translation keys. */
export function FieldProblem({ error, id }: { error?: FieldError; id?: string }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p className="field-error" id={id}>
      {translateOr(t, error.message ?? '', t('form.problem.invalid'))}
    </p>
  );
}

/**
 * A labelled input for react-hook-form (`{...register('name')}` passes its ref and handlers through), with an
 * optional hint and the field's problem below it, both tied to the input for screen readers.
 */
export function TextField({
  label,
  hint,
  error,
  compact = false,
  ...input
}: ComponentProps<'input'> & { label: ReactNode; hint?: ReactNode; error?: FieldError; compact?: boolean }) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-problem` : ''].filter(Boolean).join(' ');
  return (
    <div className={compact ? 'field field-compact' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={!!error} aria-describedby={described || undefined} {...input} />
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldProblem error={error} id={`${id}-problem`} />
    </div>
  );
}

/** A search box over a list (compact unless `compact={false}`), handing on the text as the reader types it. */
export function SearchField({
  label,
  value,
  onChange,
  compact = true,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  compact?: boolean;
}) {
  return (
    <TextField compact={compact} label={label} type="search" value={value} onChange={(e) => onChange(e.target.value)} />
  );
}

/** 邮箱或手机号: the account's sign-in name, as the login and password-reset forms ask for it. */
export function IdentifierField(input: ComponentProps<'input'>) {
  const { t } = useI18n();
  return (
    <TextField
      label={t('login.identifier')}
      name="identifier"
      type="text"
      inputMode="email"
      autoComplete="username"
      autoCapitalize="none"
      spellCheck={false}
      required
      {...input}
    />
  );
}

/** A labelled textarea for react-hook-form, with the field's problem below it (see TextField). */
export function TextAreaField({
  label,
  error,
  ...input
}: ComponentProps<'textarea'> & { label: ReactNode; error?: FieldError }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} aria-invalid={!!error} aria-describedby={error ? `${id}-problem` : undefined} {...input} />
      <FieldProblem error={error} id={`${id}-problem`} />
    </div>
  );
}

/**
 * A labelled textarea kept in component state (not react-hook-form): the reason, answer or description typed
 * before an action, in the compact layout of a decision.
 */
export function NoteField({
  label,
  value,
  onChange,
  rows = 2,
  ...textarea
}: Omit<ComponentProps<'textarea'>, 'value' | 'onChange'> & {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <label className="field field-compact" htmlFor={id}>
      <span>{label}</span>
      <textarea id={id} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} {...textarea} />
    </label>
  );
}
