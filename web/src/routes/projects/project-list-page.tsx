import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { allowedStages } from '../../../../src/domain/projects/pipeline.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading, useErrorText } from '../../components/status.tsx';
import { useLocale } from '../../locale.ts';
import { useSession } from '../../queries.ts';
import { useNames } from '../challenges/challenge-labels.ts';
import { DeadlineBadge, localName, useEuros, useTrackLabel } from './pipeline-parts.tsx';
import { useStageLabel } from './project-labels.ts';
import {
  PROJECT_STAGES,
  type Project,
  type ProjectStage,
  type Track,
  useMoveStage,
  useProjects,
} from './projects-api.ts';
import '../challenges/challenges.css';
import './pipeline.css';

const WORKING: readonly ProjectStage[] = ['idea', 'concept_note', 'consortium', 'proposal', 'submitted'];

/** The stage one step forward on the board (decisions need the granted sum: the project page). */
function forwardOf(stage: ProjectStage): ProjectStage | null {
  const i = WORKING.indexOf(stage);
  return i >= 0 && i < WORKING.length - 1 ? WORKING[i + 1]! : null;
}

function backOf(stage: ProjectStage): ProjectStage | null {
  if (stage === 'funded' || stage === 'not_funded') return 'submitted';
  const i = WORKING.indexOf(stage);
  return i > 0 ? WORKING[i - 1]! : null;
}

/**
 * The R&D pipeline: a column per stage with a card per project (instrument, call deadline
 * countdown, partners, regions), moved a stage forward or back with buttons; or the same as a table.
 */
export function ProjectListPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const stageLabel = useStageLabel();
  const trackLabel = useTrackLabel();
  const session = useSession();
  const signedIn = Boolean(session.data?.user);
  const projects = useProjects(signedIn);
  const [params, setParams] = useSearchParams();
  // Kept in the address too (a shared link opens the same view), but answered at once.
  const [view, setView] = useState<'board' | 'table'>(params.get('view') === 'table' ? 'table' : 'board');
  const track = (params.get('track') ?? '') as Track | '';
  const q = params.get('q') ?? '';
  const move = useMoveStage();
  const errorText = useErrorText();
  const [announce, setAnnounce] = useState('');
  const [focusAfterMove, setFocusAfterMove] = useState<{ id: string; stage: ProjectStage } | null>(null);

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const list = useMemo(() => {
    const needle = q.trim().toLocaleLowerCase(locale.language);
    return (projects.data ?? []).filter(
      (p) =>
        (!track || p.instrument?.track === track) &&
        (!needle || `${p.title} ${p.summary}`.toLocaleLowerCase(locale.language).includes(needle)),
    );
  }, [projects.data, track, q, locale.language]);

  // A moved card lands in another column: once it is there, its title link takes the focus again.
  useEffect(() => {
    if (!focusAfterMove) return;
    const moved = projects.data?.find((p) => p.id === focusAfterMove.id);
    if (moved?.stage !== focusAfterMove.stage) return;
    document.getElementById(`pl-card-${focusAfterMove.id}`)?.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove, projects.data]);

  const doMove = (project: Project, stage: ProjectStage) => {
    setAnnounce('');
    move.mutate(
      { id: project.id, stage },
      {
        onSuccess: () => {
          setAnnounce(t('pipeline.board.moved', { title: project.title, stage: stageLabel(stage) }));
          setFocusAfterMove({ id: project.id, stage });
        },
        onError: (error) => setAnnounce(`${t('pipeline.board.moveFailed')} ${errorText(error)}`),
      },
    );
  };

  return (
    <>
      <PageHeading
        title={t('pipeline.board.title')}
        eyebrow={t('modules.projects.title')}
        lead={t('pipeline.board.lead')}
      />
      <nav className="pl-subnav" aria-label={t('pipeline.subnav')}>
        <Link to="/challenges/common">{t('projects.fromCommon')}</Link>
        <Link to="/projects/calls">{t('pipeline.calls.title')}</Link>
        <Link to="/reports">{t('pipeline.kpi.title')}</Link>
      </nav>

      <form className="filters pl-filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="pl-q">{t('pipeline.board.search')}</label>
          <input id="pl-q" type="search" value={q} onChange={(e) => setParam('q', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="pl-track">{t('pipeline.board.trackFilter')}</label>
          <select id="pl-track" value={track} onChange={(e) => setParam('track', e.target.value)}>
            <option value="">{t('pipeline.board.allTracks')}</option>
            {(['horizon_europe', 'national', 'other_eu'] as const).map((x) => (
              <option key={x} value={x}>
                {trackLabel(x)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="pl-view">
          <legend>{t('pipeline.board.view')}</legend>
          {(['board', 'table'] as const).map((v) => (
            <label
              key={v}
              className={view === v ? 'pl-view__option pl-view__option--active' : 'pl-view__option'}
            >
              <input
                type="radio"
                name="pl-view"
                value={v}
                checked={view === v}
                onChange={() => {
                  setView(v);
                  setParam('view', v === 'board' ? '' : v);
                }}
              />
              {t(`pipeline.board.${v}`)}
            </label>
          ))}
        </fieldset>
      </form>

      <p className="result-count" role="status" aria-live="polite">
        {projects.data
          ? t('projects.count', { count: list.length, formatted: locale.formatNumber(list.length) })
          : ''}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
      {session.data && !signedIn ? (
        <div className="notice">
          <p className="notice__title">{t('pipeline.board.signInTitle')}</p>
          <p>
            <Link to="/sign-in">{t('pipeline.kpi.signIn')}</Link>
          </p>
        </div>
      ) : null}
      {move.isError ? <ErrorMessage error={move.error} /> : null}
      {signedIn && projects.isPending ? <Loading /> : null}
      {projects.isError ? <ErrorMessage error={projects.error} /> : null}
      {projects.data && projects.data.length === 0 ? (
        <div className="empty">
          <p className="empty__title">{t('projects.emptyTitle')}</p>
          <p>{t('projects.emptyText')}</p>
        </div>
      ) : null}
      {projects.data && projects.data.length > 0 ? (
        view === 'board' ? (
          <Board projects={list} onMove={doMove} busy={move.isPending} />
        ) : (
          <ProjectTable projects={list} />
        )
      ) : null}
    </>
  );
}

function Board({
  projects,
  onMove,
  busy,
}: {
  projects: Project[];
  onMove: (p: Project, stage: ProjectStage) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const stageLabel = useStageLabel();
  return (
    <div className="pl-board">
      {PROJECT_STAGES.map((stage) => {
        const cards = projects.filter((p) => p.stage === stage);
        return (
          <section
            key={stage}
            className={`pl-column pl-column--${stage}`}
            aria-labelledby={`pl-col-${stage}`}
          >
            <h2 id={`pl-col-${stage}`} className="pl-column__title">
              {stageLabel(stage)}{' '}
              <span className="pl-column__count">{locale.formatNumber(cards.length)}</span>
            </h2>
            {cards.length === 0 ? (
              <p className="pl-column__empty">{t('pipeline.board.none')}</p>
            ) : (
              <ul className="pl-cards">
                {cards.map((p) => (
                  <li key={p.id}>
                    <ProjectCard project={p} onMove={onMove} busy={busy} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

function ProjectCard({
  project: p,
  onMove,
  busy,
}: {
  project: Project;
  onMove: (p: Project, stage: ProjectStage) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = useNames(locale);
  const stageLabel = useStageLabel();
  const euros = useEuros();
  const forward = forwardOf(p.stage);
  const back = backOf(p.stage);
  const allowed = allowedStages(p.stage);
  return (
    <article className={`pl-card pl-card--${p.instrument?.track ?? 'none'}`}>
      <h3 className="pl-card__title">
        <Link id={`pl-card-${p.id}`} to={`/projects/${encodeURIComponent(p.id)}`}>
          {p.title}
        </Link>
      </h3>
      <p className="pl-card__instrument">
        {p.instrument ? (
          localName(p.instrument.name, locale.language)
        ) : (
          <span className="muted">{t('pipeline.noInstrument')}</span>
        )}
        {p.call?.topicId ? <span className="pl-card__topic">{p.call.topicId}</span> : null}
      </p>
      <p className="pl-card__facts">
        <DeadlineBadge deadline={p.deadline} stage={p.stage} />
        <span>
          {t('pipeline.partnerCount', {
            count: p.partnerCount,
            formatted: locale.formatNumber(p.partnerCount),
          })}
        </span>
        {p.appliedEur ? <span>{euros(p.grantedEur ?? p.appliedEur)}</span> : null}
      </p>
      {p.regionIds.length > 0 ? (
        <p className="pl-card__regions">{p.regionIds.map((id) => names.region(id)).join(' · ')}</p>
      ) : null}
      {p.canEdit ? (
        <div className="pl-card__move">
          {back && allowed.includes(back) ? (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={busy}
              onClick={() => onMove(p, back)}
              aria-label={t('pipeline.board.moveTo', { title: p.title, stage: stageLabel(back) })}
            >
              <span aria-hidden="true">← </span>
              {stageLabel(back)}
            </button>
          ) : null}
          {forward ? (
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              onClick={() => onMove(p, forward)}
              aria-label={t('pipeline.board.moveTo', { title: p.title, stage: stageLabel(forward) })}
            >
              {stageLabel(forward)}
              <span aria-hidden="true"> →</span>
            </button>
          ) : p.stage === 'submitted' ? (
            <Link className="pl-card__decide" to={`/projects/${encodeURIComponent(p.id)}#pl-stage-heading`}>
              {t('pipeline.board.recordDecision')}
            </Link>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

function ProjectTable({ projects }: { projects: Project[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = useNames(locale);
  const stageLabel = useStageLabel();
  const euros = useEuros();
  return (
    <div className="table-wrap">
      <table className="table pl-table">
        <caption className="visually-hidden">{t('pipeline.board.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('pipeline.col.project')}</th>
            <th scope="col">{t('pipeline.col.stage')}</th>
            <th scope="col">{t('pipeline.col.instrument')}</th>
            <th scope="col">{t('pipeline.col.deadline')}</th>
            <th scope="col" className="pl-num">
              {t('pipeline.col.partners')}
            </th>
            <th scope="col" className="pl-num">
              {t('pipeline.col.applied')}
            </th>
            <th scope="col" className="pl-num">
              {t('pipeline.col.granted')}
            </th>
            <th scope="col">{t('pipeline.col.regions')}</th>
          </tr>
        </thead>
        <tbody>
          {projects.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <Link to={`/projects/${encodeURIComponent(p.id)}`}>{p.title}</Link>
              </th>
              <td>{stageLabel(p.stage)}</td>
              <td>
                {p.instrument ? localName(p.instrument.name, locale.language) : '–'}
                {p.call?.topicId ? <div className="muted pl-topic">{p.call.topicId}</div> : null}
              </td>
              <td>{p.deadline ? <DeadlineBadge deadline={p.deadline} stage={p.stage} /> : '–'}</td>
              <td className="pl-num">{locale.formatNumber(p.partnerCount)}</td>
              <td className="pl-num">{euros(p.appliedEur)}</td>
              <td className="pl-num">{euros(p.grantedEur)}</td>
              <td>{p.regionIds.map((id) => names.region(id)).join(', ') || '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
