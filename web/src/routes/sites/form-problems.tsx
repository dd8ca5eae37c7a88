// The problems of a form of this module, shown twice as the accessible pattern asks: a summary
// at the top that takes focus and links to each field, and a message beside the field itself.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/status.tsx';

/** 'general' is a problem of the whole form, with no field to link to. */
export function useFormProblems(problemText: (problem: string) => string) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<string[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const base = useId();
  const idOf = (field: string) => `${base}-${field}`;

  useEffect(() => {
    if (problems.length > 0) summaryRef.current?.focus();
  }, [problems]);

  return {
    problems,
    setProblems,
    idOf,
    /** aria-invalid and the error's id for a field's control. */
    invalidProps: (field: string) =>
      problems.includes(field)
        ? { 'aria-invalid': true as const, 'aria-describedby': `${idOf(field)}-error` }
        : {},
    errorFor: (field: string) =>
      problems.includes(field) ? (
        <p className="field__error" id={`${idOf(field)}-error`}>
          <span className="visually-hidden">{t('edit.errorPrefix')} </span>
          {problemText(field)}
        </p>
      ) : null,
    /** The summary, plus the API's error when it is not about the fields. */
    summary: (error: unknown) => (
      <>
        {problems.length > 0 ? (
          <div className="error-summary" ref={summaryRef} tabIndex={-1} role="alert">
            <p className="error-summary__title">{t('edit.errorSummary')}</p>
            <ul>
              {problems.map((field) => (
                <li key={field}>
                  {field === 'general' ? (
                    problemText(field)
                  ) : (
                    <a href={`#${idOf(field)}`}>{problemText(field)}</a>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {error && !(error instanceof ApiError && error.code === 'validation_failed') ? (
          <ErrorMessage error={error} title={t('edit.saveFailed')} />
        ) : null}
      </>
    ),
  };
}
