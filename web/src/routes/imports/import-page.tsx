import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { pickLabel, useLocale } from '../../locale.ts';
import { useImportMessages } from './import-messages.ts';
import { commitImport, getImport, type ImportView, importKeys } from './imports-api.ts';
import './imports.css';

const POLL_MS = 1000;
const RETRYABLE = new Set(['interrupted', 'internal', 'conflict']);

/**
 * One import, from column mapping to report. The page polls while the import is queued or
 * running, so a person can leave and come back (from the list on /imports) at any point.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useQuery({
    queryKey: importKeys.detail(id),
    queryFn: ({ signal }) => getImport(id, signal),
    refetchInterval: (q) => {
      const status = q.state.data?.status;
      return status === 'queued' || status === 'running' ? POLL_MS : false;
    },
    staleTime: 0,
  });
  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <>
        <PageHeading title={t('imports.title')} />
        <ErrorMessage error={query.error} />
        <p>
          <Link to="/imports">{t('imports.report.newImport')}</Link>
        </p>
      </>
    );
  }
  const view = query.data;
  const step =
    view.status === 'uploaded'
      ? 'mapping'
      : view.status === 'done' || view.status === 'failed'
        ? 'report'
        : 'progress';
  return (
    <>
      <PageHeading title={view.fileName} eyebrow={t('imports.title')} />
      <ol className="import-steps" aria-label={t('imports.steps.label')}>
        {(['upload', 'mapping', 'progress', 'report'] as const).map((s) => (
          <li key={s} aria-current={s === step ? 'step' : undefined}>
            {t(`imports.steps.${s}`)}
          </li>
        ))}
      </ol>
      {step === 'mapping' ? <MappingStep view={view} /> : null}
      {step === 'progress' ? <ProgressStep view={view} /> : null}
      {step === 'report' ? <ReportStep view={view} /> : null}
    </>
  );
}

/**
 * When a step replaces the one that had focus (the button just pressed is gone), its heading
 * takes focus, so a screen reader announces the new step and the keyboard continues from there.
 */
function useFocusWhenLost(ref: RefObject<HTMLHeadingElement | null>) {
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) ref.current?.focus();
  }, [ref]);
}

function useCommit(view: ImportView) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ mapping, saveAs }: { mapping: Record<string, string>; saveAs?: string }) =>
      commitImport(view.id, mapping, saveAs),
    onSuccess: (next) => {
      queryClient.setQueryData(importKeys.detail(view.id), next);
      void queryClient.invalidateQueries({ queryKey: importKeys.list });
    },
  });
}

function MappingStep({ view }: { view: ImportView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const commit = useCommit(view);
  const [mapping, setMapping] = useState<Record<string, string>>(() => ({ ...view.suggestedMapping }));
  const [saveAs, setSaveAs] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const fieldLabel = (key: string) => {
    const field = view.fields.find((f) => f.key === key);
    return field ? pickLabel(field.label, locale.language) : key;
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const absent = view.fields.filter((f) => f.required && !mapping[f.key]).map((f) => f.key);
    setMissing(absent);
    if (absent.length) {
      // The summary takes focus so the problem is read out at once.
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    const chosen = Object.fromEntries(Object.entries(mapping).filter(([, column]) => column));
    commit.mutate({ mapping: chosen, ...(saveAs.trim() ? { saveAs: saveAs.trim() } : {}) });
  }

  return (
    <>
      <section className="section" aria-labelledby="preview-heading">
        <h2 id="preview-heading">{t('imports.preview.heading')}</h2>
        <PreviewTable view={view} />
      </section>
      <section className="section" aria-labelledby="mapping-heading">
        <h2 id="mapping-heading">{t('imports.mapping.heading')}</h2>
        <p className="section__intro">{t('imports.mapping.intro')}</p>
        {view.savedMappingName ? (
          <p className="notice" role="status">
            {t('imports.mapping.savedUsed', { name: view.savedMappingName })}
          </p>
        ) : null}
        <form className="form card" noValidate onSubmit={onSubmit}>
          {missing.length ? (
            <div className="error-summary" ref={summaryRef} tabIndex={-1} role="alert">
              <p className="error-summary__title">
                {t('imports.mapping.missing', { fields: missing.map(fieldLabel).join(', ') })}
              </p>
              <ul>
                {missing.map((key) => (
                  <li key={key}>
                    <a href={`#${baseId}-${key}`}>{fieldLabel(key)}</a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <fieldset className="fieldset">
            <legend>{t('imports.mapping.fieldsLegend')}</legend>
            <div className="import-mapping">
              {view.fields.map((field) => {
                const id = `${baseId}-${field.key}`;
                const hint = field.hint ? pickLabel(field.hint, locale.language) : '';
                const invalid = missing.includes(field.key);
                return (
                  <div className="field" key={field.key}>
                    <label htmlFor={id}>
                      {pickLabel(field.label, locale.language)}
                      {field.required ? (
                        <span className="field__required"> ({t('imports.mapping.required')})</span>
                      ) : null}
                    </label>
                    {hint ? (
                      <p className="field__hint" id={`${id}-hint`}>
                        {hint}
                      </p>
                    ) : null}
                    <select
                      id={id}
                      value={mapping[field.key] ?? ''}
                      aria-invalid={invalid || undefined}
                      aria-describedby={hint ? `${id}-hint` : undefined}
                      onChange={(event) => setMapping((m) => ({ ...m, [field.key]: event.target.value }))}
                    >
                      <option value="">{t('imports.mapping.notImported')}</option>
                      {view.preview.headers.map((header, i) =>
                        header ? (
                          // biome-ignore lint/suspicious/noArrayIndexKey: headers are unique; the index keeps keys stable
                          <option key={`${i}-${header}`} value={header}>
                            {header}
                          </option>
                        ) : null,
                      )}
                    </select>
                  </div>
                );
              })}
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor={`${baseId}-save`}>{t('imports.mapping.saveAs')}</label>
            <p className="field__hint" id={`${baseId}-save-hint`}>
              {t('imports.mapping.saveHint')}
            </p>
            <input
              id={`${baseId}-save`}
              value={saveAs}
              maxLength={100}
              aria-describedby={`${baseId}-save-hint`}
              onChange={(event) => setSaveAs(event.target.value)}
            />
          </div>
          <div className="form__actions">
            <button type="submit" className="button" disabled={commit.isPending}>
              {t('imports.mapping.submit')}
            </button>
          </div>
          {commit.isError ? <ErrorMessage error={commit.error} /> : null}
        </form>
      </section>
    </>
  );
}

function PreviewTable({ view }: { view: ImportView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const captionId = useId();
  const shown = view.preview.rows.length;
  return (
    // Scrolls both ways on a small screen: focusable, so a keyboard can scroll it too.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-wrap import-preview" tabIndex={0} aria-labelledby={captionId}>
      <table className="table">
        <caption id={captionId} className="visually-hidden">
          {t('imports.preview.caption', {
            shown: locale.formatNumber(shown),
            total: locale.formatNumber(view.rows),
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('imports.preview.row')}</th>
            {view.preview.headers.map((header, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns have no other identity
              <th scope="col" key={i}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.preview.rows.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: preview rows are fixed
            <tr key={r}>
              <th scope="row">{r + 2}</th>
              {view.preview.headers.map((_, c) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns have no other identity
                <td key={c}>{row[c] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ProgressStep({ view }: { view: ImportView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { done, total } = view.progress;
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  const text =
    view.status === 'queued' || view.phase === null
      ? t('imports.progress.queued')
      : view.phase === 'saving'
        ? t('imports.progress.saving')
        : t('imports.progress.validating', {
            done: locale.formatNumber(done),
            total: locale.formatNumber(total),
          });
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusWhenLost(headingRef);
  return (
    <section className="section import-progress-step" aria-labelledby="progress-heading">
      <h2 id="progress-heading" ref={headingRef} tabIndex={-1}>
        {t('imports.progress.heading')}
      </h2>
      <div
        className="import-progress"
        role="progressbar"
        aria-label={t('imports.progress.label')}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={text}
      >
        <div className="import-progress__bar" style={{ width: `${percent}%` }} />
      </div>
      <p role="status">{text}</p>
      <p className="muted">{t('imports.progress.leave')}</p>
      <p>
        <Link to="/imports">{t('imports.title')}</Link>
      </p>
    </section>
  );
}

function ReportStep({ view }: { view: ImportView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const messages = useImportMessages();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const commit = useCommit(view);
  useFocusWhenLost(headingRef);

  const summary = view.summary;
  const failure = view.failure ? messages.failure(view.failure) : null;
  return (
    <section className="section import-report" aria-labelledby="report-heading">
      <h2 id="report-heading" ref={headingRef} tabIndex={-1}>
        {view.status === 'done' ? t('imports.report.doneTitle') : t('imports.report.failedTitle')}
      </h2>
      {view.status === 'done' && summary ? (
        <div className="notice notice--success">
          <p>
            {t('imports.report.done', {
              count: view.rows,
              formatted: locale.formatNumber(view.rows),
              created: locale.formatNumber(summary.created),
              updated: locale.formatNumber(summary.updated),
              unchanged: locale.formatNumber(summary.unchanged),
            })}
          </p>
        </div>
      ) : null}
      {view.status === 'failed' ? (
        <div className="notice notice--error">
          {failure ? <p>{failure}</p> : null}
          {view.fileError ? <p>{messages.fileProblem(view.fileError)}</p> : null}
          {view.errors.length ? <p>{t('imports.report.fixRows')}</p> : null}
        </div>
      ) : null}
      {view.errors.length ? (
        <div className="table-wrap">
          <table className="table import-errors">
            <caption className="visually-hidden">{t('imports.report.errorsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('imports.report.row')}</th>
                <th scope="col">{t('imports.report.column')}</th>
                <th scope="col">{t('imports.report.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {view.errors.map((error, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a row may have several errors in one column
                <tr key={i}>
                  <td>{error.row}</td>
                  <td>{error.column ?? '–'}</td>
                  <td>{messages.rowError(error)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {view.moreErrors > 0 ? <p>{t('imports.report.more', { count: view.moreErrors })}</p> : null}
      <div className="import-report__actions">
        {view.status === 'failed' && view.failure && RETRYABLE.has(view.failure.code) && view.mapping ? (
          <button
            type="button"
            className="button"
            disabled={commit.isPending}
            onClick={() => commit.mutate({ mapping: view.mapping ?? {} })}
          >
            {t('imports.report.retry')}
          </button>
        ) : null}
        <Link className="button button--secondary" to="/imports">
          {t('imports.report.newImport')}
        </Link>
        {view.status === 'done' ? (
          <Link to="/organisations">{t('imports.report.toOrganisations')}</Link>
        ) : null}
      </div>
      {commit.isError ? <ErrorMessage error={commit.error} /> : null}
    </section>
  );
}
