import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { InviteForm } from './invite-form.tsx';
import { RespondentsTable } from './respondents-table.tsx';
import type { ResponsePart } from './response-chart.tsx';
import { ResponseBar, RoundStatusBadge, roundPeriod } from './round-status.tsx';
import { RoundsBreadcrumb, SkillsNav } from './skills-nav.tsx';
import {
  type RoundDetail,
  type RoundStats,
  type RoundStatus,
  sendReminders,
  updateRound,
  useRespondents,
  useRound,
  useSkillsMutation,
} from './skills-api.ts';
import { type SkillsLabels, useSkillsLabels } from './skills-labels.ts';
import './skills.css';

const ResponseChart = lazy(() => import('./response-chart.tsx'));

/** Colours of the response chart, each with the text colour that reads on it. */
const PARTS: { key: keyof Omit<RoundStats, 'responseRate'>; colour: string; text: string }[] = [
  { key: 'submitted', colour: '#00695c', text: '#fff' },
  { key: 'started', colour: '#6fb0a3', text: '#1b2631' },
  { key: 'invited', colour: '#d3dcdc', text: '#1b2631' },
  { key: 'expired', colour: '#e69f00', text: '#1b2631' },
  { key: 'revoked', colour: '#6b7a84', text: '#fff' },
];

/** A survey round: its status, questions, response rates, respondents and invitations. */
export function RoundPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const round = useRound(id);
  const labels = useSkillsLabels(round.data?.instrument.roleIds);
  if (round.isPending)
    return (
      <>
        <SkillsNav />
        <Loading />
      </>
    );
  if (round.isError)
    return (
      <>
        <SkillsNav />
        <RoundsBreadcrumb current={t('skills.rounds.round')} />
        <PageHeading title={t('skills.rounds.round')} />
        <ErrorMessage error={round.error} />
      </>
    );
  return <RoundView round={round.data} labels={labels} />;
}

function RoundView({ round, labels }: { round: RoundDetail; labels: SkillsLabels }) {
  const { t } = useTranslation();
  const title = labels.text(round.title);
  const intro = labels.text(round.intro);
  const respondents = useRespondents(round.id, round.canManage);
  const ids = { responses: useId(), respondents: useId(), invite: useId() };
  const [reminded, setReminded] = useState<number | null>(null);
  const status = useSkillsMutation((next: RoundStatus) => updateRound(round.id, { status: next }));
  const remind = useSkillsMutation(() => sendReminders(round.id));
  const { instrument } = round;
  const remindable = (respondents.data ?? []).filter(
    (r) => r.email && (r.status === 'invited' || r.status === 'started'),
  ).length;

  return (
    <>
      <SkillsNav />
      <RoundsBreadcrumb current={title} />
      <PageHeading title={title} lead={intro || undefined}>
        {title} <RoundStatusBadge status={round.status} />
      </PageHeading>

      <div className="skills-round-grid">
        <dl className="facts skills-round-facts">
          <dt>{t('skills.rounds.region')}</dt>
          <dd>{labels.region(round.regionId)}</dd>
          <dt>{t('skills.rounds.period')}</dt>
          <dd>{roundPeriod(round, labels) ?? <span className="muted">{t('skills.rounds.noDates')}</span>}</dd>
          <dt>{t('skills.rounds.questions')}</dt>
          <dd>
            {t('skills.rounds.questionsSummary', {
              roles: instrument.roleIds.length,
              skills: instrument.skillIds.length,
              levels: instrument.eqfLevels.map((l) => labels.eqf(l)).join(', '),
            })}
            {instrument.askRecruitmentDifficulty ? <> · {t('skills.rounds.askDifficultyShort')}</> : null}
            {instrument.askFreeText ? <> · {t('skills.rounds.askFreeTextShort')}</> : null}
          </dd>
          <dt>{t('skills.rounds.roles')}</dt>
          <dd>
            <details>
              <summary>{t('skills.rounds.rolesShow', { count: instrument.roleIds.length })}</summary>
              <ul className="skills-round-roles">
                {instrument.roleIds
                  .map((id) => labels.role(id))
                  .sort(labels.locale.collator.compare)
                  .map((name) => (
                    <li key={name}>{name}</li>
                  ))}
              </ul>
            </details>
          </dd>
        </dl>
        {round.canManage ? (
          <div className="skills-round-actions">
            <p className="skills-round-actions__text">{t(`skills.rounds.statusHelp.${round.status}`)}</p>
            {status.isError ? <ErrorMessage error={status.error} /> : null}
            {round.status === 'draft' ? (
              <button
                type="button"
                className="button"
                disabled={status.isPending}
                onClick={() => status.mutate('open')}
              >
                {t('skills.rounds.open')}
              </button>
            ) : round.status === 'open' ? (
              <button
                type="button"
                className="button button--secondary"
                disabled={status.isPending}
                onClick={() => {
                  if (window.confirm(t('skills.rounds.confirmClose'))) status.mutate('closed');
                }}
              >
                {t('skills.rounds.close')}
              </button>
            ) : (
              <button
                type="button"
                className="button button--secondary"
                disabled={status.isPending}
                onClick={() => status.mutate('open')}
              >
                {t('skills.rounds.reopen')}
              </button>
            )}
            <p>
              <Link to={`/skills?round=${encodeURIComponent(round.id)}`}>{t('skills.rounds.seeGaps')}</Link>
            </p>
          </div>
        ) : null}
      </div>

      {round.stats ? (
        <section className="section" aria-labelledby={ids.responses}>
          <h2 id={ids.responses}>{t('skills.rounds.responses')}</h2>
          <ResponseFigures stats={round.stats} labels={labels} />
        </section>
      ) : null}

      {round.canManage ? (
        <>
          <section className="section" aria-labelledby={ids.respondents}>
            <div className="section__header">
              <h2 id={ids.respondents}>{t('skills.respondents.title')}</h2>
              <Link
                className="button button--secondary button--small"
                to={`/imports?kind=survey-responses&roundId=${encodeURIComponent(round.id)}`}
              >
                {t('skills.respondents.import')}
              </Link>
            </div>
            <p className="section__intro">{t('skills.respondents.intro')}</p>
            {round.status === 'open' ? (
              <div className="skills-reminders">
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={remind.isPending || remindable === 0}
                  onClick={() =>
                    remind.mutate(undefined, { onSuccess: (result) => setReminded(result.sent) })
                  }
                >
                  {t('skills.respondents.remind', { count: remindable })}
                </button>
                <p role="status" className="skills-reminders__status">
                  {reminded !== null
                    ? t('skills.respondents.reminded', { count: reminded })
                    : remindable === 0 && respondents.data?.length
                      ? t('skills.respondents.remindNone')
                      : ''}
                </p>
              </div>
            ) : null}
            {remind.isError ? <ErrorMessage error={remind.error} /> : null}
            {respondents.isError ? <ErrorMessage error={respondents.error} /> : null}
            {respondents.isPending ? <Loading /> : null}
            {respondents.data ? (
              <RespondentsTable roundId={round.id} respondents={respondents.data} labels={labels} />
            ) : null}
          </section>

          {round.status !== 'closed' ? (
            <section className="section" aria-labelledby={ids.invite}>
              <h2 id={ids.invite}>{t('skills.invite.title')}</h2>
              <p className="section__intro">{t('skills.invite.intro')}</p>
              <InviteForm round={round} invited={respondents.data ?? []} />
            </section>
          ) : null}
        </>
      ) : (
        <p className="notice">{t('skills.rounds.notYoursLong')}</p>
      )}
    </>
  );
}

function ResponseFigures({ stats, labels }: { stats: RoundStats; labels: SkillsLabels }) {
  const { t } = useTranslation();
  const parts: ResponsePart[] = PARTS.map((p) => ({
    key: p.key,
    label: t(`skills.respondentStatus.${p.key}`),
    count: stats[p.key],
    colour: p.colour,
    textColour: p.text,
  }));
  const total = parts.reduce((sum, p) => sum + p.count, 0);
  return (
    <div className="skills-responses">
      <p className="skills-responses__rate">
        <span className="skills-responses__big">{labels.percent(stats.responseRate)}</span>{' '}
        {t('skills.rounds.rateLong')}
      </p>
      <ResponseBar stats={stats} labels={labels} />
      {total > 0 ? (
        <Suspense fallback={null}>
          <ResponseChart parts={parts} />
        </Suspense>
      ) : (
        <p className="muted">{t('skills.respondents.none')}</p>
      )}
      <ul className="skills-responses__key">
        {parts.map((p) => (
          <li key={p.key}>
            <span className={`skills-key skills-key--${p.key}`} aria-hidden="true" />
            {p.label}: <strong>{p.count}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
