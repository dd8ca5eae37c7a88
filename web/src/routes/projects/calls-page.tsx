import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { useLocale } from '../../locale.ts';
import { useSession } from '../../queries.ts';
import { DeadlineBadge, localName, useEuros, useTrackLabel } from './pipeline-parts.tsx';
import { parseEuros } from './project-pipeline-panels.tsx';
import {
  type ActionType,
  type CallInput,
  useCalls,
  useCreateCall,
  useDeleteCall,
  useInstruments,
} from './projects-api.ts';
import './pipeline.css';

/** Funding calls with their deadlines; coordinators and admins add and remove them. */
export function CallsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const euros = useEuros();
  const session = useSession();
  const calls = useCalls();
  const instruments = useInstruments();
  const remove = useDeleteCall();
  const [showPast, setShowPast] = useState(false);
  const role = session.data?.user?.role;
  const canWrite = role === 'coordinator' || role === 'admin';
  const instrumentName = (id: string) => {
    const found = instruments.data?.find((i) => i.id === id);
    return found ? localName(found.name, locale.language) : id;
  };
  const now = Date.now();
  const shown = (calls.data ?? []).filter(
    (c) => showPast || !c.deadline || new Date(c.deadline).getTime() >= now,
  );
  const pastCount = (calls.data ?? []).length - shown.length;

  return (
    <>
      <nav className="breadcrumb" aria-label={t('projects.breadcrumb')}>
        <ol>
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
          <li>
            <Link to="/projects">{t('pipeline.board.title')}</Link>
          </li>
          <li aria-current="page">{t('pipeline.calls.title')}</li>
        </ol>
      </nav>
      <PageHeading
        title={t('pipeline.calls.title')}
        eyebrow={t('modules.projects.title')}
        lead={t('pipeline.calls.lead')}
      />
      <div className="field field--checkbox">
        <input
          id="pl-show-past"
          type="checkbox"
          checked={showPast}
          onChange={(e) => setShowPast(e.target.checked)}
        />
        <label htmlFor="pl-show-past">
          {t('pipeline.calls.showPast', { count: pastCount, formatted: locale.formatNumber(pastCount) })}
        </label>
      </div>
      {calls.isPending ? <Loading /> : null}
      {calls.isError ? <ErrorMessage error={calls.error} /> : null}
      {remove.isError ? <ErrorMessage error={remove.error} /> : null}
      {calls.data && shown.length === 0 ? (
        <div className="empty">
          <p className="empty__title">{t('pipeline.calls.emptyTitle')}</p>
          <p>{t('pipeline.calls.emptyText')}</p>
        </div>
      ) : null}
      {shown.length > 0 ? (
        <ul className="pl-calls">
          {shown.map((c) => (
            <li key={c.id}>
              <article className="card pl-call">
                <div className="pl-call__head">
                  <h2 className="pl-call__title">
                    {c.topicId ? <span className="pl-topic">{c.topicId}</span> : null}
                    {c.title}
                  </h2>
                  <DeadlineBadge deadline={c.deadline} stage="idea" />
                </div>
                <dl className="pl-call__facts">
                  <div>
                    <dt>{t('pipeline.funding.instrument')}</dt>
                    <dd>{instrumentName(c.instrumentId)}</dd>
                  </div>
                  <div>
                    <dt>{t('pipeline.calls.deadline')}</dt>
                    <dd>{c.deadline ? locale.formatDateTime(c.deadline) : t('pipeline.calls.noDeadline')}</dd>
                  </div>
                  <div>
                    <dt>{t('pipeline.calls.actionType')}</dt>
                    <dd>{c.actionType ?? '–'}</dd>
                  </div>
                  <div>
                    <dt>{t('pipeline.calls.budget')}</dt>
                    <dd>{euros(c.budgetEur)}</dd>
                  </div>
                  <div>
                    <dt>{t('pipeline.calls.projects')}</dt>
                    <dd>{locale.formatNumber(c.projectCount)}</dd>
                  </div>
                </dl>
                {c.description ? <p className="pl-call__text">{c.description}</p> : null}
                <p className="pl-call__links">
                  {c.url ? (
                    <a href={c.url} rel="noopener noreferrer external" target="_blank">
                      {t('pipeline.calls.open')}
                      <span className="visually-hidden"> {c.topicId ?? c.title}</span>
                    </a>
                  ) : null}
                  {canWrite ? (
                    <button
                      type="button"
                      className="link-button link-button--danger"
                      disabled={remove.isPending}
                      onClick={() => {
                        if (window.confirm(t('pipeline.calls.confirmDelete', { title: c.title })))
                          remove.mutate(c.id);
                      }}
                    >
                      {t('pipeline.calls.delete')}
                      <span className="visually-hidden"> {c.topicId ?? c.title}</span>
                    </button>
                  ) : null}
                </p>
              </article>
            </li>
          ))}
        </ul>
      ) : null}
      {canWrite ? <CallForm /> : null}
    </>
  );
}

const EMPTY = {
  instrumentId: '',
  topicId: '',
  title: '',
  description: '',
  deadline: '',
  actionType: '',
  budget: '',
  url: '',
};

function CallForm() {
  const { t } = useTranslation();
  const locale = useLocale();
  const trackLabel = useTrackLabel();
  const instruments = useInstruments();
  const create = useCreateCall();
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState('');
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreated('');
    const problems: Record<string, string> = {};
    if (!form.instrumentId) problems.instrumentId = t('pipeline.calls.form.instrumentNeeded');
    if (form.title.trim().length < 3) problems.title = t('pipeline.calls.form.titleNeeded');
    const budget = parseEuros(form.budget);
    if (budget !== null && Number.isNaN(budget)) problems.budget = t('pipeline.funding.requestedInvalid');
    if (form.url && !/^https?:\/\//i.test(form.url.trim()))
      problems.url = t('pipeline.calls.form.urlInvalid');
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      document.getElementById(`pl-call-${Object.keys(problems)[0]}`)?.focus();
      return;
    }
    const input: CallInput = {
      instrumentId: form.instrumentId,
      topicId: form.topicId.trim() || null,
      title: form.title.trim(),
      description: form.description.trim(),
      // A deadline typed as a local date and time; calls close at 17:00 Brussels time usually.
      deadline: form.deadline ? new Date(form.deadline).toISOString() : null,
      actionType: (form.actionType || null) as ActionType | null,
      budgetEur: budget,
      url: form.url.trim() || null,
    };
    create.mutate(input, {
      onSuccess: (call) => {
        setCreated(t('pipeline.calls.form.created', { title: call.title }));
        setForm(EMPTY);
      },
    });
  };

  const error = (key: string) =>
    errors[key] ? (
      <p className="field__error" id={`pl-call-${key}-error`}>
        {errors[key]}
      </p>
    ) : null;
  const described = (key: string) =>
    errors[key] ? { 'aria-describedby': `pl-call-${key}-error`, 'aria-invalid': true } : {};

  return (
    <section className="card pl-call-form" aria-labelledby="pl-call-form-heading">
      <h2 id="pl-call-form-heading">{t('pipeline.calls.form.title')}</h2>
      <form onSubmit={submit} noValidate>
        <div className="form__row">
          <div className="field">
            <label htmlFor="pl-call-instrumentId">
              {t('pipeline.funding.instrument')}{' '}
              <span className="field__required">{t('pipeline.required')}</span>
            </label>
            <select
              id="pl-call-instrumentId"
              value={form.instrumentId}
              onChange={set('instrumentId')}
              {...described('instrumentId')}
            >
              <option value="">{t('pipeline.funding.chooseInstrument')}</option>
              {(['horizon_europe', 'national', 'other_eu'] as const).map((track) => (
                <optgroup key={track} label={trackLabel(track)}>
                  {(instruments.data ?? [])
                    .filter((i) => i.track === track)
                    .map((i) => (
                      <option key={i.id} value={i.id}>
                        {localName(i.name, locale.language)}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
            {error('instrumentId')}
          </div>
          <div className="field">
            <label htmlFor="pl-call-topicId">{t('pipeline.calls.topicId')}</label>
            <input
              id="pl-call-topicId"
              value={form.topicId}
              onChange={set('topicId')}
              placeholder="HORIZON-CL5-2025-…"
            />
          </div>
        </div>
        <div className="field">
          <label htmlFor="pl-call-title">
            {t('pipeline.calls.form.name')} <span className="field__required">{t('pipeline.required')}</span>
          </label>
          <input id="pl-call-title" value={form.title} onChange={set('title')} {...described('title')} />
          {error('title')}
        </div>
        <div className="form__row">
          <div className="field">
            <label htmlFor="pl-call-deadline">{t('pipeline.calls.deadline')}</label>
            <input
              id="pl-call-deadline"
              type="datetime-local"
              value={form.deadline}
              onChange={set('deadline')}
            />
          </div>
          <div className="field">
            <label htmlFor="pl-call-actionType">{t('pipeline.calls.actionType')}</label>
            <select id="pl-call-actionType" value={form.actionType} onChange={set('actionType')}>
              <option value="">–</option>
              <option value="RIA">RIA</option>
              <option value="IA">IA</option>
              <option value="CSA">CSA</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="pl-call-budget">{t('pipeline.calls.budget')}</label>
            <input
              id="pl-call-budget"
              inputMode="numeric"
              value={form.budget}
              onChange={set('budget')}
              {...described('budget')}
            />
            {error('budget')}
          </div>
        </div>
        <div className="field">
          <label htmlFor="pl-call-url">{t('pipeline.calls.form.url')}</label>
          <input id="pl-call-url" type="url" value={form.url} onChange={set('url')} {...described('url')} />
          {error('url')}
        </div>
        <div className="field">
          <label htmlFor="pl-call-description">{t('pipeline.calls.form.description')}</label>
          <textarea
            id="pl-call-description"
            rows={3}
            value={form.description}
            onChange={set('description')}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {t('pipeline.calls.form.submit')}
          </button>
        </div>
        <p className="form__status" role="status">
          {created}
        </p>
        {create.isError ? <ErrorMessage error={create.error} /> : null}
      </form>
    </section>
  );
}
