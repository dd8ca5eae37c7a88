// A working-life period: the plan (teacher, host, dates, goals, supervisor), its status with the
// next steps the reader may take, the supervisor form for the host, and the follow-up report.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { useFormProblems } from '../sites/form-problems.tsx';
import {
  type Period,
  type PeriodStatus,
  submitFollowUp,
  updatePeriod,
  usePeriod,
  useWorkingLifeMutation,
} from './working-life-api.ts';
import { apiProblems, EMAIL, FormActions } from './working-life-forms.tsx';
import { useWorkingLifeLabels, type WorkingLifeLabels } from './working-life-labels.ts';
import { TrainingNav } from './working-life-nav.tsx';

/** The moves a period can make next (the server checks them again). */
const NEXT: Record<PeriodStatus, PeriodStatus[]> = {
  planned: ['ongoing', 'cancelled'],
  ongoing: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export function PeriodPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const labels = useWorkingLifeLabels();
  const period = usePeriod(id);
  const p = period.data;
  return (
    <>
      <TrainingNav />
      <nav aria-label={t('workingLife.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/working-life">{t('workingLife.title')}</Link>
          </li>
          {p ? (
            <li>
              <Link to={`/working-life/teachers/${p.teacherId}`}>{p.teacherName}</Link>
            </li>
          ) : null}
          <li aria-current="page">{t('workingLife.period.title')}</li>
        </ol>
      </nav>
      {period.isError ? <ErrorMessage error={period.error} /> : null}
      {period.isPending ? <Loading /> : null}
      {p ? <PeriodView period={p} labels={labels} /> : null}
    </>
  );
}

function PeriodView({ period: p, labels }: { period: Period; labels: WorkingLifeLabels }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const move = useWorkingLifeMutation((status: PeriodStatus) => updatePeriod(p.id, { status }));
  return (
    <>
      <PageHeading
        title={t('workingLife.period.heading', { teacher: p.teacherName, host: p.hostOrganisationName })}
        eyebrow={t('workingLife.period.title')}
      />
      <p className="wl-status-line">
        {t('workingLife.statusLabel')}:{' '}
        <span className={`wl-status wl-status--${p.currentStatus}`}>{labels.status(p.currentStatus)}</span>
      </p>
      <dl className="wl-facts wl-facts--wide">
        <dt>{t('workingLife.teacher')}</dt>
        <dd>
          <Link to={`/working-life/teachers/${p.teacherId}`}>{p.teacherName}</Link>,{' '}
          {p.teacherOrganisationName}
        </dd>
        <dt>{t('workingLife.host')}</dt>
        <dd>
          <Link to={`/organisations/${p.hostOrganisationId}`}>{p.hostOrganisationName}</Link>
          {p.offerTitle ? ` – ${labels.text(p.offerTitle)}` : ''}
        </dd>
        <dt>{t('workingLife.dates')}</dt>
        <dd>{labels.range(p.startDate, p.endDate)}</dd>
        <dt>{t('workingLife.plan.goals')}</dt>
        <dd className="wl-text">{p.goals || '–'}</dd>
        <dt>{t('workingLife.plan.supervisor')}</dt>
        <dd>
          {p.supervisorName || t('workingLife.period.noSupervisor')}
          {p.supervisorEmail ? ` (${p.supervisorEmail})` : ''}
        </dd>
      </dl>
      <p role="status" className="form__status">
        {message}
      </p>
      {move.error ? <ErrorMessage error={move.error} /> : null}
      {p.canPlan && NEXT[p.status].length ? (
        <div className="form__actions">
          {NEXT[p.status].map((status) => (
            <button
              key={status}
              type="button"
              className={status === 'cancelled' ? 'button button--secondary' : 'button'}
              disabled={move.isPending}
              onClick={() =>
                move.mutate(status, {
                  onSuccess: () =>
                    setMessage(t('workingLife.period.moved', { status: labels.status(status) })),
                })
              }
            >
              {t(`workingLife.period.to.${status}`)}
            </button>
          ))}
        </div>
      ) : null}
      {p.canSetSupervisor && !p.canPlan && p.status !== 'cancelled' ? (
        <SupervisorForm period={p} onSaved={setMessage} />
      ) : null}
      <FollowUpSection period={p} labels={labels} onSaved={setMessage} />
    </>
  );
}

function SupervisorForm({ period, onSaved }: { period: Period; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(period.supervisorName);
  const [email, setEmail] = useState(period.supervisorEmail ?? '');
  const save = useWorkingLifeMutation(() =>
    updatePeriod(period.id, { supervisorName: name, supervisorEmail: email || null }),
  );
  const { setProblems, idOf, invalidProps, errorFor, summary } = useFormProblems((field) =>
    t(`workingLife.period.errors.${field === 'supervisorEmail' ? 'email' : 'general'}`),
  );
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = email && !EMAIL.test(email) ? ['supervisorEmail'] : [];
    setProblems(problems);
    if (problems.length) return;
    save.mutate(undefined, {
      onSuccess: () => onSaved(t('workingLife.period.supervisorSaved')),
      onError: (error) => setProblems(apiProblems(error, ['supervisorEmail'])),
    });
  }
  return (
    <section className="panel wl-form" aria-labelledby={idOf('heading')}>
      <h2 id={idOf('heading')}>{t('workingLife.period.supervisorTitle')}</h2>
      <form className="form" noValidate onSubmit={onSubmit}>
        {summary(save.error)}
        <div className="field">
          <label htmlFor={idOf('supervisorName')}>{t('workingLife.plan.supervisor')}</label>
          <input
            id={idOf('supervisorName')}
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={idOf('supervisorEmail')}>{t('workingLife.period.supervisorEmail')}</label>
          <input
            id={idOf('supervisorEmail')}
            type="email"
            value={email}
            maxLength={254}
            {...invalidProps('supervisorEmail')}
            onChange={(e) => setEmail(e.target.value)}
          />
          {errorFor('supervisorEmail')}
        </div>
        <FormActions submit={t('workingLife.save')} pending={save.isPending} />
      </form>
    </section>
  );
}

function FollowUpSection({
  period: p,
  labels,
  onSaved,
}: {
  period: Period;
  labels: WorkingLifeLabels;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  if (p.followUp) {
    const f = p.followUp;
    return (
      <section className="section" aria-labelledby="wl-report">
        <h2 id="wl-report">{t('workingLife.followUp.title')}</h2>
        <dl className="wl-facts wl-facts--wide">
          <dt>{t('workingLife.followUp.goalsAchieved')}</dt>
          <dd className="wl-text">{f.goalsAchieved}</dd>
          <dt>{t('workingLife.followUp.outcomes')}</dt>
          <dd className="wl-text">{f.outcomes || '–'}</dd>
          <dt>{t('workingLife.followUp.changes')}</dt>
          <dd className="wl-text">{f.changesToTeaching || '–'}</dd>
          <dt>{t('workingLife.followUp.days')}</dt>
          <dd>{f.days ?? '–'}</dd>
          <dt>{t('workingLife.followUp.rating')}</dt>
          <dd>{f.rating ? t('workingLife.followUp.ratingValue', { rating: f.rating }) : '–'}</dd>
          <dt>{t('workingLife.followUp.submitted')}</dt>
          <dd>{labels.day(f.submittedAt.slice(0, 10))}</dd>
        </dl>
      </section>
    );
  }
  if (!p.canWriteFollowUp || p.status === 'cancelled') return null;
  if (!p.followUpOpen)
    return <p className="notice">{t('workingLife.followUp.notYet', { date: labels.day(p.endDate) })}</p>;
  return <FollowUpForm period={p} onSaved={onSaved} />;
}

function FollowUpForm({ period, onSaved }: { period: Period; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({
    goalsAchieved: '',
    outcomes: '',
    changesToTeaching: '',
    days: '',
    rating: '',
  });
  const save = useWorkingLifeMutation(() =>
    submitFollowUp(period.id, {
      goalsAchieved: v.goalsAchieved,
      outcomes: v.outcomes,
      changesToTeaching: v.changesToTeaching,
      days: v.days ? Number(v.days) : null,
      rating: v.rating ? Number(v.rating) : null,
    }),
  );
  const fields = ['goalsAchieved', 'days', 'general'] as const;
  const { setProblems, idOf, invalidProps, errorFor, summary } = useFormProblems((field) =>
    t(
      `workingLife.followUp.errors.${(fields as readonly string[]).includes(field) ? (field as (typeof fields)[number]) : 'general'}`,
    ),
  );
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const days = v.days ? Number(v.days) : 0;
    const problems = [
      ...(v.goalsAchieved.trim() ? [] : ['goalsAchieved']),
      ...(Number.isInteger(days) && days >= 0 && days <= 366 ? [] : ['days']),
    ];
    setProblems(problems);
    if (problems.length) return;
    save.mutate(undefined, {
      onSuccess: () => onSaved(t('workingLife.followUp.saved')),
      onError: (error) => setProblems(apiProblems(error, fields)),
    });
  }
  const area = (key: 'goalsAchieved' | 'outcomes' | 'changesToTeaching', label: string) => (
    <div className="field">
      <label htmlFor={idOf(key)}>{label}</label>
      <textarea
        id={idOf(key)}
        rows={3}
        maxLength={5000}
        value={v[key]}
        {...invalidProps(key)}
        onChange={(e) => setV({ ...v, [key]: e.target.value })}
      />
      {errorFor(key)}
    </div>
  );
  return (
    <section className="panel wl-form" aria-labelledby={idOf('heading')}>
      <h2 id={idOf('heading')}>{t('workingLife.followUp.formTitle')}</h2>
      <form className="form" noValidate onSubmit={onSubmit}>
        {summary(save.error)}
        {area('goalsAchieved', t('workingLife.followUp.goalsAchieved'))}
        {area('outcomes', t('workingLife.followUp.outcomes'))}
        {area('changesToTeaching', t('workingLife.followUp.changes'))}
        <div className="wl-form__row">
          <div className="field">
            <label htmlFor={idOf('days')}>{t('workingLife.followUp.days')}</label>
            <input
              id={idOf('days')}
              inputMode="numeric"
              value={v.days}
              {...invalidProps('days')}
              onChange={(e) => setV({ ...v, days: e.target.value })}
            />
            {errorFor('days')}
          </div>
          <div className="field">
            <label htmlFor={idOf('rating')}>{t('workingLife.followUp.rating')}</label>
            <select
              id={idOf('rating')}
              value={v.rating}
              onChange={(e) => setV({ ...v, rating: e.target.value })}
            >
              <option value="">{t('workingLife.choose')}</option>
              {[5, 4, 3, 2, 1].map((r) => (
                <option key={r} value={String(r)}>
                  {t('workingLife.followUp.ratingValue', { rating: r })}
                </option>
              ))}
            </select>
          </div>
        </div>
        <FormActions submit={t('workingLife.followUp.submit')} pending={save.isPending} />
      </form>
    </section>
  );
}
