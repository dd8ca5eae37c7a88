// The pipeline parts of a project's page: stage control, funding (instrument, call, money) and the
// work-package outline editor. Shown read-only to those who may not edit the project.
import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/status.tsx';
import { useLocale } from '../../locale.ts';
import { DeadlineBadge, localName, useEuros, useTrackLabel } from './pipeline-parts.tsx';
import { useStageLabel } from './project-labels.ts';
import {
  PROJECT_STAGES,
  type ProjectDetail,
  type ProjectStage,
  useCalls,
  useInstruments,
  useMoveStage,
  useUpdateProject,
  type WorkPackage,
} from './projects-api.ts';

const MAIN_LINE: readonly ProjectStage[] = ['idea', 'concept_note', 'consortium', 'proposal', 'submitted'];

/** Whole euros from what a person typed ("1 250 000", "1250000,00"); null when empty; NaN when not a sum. */
export function parseEuros(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0€]/g, '').replace(/,\d{1,2}$/, '');
  if (cleaned === '') return null;
  if (!/^\d+$/.test(cleaned)) return Number.NaN;
  return Number(cleaned);
}

export function StagePanel({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const stageLabel = useStageLabel();
  const move = useMoveStage();
  const [granted, setGranted] = useState('');
  const [problem, setProblem] = useState('');
  const [done, setDone] = useState('');
  const grantedId = useId();
  const decided = project.stage === 'funded' || project.stage === 'not_funded';
  const currentIndex = decided ? MAIN_LINE.length : MAIN_LINE.indexOf(project.stage);

  const go = (stage: ProjectStage) => {
    setProblem('');
    setDone('');
    let grantedEur: number | undefined;
    if (stage === 'funded') {
      const value = parseEuros(granted);
      if (value === null || Number.isNaN(value) || value <= 0) {
        setProblem(t('pipeline.stage.grantedNeeded'));
        return;
      }
      grantedEur = value;
    }
    move.mutate(
      { id: project.id, stage, ...(grantedEur !== undefined ? { grantedEur } : {}) },
      { onSuccess: () => setDone(t('pipeline.stage.moved', { stage: stageLabel(stage) })) },
    );
  };

  return (
    <section className="card pl-panel" aria-labelledby="pl-stage-heading">
      <h2 id="pl-stage-heading">{t('pipeline.stage.title')}</h2>
      <ol className="pl-steps">
        {[...MAIN_LINE, decided ? project.stage : 'funded'].map((stage, i) => (
          <li
            key={stage}
            className={
              i < currentIndex
                ? 'pl-step pl-step--done'
                : i === currentIndex
                  ? `pl-step pl-step--current pl-step--${stage}`
                  : 'pl-step'
            }
            aria-current={i === currentIndex ? 'step' : undefined}
          >
            {i === MAIN_LINE.length && !decided ? t('pipeline.stage.decision') : stageLabel(stage)}
          </li>
        ))}
      </ol>
      {project.canEdit ? (
        <div className="pl-stage-actions">
          {project.nextStages.includes('funded') ? (
            <div className="field pl-granted">
              <label htmlFor={grantedId}>{t('pipeline.stage.granted')}</label>
              <input
                id={grantedId}
                inputMode="numeric"
                value={granted}
                onChange={(e) => setGranted(e.target.value)}
                aria-describedby={problem ? `${grantedId}-error` : undefined}
                aria-invalid={problem ? true : undefined}
              />
              {problem ? (
                <p className="field__error" id={`${grantedId}-error`}>
                  {problem}
                </p>
              ) : null}
            </div>
          ) : null}
          <div className="pl-stage-buttons">
            {PROJECT_STAGES.filter((s) => project.nextStages.includes(s)).map((stage) => {
              const from = MAIN_LINE.indexOf(project.stage);
              const forward =
                stage === 'funded' ||
                stage === 'not_funded' ||
                (from >= 0 && MAIN_LINE.indexOf(stage) > from);
              return (
                <button
                  key={stage}
                  type="button"
                  className={forward ? 'button button--small' : 'button button--secondary button--small'}
                  disabled={move.isPending}
                  onClick={() => go(stage)}
                >
                  {forward ? null : <span aria-hidden="true">← </span>}
                  {t('pipeline.stage.moveTo', { stage: stageLabel(stage) })}
                </button>
              );
            })}
          </div>
        </div>
      ) : (
        <p className="muted">{t('pipeline.readOnly')}</p>
      )}
      <p className="form__status" role="status">
        {done}
      </p>
      {move.isError ? <ErrorMessage error={move.error} /> : null}
    </section>
  );
}

export function FundingPanel({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const euros = useEuros();
  const trackLabel = useTrackLabel();
  const instruments = useInstruments();
  const calls = useCalls();
  const update = useUpdateProject(project.id);
  const [instrumentId, setInstrumentId] = useState(project.instrument?.id ?? '');
  const [callId, setCallId] = useState(project.call?.id ?? '');
  const [requested, setRequested] = useState(project.requestedEur?.toString() ?? '');
  const [problem, setProblem] = useState('');
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    setInstrumentId(project.instrument?.id ?? '');
    setCallId(project.call?.id ?? '');
    setRequested(project.requestedEur?.toString() ?? '');
  }, [project.instrument?.id, project.call?.id, project.requestedEur]);

  const callsOfInstrument = useMemo(
    () => (calls.data ?? []).filter((c) => !instrumentId || c.instrumentId === instrumentId),
    [calls.data, instrumentId],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const requestedEur = parseEuros(requested);
    if (requestedEur !== null && Number.isNaN(requestedEur)) {
      setProblem(t('pipeline.funding.requestedInvalid'));
      return;
    }
    setProblem('');
    update.mutate(
      { instrumentId: instrumentId || null, callId: callId || null, requestedEur },
      { onSuccess: () => setSaved(true) },
    );
  };

  const facts = (
    <dl className="pl-facts">
      <dt>{t('pipeline.funding.instrument')}</dt>
      <dd>
        {project.instrument ? (
          <>
            {localName(project.instrument.name, locale.language)}{' '}
            <span className="muted">({trackLabel(project.instrument.track)})</span>
          </>
        ) : (
          <span className="muted">{t('pipeline.noInstrument')}</span>
        )}
      </dd>
      <dt>{t('pipeline.funding.call')}</dt>
      <dd>
        {project.call ? (
          <>
            {project.call.topicId ? <span className="pl-topic">{project.call.topicId}</span> : null}{' '}
            {project.call.title} <DeadlineBadge deadline={project.deadline} stage={project.stage} />
            {project.deadline ? (
              <div className="muted">
                {t('pipeline.funding.deadline')}: {locale.formatDateTime(project.deadline)}
              </div>
            ) : null}
          </>
        ) : (
          <span className="muted">{t('pipeline.funding.noCall')}</span>
        )}
      </dd>
      <dt>{t('pipeline.funding.budgetGrant')}</dt>
      <dd>
        {euros(project.budgetGrantEur)}
        {project.budgetGrantEur === null ? (
          <div className="muted">{t('pipeline.funding.budgetGrantNone')}</div>
        ) : null}
      </dd>
      <dt>{t('pipeline.funding.applied')}</dt>
      <dd>{euros(project.appliedEur)}</dd>
      <dt>{t('pipeline.funding.granted')}</dt>
      <dd>{euros(project.grantedEur)}</dd>
    </dl>
  );

  return (
    <section className="card pl-panel" aria-labelledby="pl-funding-heading">
      <h2 id="pl-funding-heading">{t('pipeline.funding.title')}</h2>
      {facts}
      {project.canEdit ? (
        <form className="pl-funding-form" onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="pl-instrument">{t('pipeline.funding.instrument')}</label>
            <select
              id="pl-instrument"
              value={instrumentId}
              onChange={(e) => {
                setInstrumentId(e.target.value);
                setCallId('');
              }}
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
          </div>
          <div className="field">
            <label htmlFor="pl-call">{t('pipeline.funding.call')}</label>
            <select
              id="pl-call"
              value={callId}
              onChange={(e) => {
                setCallId(e.target.value);
                const call = calls.data?.find((c) => c.id === e.target.value);
                if (call) setInstrumentId(call.instrumentId);
              }}
            >
              <option value="">{t('pipeline.funding.noCallOption')}</option>
              {callsOfInstrument.map((c) => (
                <option key={c.id} value={c.id}>
                  {[c.topicId, c.title, c.deadline ? locale.formatDate(c.deadline) : null]
                    .filter(Boolean)
                    .join(' · ')}
                </option>
              ))}
            </select>
            <p className="field__hint">
              <Link to="/projects/calls">{t('pipeline.funding.manageCalls')}</Link>
            </p>
          </div>
          <div className="field">
            <label htmlFor="pl-requested">{t('pipeline.funding.requested')}</label>
            <input
              id="pl-requested"
              inputMode="numeric"
              value={requested}
              onChange={(e) => setRequested(e.target.value)}
              aria-describedby="pl-requested-hint"
              aria-invalid={problem ? true : undefined}
            />
            <p className="field__hint" id="pl-requested-hint">
              {t('pipeline.funding.requestedHint')}
            </p>
            {problem ? <p className="field__error">{problem}</p> : null}
          </div>
          <div className="form__actions">
            <button type="submit" className="button" disabled={update.isPending}>
              {t('pipeline.funding.save')}
            </button>
          </div>
          <p className="form__status" role="status">
            {saved ? t('pipeline.saved') : ''}
          </p>
          {update.isError ? <ErrorMessage error={update.error} /> : null}
        </form>
      ) : null}
    </section>
  );
}

type WpDraft = {
  code: string;
  title: string;
  leadPartnerId: string;
  startMonth: string;
  endMonth: string;
  conceptIds: string[];
};

function toDraft(wp: WorkPackage): WpDraft {
  return {
    code: wp.code,
    title: wp.title,
    leadPartnerId: wp.leadPartnerId ?? '',
    startMonth: wp.startMonth?.toString() ?? '',
    endMonth: wp.endMonth?.toString() ?? '',
    conceptIds: wp.conceptIds,
  };
}

function monthOrNull(text: string): number | null {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) ? n : null;
}

export function WorkPackagePanel({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const update = useUpdateProject(project.id);
  const [rows, setRows] = useState<WpDraft[]>(() => project.workPackages.map(toDraft));
  const [saved, setSaved] = useState(false);
  useEffect(() => setRows(project.workPackages.map(toDraft)), [project.workPackages]);
  const partnerName = (id: string | null) => project.partners.find((p) => p.id === id)?.name ?? '–';
  const months = project.workPackages.flatMap((wp) => [wp.startMonth ?? 0, wp.endMonth ?? 0]);
  const span = Math.max(12, ...months);

  const change = (i: number, patch: Partial<WpDraft>) => {
    setSaved(false);
    setRows((all) => all.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      {
        workPackages: rows.map((r) => ({
          code: r.code.trim(),
          title: r.title.trim(),
          leadPartnerId: r.leadPartnerId || null,
          startMonth: monthOrNull(r.startMonth),
          endMonth: monthOrNull(r.endMonth),
          conceptIds: r.conceptIds,
        })),
      },
      { onSuccess: () => setSaved(true) },
    );
  };

  return (
    <section className="pl-wps" aria-labelledby="pl-wp-heading">
      <h2 id="pl-wp-heading">{t('pipeline.wp.title')}</h2>
      {project.workPackages.length === 0 ? (
        <p className="muted">{t('pipeline.wp.none')}</p>
      ) : (
        <ol className="pl-gantt" aria-label={t('pipeline.wp.timeline')}>
          {project.workPackages.map((wp) => {
            const start = wp.startMonth ?? 1;
            const end = wp.endMonth ?? span;
            return (
              <li key={wp.code} className="pl-gantt__row">
                <span className="pl-gantt__label">
                  <strong>{wp.code}</strong> {wp.title}
                  <span className="muted"> · {partnerName(wp.leadPartnerId)}</span>
                </span>
                <span className="pl-gantt__track" aria-hidden="true">
                  <span
                    className="pl-gantt__bar"
                    style={{
                      left: `${((start - 1) / span) * 100}%`,
                      width: `${((end - start + 1) / span) * 100}%`,
                    }}
                  />
                </span>
                <span className="pl-gantt__months">
                  {wp.startMonth || wp.endMonth
                    ? t('pipeline.wp.months', { start: wp.startMonth ?? '?', end: wp.endMonth ?? '?' })
                    : ''}
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {project.canEdit ? (
        <form onSubmit={save} className="pl-wp-form">
          <div className="table-wrap">
            <table className="table pl-wp-table">
              <caption className="visually-hidden">{t('pipeline.wp.edit')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('pipeline.wp.code')}</th>
                  <th scope="col">{t('pipeline.wp.name')}</th>
                  <th scope="col">{t('pipeline.wp.lead')}</th>
                  <th scope="col">{t('pipeline.wp.start')}</th>
                  <th scope="col">{t('pipeline.wp.end')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('pipeline.wp.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => {
                  const n = i + 1;
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows being edited have no identity yet
                    <tr key={i}>
                      <td>
                        <input
                          className="pl-wp-code"
                          aria-label={t('pipeline.wp.codeOf', { n })}
                          value={row.code}
                          onChange={(e) => change(i, { code: e.target.value })}
                          required
                        />
                      </td>
                      <td>
                        <input
                          aria-label={t('pipeline.wp.nameOf', { n })}
                          value={row.title}
                          onChange={(e) => change(i, { title: e.target.value })}
                          required
                        />
                      </td>
                      <td>
                        <select
                          aria-label={t('pipeline.wp.leadOf', { n })}
                          value={row.leadPartnerId}
                          onChange={(e) => change(i, { leadPartnerId: e.target.value })}
                        >
                          <option value="">–</option>
                          {project.partners.map((p) => (
                            <option key={p.id} value={p.id}>
                              {p.name}
                            </option>
                          ))}
                        </select>
                      </td>
                      {(['startMonth', 'endMonth'] as const).map((key) => (
                        <td key={key}>
                          <input
                            className="pl-wp-month"
                            type="number"
                            min={1}
                            max={120}
                            aria-label={t(
                              key === 'startMonth' ? 'pipeline.wp.startOf' : 'pipeline.wp.endOf',
                              { n },
                            )}
                            value={row[key]}
                            onChange={(e) => change(i, { [key]: e.target.value })}
                          />
                        </td>
                      ))}
                      <td>
                        <button
                          type="button"
                          className="link-button link-button--danger"
                          onClick={() => setRows((all) => all.filter((_, j) => j !== i))}
                        >
                          {t('pipeline.wp.remove')}
                          <span className="visually-hidden"> {row.code}</span>
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="form__actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() =>
                setRows((all) => [
                  ...all,
                  {
                    code: `WP${all.length + 1}`,
                    title: '',
                    leadPartnerId: '',
                    startMonth: '',
                    endMonth: '',
                    conceptIds: [],
                  },
                ])
              }
            >
              {t('pipeline.wp.add')}
            </button>
            <button type="submit" className="button" disabled={update.isPending}>
              {t('pipeline.wp.save')}
            </button>
          </div>
          <p className="form__status" role="status">
            {saved ? t('pipeline.saved') : ''}
          </p>
          {update.isError ? <ErrorMessage error={update.error} /> : null}
        </form>
      ) : null}
    </section>
  );
}
