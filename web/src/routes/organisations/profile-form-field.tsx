import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A labelled form field with an optional hint and error, wired with aria-describedby. */
export function FormField({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string | null;
  error?: string | null;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}) {
  const { t } = useTranslation();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true as const } : {}),
      })}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t('edit.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The first path segment of each validation issue of an API error (body.* unwrapped). */
export function issueFields(details: { path: string[] }[]): Set<string> {
  return new Set(details.map((issue) => (issue.path[0] === 'body' ? issue.path[1] : issue.path[0]) ?? ''));
}
