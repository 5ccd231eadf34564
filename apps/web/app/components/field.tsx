import { type ReactNode } from 'react';

/** What a labelled form control needs: its id, name and the ARIA links to its hint and error. */
export interface FieldControlProps {
  id: string;
  name: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
}

/**
 * A labelled form field with an optional hint and an inline error, ids prefixed per form so two
 * forms on one page never clash. The API phrases field errors as fragments ("must be …").
 */
export function Field({
  idPrefix,
  name,
  label,
  hint,
  error,
  children,
}: {
  idPrefix: string;
  name: string;
  label: string;
  hint?: string;
  error: string | undefined;
  children: (props: FieldControlProps) => ReactNode;
}) {
  const id = `${idPrefix}-${name}`;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children({
        id,
        name,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': described || undefined,
      })}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {/^[a-z]/.test(error) ? `${label} ${error}` : error}
        </p>
      ) : null}
    </div>
  );
}
