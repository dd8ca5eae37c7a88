import { useMutation, useQuery } from '@tanstack/react-query';
import { type DragEvent, type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { pickLabel, useLocale } from '../../locale.ts';
import { useSession } from '../../queries.ts';
import { useImportMessages } from './import-messages.ts';
import {
  fileProblemOf,
  type ImportListItem,
  importKeys,
  listImportKinds,
  listImports,
  uploadImport,
} from './imports-api.ts';
import './imports.css';

const MB = 1024 * 1024;

/** The import wizard's first page: choose a file; below it, the recent imports to come back to. */
export function ImportsPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorMessage error={session.error} />;
  const user = session.data.user;
  const heading = <PageHeading title={t('imports.title')} lead={t('imports.lead')} />;
  if (!user) {
    return (
      <>
        {heading}
        <p className="notice">
          <Link to="/sign-in?next=%2Fimports">{t('imports.signInFirst')}</Link>
        </p>
      </>
    );
  }
  if (user.role !== 'admin' && user.role !== 'coordinator') {
    return (
      <>
        {heading}
        <p className="notice">{t('imports.notAllowed')}</p>
      </>
    );
  }
  return (
    <>
      {heading}
      {user.role === 'coordinator' ? <p className="section__intro">{t('imports.coordinatorNote')}</p> : null}
      <UploadForm />
      <RecentImports />
    </>
  );
}

function UploadForm() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const messages = useImportMessages();
  const kinds = useQuery({ queryKey: importKeys.kinds, queryFn: listImportKinds, staleTime: 10 * 60_000 });
  // Other pages link here with the kind and its parameters, e.g. ?kind=survey-responses&roundId=…
  const [search] = useSearchParams();
  const [kind, setKind] = useState(search.get('kind') ?? 'organisations');
  const [params, setParams] = useState<Record<string, string>>(() => Object.fromEntries(search.entries()));
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const ids = { kind: useId(), file: useId() };
  const upload = useMutation({
    mutationFn: ({ kind, file, params }: { kind: string; file: File; params: Record<string, string> }) =>
      uploadImport(kind, file, params),
    onSuccess: ({ id }) => {
      void navigate(`/imports/${encodeURIComponent(id)}`);
    },
  });

  const chosenKind = kinds.data?.find((k) => k.kind === kind) ?? kinds.data?.[0];
  const maxMb = Math.round((chosenKind?.maxBytes ?? 20 * MB) / MB);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setMissingFile(true);
      inputRef.current?.focus();
      return;
    }
    setMissingFile(false);
    const declared = chosenKind?.params ?? [];
    upload.mutate({
      kind: chosenKind?.kind ?? kind,
      file,
      params: Object.fromEntries(
        declared.map((p) => [p.key, (params[p.key] ?? '').trim()]).filter(([, v]) => v),
      ),
    });
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) {
      setFile(dropped);
      setMissingFile(false);
    }
  }

  const problem = fileProblemOf(upload.error);
  const describedBy = [`${ids.file}-hint`, missingFile ? `${ids.file}-error` : ''].filter(Boolean).join(' ');

  return (
    <section className="section" aria-labelledby="upload-heading">
      <h2 id="upload-heading">{t('imports.upload.heading')}</h2>
      <form className="form card" noValidate onSubmit={onSubmit}>
        {kinds.data && kinds.data.length > 1 ? (
          <div className="field">
            <label htmlFor={ids.kind}>{t('imports.upload.kind')}</label>
            <select id={ids.kind} value={chosenKind?.kind ?? kind} onChange={(e) => setKind(e.target.value)}>
              {kinds.data.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {pickLabel(k.title, locale.language)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {(chosenKind?.params ?? []).map((p) => (
          <div className="field" key={p.key}>
            <label htmlFor={`${ids.kind}-${p.key}`}>{pickLabel(p.label, locale.language)}</label>
            {p.hint ? (
              <p className="field__hint" id={`${ids.kind}-${p.key}-hint`}>
                {pickLabel(p.hint, locale.language)}
              </p>
            ) : null}
            <input
              id={`${ids.kind}-${p.key}`}
              value={params[p.key] ?? ''}
              required={p.required}
              aria-describedby={p.hint ? `${ids.kind}-${p.key}-hint` : undefined}
              onChange={(e) => setParams({ ...params, [p.key]: e.target.value })}
            />
          </div>
        ))}
        {/* Dropping a file is a shortcut for a mouse; the labelled file input is the way for everyone. */}
        {/* biome-ignore lint/a11y/noStaticElementInteractions: drag and drop only adds to the file input */}
        <div
          className="field import-drop"
          data-dragging={dragging}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label htmlFor={ids.file}>{t('imports.upload.file')}</label>
          <p className="field__hint" id={`${ids.file}-hint`}>
            {t('imports.upload.fileHint', { maxMb })} {t('imports.upload.dropHere')}
          </p>
          {missingFile ? (
            <p className="field__error" id={`${ids.file}-error`}>
              {t('imports.upload.chooseFile')}
            </p>
          ) : null}
          <input
            ref={inputRef}
            id={ids.file}
            type="file"
            accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={missingFile || undefined}
            aria-describedby={describedBy}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setMissingFile(false);
              upload.reset();
            }}
          />
          <p className="import-drop__chosen" role="status">
            {file ? t('imports.upload.chosen', { name: file.name }) : ''}
          </p>
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={upload.isPending}>
            {upload.isPending ? t('imports.upload.uploading') : t('imports.upload.submit')}
          </button>
        </div>
        {upload.isError && problem ? (
          <div className="notice notice--error" role="alert">
            <p className="notice__title">{t('imports.upload.rejected')}</p>
            <p>{messages.fileProblem(problem)}</p>
            {upload.error instanceof ApiError ? (
              <details className="notice__detail">
                <summary>{t('errors.technicalDetails')}</summary>
                <code lang="en">{upload.error.message}</code>
              </details>
            ) : null}
          </div>
        ) : null}
        {upload.isError && !problem ? <ErrorMessage error={upload.error} /> : null}
      </form>
    </section>
  );
}

function RecentImports() {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useQuery({
    queryKey: importKeys.list,
    queryFn: listImports,
    // While something runs, the list follows it.
    refetchInterval: (query) =>
      query.state.data?.items.some((i) => i.status === 'queued' || i.status === 'running') ? 2000 : false,
  });
  return (
    <section className="section" aria-labelledby="recent-imports">
      <h2 id="recent-imports">{t('imports.recent.heading')}</h2>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorMessage error={list.error} /> : null}
      {list.data && list.data.items.length === 0 ? <p className="muted">{t('imports.recent.none')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('imports.recent.file')}</th>
                <th scope="col">{t('imports.recent.status')}</th>
                <th scope="col">{t('imports.recent.created')}</th>
                <th scope="col">{t('imports.recent.result')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <Link to={`/imports/${encodeURIComponent(item.id)}`}>{item.fileName}</Link>
                  </td>
                  <td>{t(`imports.status.${item.status}`)}</td>
                  <td>{locale.formatDateTime(item.createdAt)}</td>
                  <td>
                    <ImportResult item={item} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function ImportResult({ item }: { item: ImportListItem }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (item.status === 'done' && item.summary) {
    return (
      <>
        {t('imports.report.done', {
          count: item.rows,
          formatted: locale.formatNumber(item.rows),
          created: locale.formatNumber(item.summary.created),
          updated: locale.formatNumber(item.summary.updated),
          unchanged: locale.formatNumber(item.summary.unchanged),
        })}
      </>
    );
  }
  if (item.status === 'failed' && item.errorCount > 0)
    return <>{t('imports.recent.errors', { count: item.errorCount })}</>;
  return <>{t('imports.recent.rows', { count: item.rows })}</>;
}
