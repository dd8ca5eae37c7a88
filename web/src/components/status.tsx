import { useTranslation } from 'react-i18next';
import { ApiError, type ErrorCode } from '../api.ts';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <span className="loading__spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

export function errorCodeOf(error: unknown): ErrorCode {
  return error instanceof ApiError ? error.code : 'unknown';
}

/** A sentence a person can act on, translated by the error's code. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => t(`errors.${errorCodeOf(error)}`);
}

interface ErrorMessageProps {
  error: unknown;
  title?: string;
}

export function ErrorMessage({ error, title }: ErrorMessageProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  // The server's own wording is English; it stays folded away for whoever reports the problem.
  const technical = error instanceof ApiError ? `${error.status || '–'} ${error.code}: ${error.message}` : '';
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{title ?? t('errors.title')}</p>
      <p>{errorText(error)}</p>
      {technical ? (
        <details className="notice__detail">
          <summary>{t('errors.technicalDetails')}</summary>
          <code lang="en">{technical}</code>
        </details>
      ) : null}
    </div>
  );
}
