// A teacher's profile with development goals, the host offers that match them (with reasons),
// and the plan form for a period at the chosen offer.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import {
  type HostOffer,
  type Match,
  type Reason,
  type Teacher,
  useMatches,
  usePeriods,
  useTeacher,
} from './working-life-api.ts';
import { PlanForm } from './working-life-forms.tsx';
import { useWorkingLifeLabels, type WorkingLifeLabels } from './working-life-labels.ts';
import { TrainingNav } from './working-life-nav.tsx';
import { OfferCard } from './working-life-page.tsx';

export function TeacherPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const labels = useWorkingLifeLabels();
  const teacher = useTeacher(id);
  return (
    <>
      <TrainingNav />
      <nav aria-label={t('workingLife.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/working-life">{t('workingLife.title')}</Link>
          </li>
          <li aria-current="page">{teacher.data?.name ?? '…'}</li>
        </ol>
      </nav>
      {teacher.isError ? <ErrorMessage error={teacher.error} /> : null}
      {teacher.isPending ? <Loading /> : null}
      {teacher.data ? <TeacherProfile teacher={teacher.data} labels={labels} /> : null}
    </>
  );
}

function TeacherProfile({ teacher, labels }: { teacher: Teacher; labels: WorkingLifeLabels }) {
  const { t } = useTranslation();
  const periods = usePeriods(true);
  const own = (periods.data ?? []).filter((p) => p.teacherId === teacher.id);
  return (
    <>
      <PageHeading
        title={teacher.name}
        eyebrow={
          teacher.illustrative
            ? `${t('workingLife.teachers.eyebrow')} · ${t('workingLife.teachers.illustrative')}`
            : t('workingLife.teachers.eyebrow')
        }
        lead={`${teacher.organisationName}${teacher.regionId ? ` · ${labels.region(teacher.regionId)}` : ''}`}
      />
      <dl className="wl-facts wl-facts--wide">
        <dt>{t('workingLife.teacherForm.subjects')}</dt>
        <dd>{teacher.subjects || '–'}</dd>
        <dt>{t('workingLife.teacherForm.goals')}</dt>
        <dd className="wl-text">{teacher.developmentGoals || '–'}</dd>
        <dt>{t('workingLife.teacherForm.concepts')}</dt>
        <dd>{teacher.conceptIds.map(labels.skill).join(', ') || '–'}</dd>
        <dt>{t('workingLife.teacherForm.languages')}</dt>
        <dd>{labels.languages(teacher.languages) || '–'}</dd>
      </dl>
      {own.length ? (
        <section className="section" aria-labelledby="wl-own-periods">
          <h2 id="wl-own-periods">{t('workingLife.periods.title')}</h2>
          <ul className="wl-period-links">
            {own.map((p) => (
              <li key={p.id}>
                <Link to={`/working-life/periods/${p.id}`}>
                  {p.hostOrganisationName}, {labels.range(p.startDate, p.endDate)}
                </Link>{' '}
                <span className={`wl-status wl-status--${p.currentStatus}`}>
                  {labels.status(p.currentStatus)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Matches teacher={teacher} labels={labels} />
    </>
  );
}

function Matches({ teacher, labels }: { teacher: Teacher; labels: WorkingLifeLabels }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [wanted, setWanted] = useState({ from: '', to: '' });
  const [draft, setDraft] = useState(wanted);
  const matches = useMatches(teacher.id, wanted.from, wanted.to);
  const [planning, setPlanning] = useState<HostOffer | null>(null);
  const eligible = (matches.data?.items ?? []).filter((m) => m.eligible);
  const excluded = (matches.data?.items ?? []).filter((m) => !m.eligible);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setWanted(draft);
  }

  return (
    <section className="section" aria-labelledby="wl-matches">
      <h2 id="wl-matches">{t('workingLife.matches.title')}</h2>
      <p className="section__intro">{t('workingLife.matches.intro')}</p>
      <form className="filters wl-window" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="wl-from">{t('workingLife.matches.from')}</label>
          <input
            id="wl-from"
            type="date"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="wl-to">{t('workingLife.matches.to')}</label>
          <input
            id="wl-to"
            type="date"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </div>
        <button type="submit" className="button button--secondary">
          {t('workingLife.matches.apply')}
        </button>
      </form>
      {planning ? (
        <PlanForm
          teacher={teacher}
          offer={planning}
          from={wanted.from}
          to={wanted.to}
          labels={labels}
          onDone={(period) => navigate(`/working-life/periods/${period.id}`)}
          onCancel={() => setPlanning(null)}
        />
      ) : null}
      {matches.isError ? <ErrorMessage error={matches.error} /> : null}
      {matches.isPending ? <Loading /> : null}
      <p className="result-count" role="status">
        {matches.data ? t('workingLife.matches.count', { count: eligible.length }) : ''}
      </p>
      <ol className="wl-matches">
        {eligible.map((m) => (
          <li key={m.offer.id}>
            <MatchCard match={m} labels={labels}>
              {teacher.canEdit ? (
                <button type="button" className="button" onClick={() => setPlanning(m.offer)}>
                  {t('workingLife.matches.plan', { host: m.offer.organisationName })}
                </button>
              ) : null}
            </MatchCard>
          </li>
        ))}
      </ol>
      {excluded.length ? (
        <details className="wl-excluded">
          <summary>{t('workingLife.matches.excluded', { count: excluded.length })}</summary>
          <ul className="wl-matches">
            {excluded.map((m) => (
              <li key={m.offer.id}>
                <MatchCard match={m} labels={labels} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function MatchCard({
  match,
  labels,
  children,
}: {
  match: Match;
  labels: WorkingLifeLabels;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <OfferCard offer={match.offer} labels={labels}>
      <p className="wl-score">
        <span className="score-bar" aria-hidden="true">
          <span className="score-bar__fill" style={{ width: `${match.score}%` }} />
        </span>
        {t('workingLife.matches.score', { score: match.score })}
      </p>
      <ReasonList reasons={match.reasons} met label={t('workingLife.matches.why')} labels={labels} />
      {match.unmet.length ? (
        <ReasonList
          reasons={match.unmet}
          met={false}
          label={t('workingLife.matches.missing')}
          labels={labels}
        />
      ) : null}
      {children}
    </OfferCard>
  );
}

function ReasonList({
  reasons,
  met,
  label,
  labels,
}: {
  reasons: Reason[];
  met: boolean;
  label: string;
  labels: WorkingLifeLabels;
}) {
  return (
    <ul className={`reason-list reason-list--${met ? 'met' : 'unmet'}`} aria-label={label}>
      {reasons.map((r) => (
        <li key={`${r.code}-${JSON.stringify(r.params)}`}>
          <span className="reason-list__icon" aria-hidden="true">
            {met ? '✓' : '–'}
          </span>
          {labels.reason(r)}
        </li>
      ))}
    </ul>
  );
}
