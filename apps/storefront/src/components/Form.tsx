import type { ComponentProps } from 'react';

/**
 * A form the page handles itself: the browser's submit (a page load) is prevented and `onSubmit` runs, so a form
 * says what submitting does without repeating `e.preventDefault()`.
 */
export function Form({ onSubmit, ...form }: Omit<ComponentProps<'form'>, 'onSubmit'> & { onSubmit: () => unknown }) {
  return (
    <form
      {...form}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    />
  );
}
