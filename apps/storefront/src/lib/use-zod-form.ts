import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef } from 'react';
import { type DefaultValues, type FieldValues, type Path, useForm, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { RequestError } from './graphql';
import { hasPath, serverProblemField } from './server-problem';

/**
 * react-hook-form checked by a zod schema (lib/forms.ts): the submit handler gets the schema's output
 * (trimmed, converted), and each field's problem is a translation key. Checked on submit, then as the reader types.
 */
export function useZodForm<S extends z.ZodType<unknown, FieldValues>>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
) {
  return useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema),
    defaultValues,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
}

/**
 * Marks the field a server refusal names (its `field`, renamed by `aliases` where the form calls it otherwise)
 * with that refusal's text (`error.<CODE>`) and focuses it, so a problem only the server can see (a bound it
 * holds, a common password, a taken name) shows where it was typed, not only as the page's 请检查填写的内容.
 * The field's next change revalidates it with the schema, which clears the mark.
 */
export function useServerProblem<T extends FieldValues, O>(
  form: UseFormReturn<T, unknown, O>,
  error: RequestError | null,
  aliases: Readonly<Record<string, string>> = {},
) {
  const renames = useRef(aliases);
  renames.current = aliases;
  const { getValues, setError } = form;
  useEffect(() => {
    const values = getValues();
    const name = serverProblemField(error, (n) => hasPath(values, n), renames.current);
    if (error && name)
      setError(name as Path<T>, { type: 'server', message: `error.${error.code}` }, { shouldFocus: true });
  }, [error, getValues, setError]);
}
