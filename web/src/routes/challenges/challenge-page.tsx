import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { useLocale } from '../../locale.ts';
import { useSession } from '../../queries.ts';
import { LanguageBadge, StatusBadge } from './challenge-card.tsx';
import { ChallengeBreadcrumb } from './challenge-filters.tsx';
import { ChallengeForm } from './challenge-form.tsx';
import { initialValues } from './challenge-form-values.ts';
import { useChallengeLabels, useNames } from './challenge-labels.ts';
import {
  type Challenge,
  useChallenge,
  useFollow,
  useSimilar,
  useSupport,
  useUpdateChallenge,
} from './challenges-api.ts';
import { CommentsSection } from './comments-section.tsx';
import { EvaluationPanel } from './evaluation-panel.tsx';
import { HistoryTimeline } from './history-timeline.tsx';
import { ModerationPanel } from './moderation-panel.tsx';
import { SimilarPanel } from './similar-panel.tsx';
import { TrlHelp } from './trl-help.tsx';
import './challenges.css';

/** What the page was told when it was opened: just created, or reached through a merged address. */
interface ArrivalState {
  created?: boolean;
  mergedFrom?: { id: string; title: string };
}

export function ChallengePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const challenge = useChallenge(id);

  if (challenge.isPending) return <Loading />;
  if (challenge.isError) {
    if (challenge.error instanceof ApiError && challenge.error.code === 'not_found') {
      return (
        <article className="prose">
          <PageHeading title={t('challenges.notFoundTitle')} lead={t('challenges.notFoundText')} />
          <p>
            <Link to="/challenges">{t('challenges.backToList')}</Link>
          </p>
        </article>
      );
    }
    return <ErrorMessage error={challenge.error} />;
  }
  const data = challenge.data;
  // A merged challenge's address keeps working: it leads to the challenge it was merged into.
  if (data.status === 'merged' && data.mergedIntoId && data.mergedIntoId !== data.id) {
    const previous = (location.state as ArrivalState | null)?.mergedFrom;
    return (
      <Navigate
        replace
        to={`/challenges/${encodeURIComponent(data.mergedIntoId)}`}
        state={{ mergedFrom: previous ?? { id: data.id, title: data.title } }}
      />
    );
  }
  return (
    <ChallengeView key={data.id} challenge={data} arrival={(location.state as ArrivalState | null) ?? {}} />
  );
}

function ChallengeView({ challenge, arrival }: { challenge: Challenge; arrival: ArrivalState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useChallengeLabels();
  const names = useNames(locale);
  const session = useSession();
  const user = session.data?.user ?? null;
  const similar = useSimilar(challenge.id);
  const support = useSupport(challenge.id);
  const follow = useFollow(challenge.id);
  const update = useUpdateChallenge(challenge.id);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState(arrival.created ? t('challenges.created') : '');
  const [engagement, setEngagement] = useState('');
  const editId = useId();
  const initial = useMemo(
    () => initialValues(user, locale.language, challenge),
    [user, locale.language, challenge],
  );

  useEffect(() => {
    if (arrival.created) setNotice(t('challenges.created'));
  }, [arrival.created, t]);

  const paragraphs = challenge.description.split(/\n{2,}/);
  const regionName = names.region(challenge.regionId);
  const trl = (level: number | null) =>
    level
      ? t('challenges.trl.value', {
          level,
          text: t(`challenges.trl.short${level}` as 'challenges.trl.short1'),
        })
      : null;

  return (
    <article className="ch-page">
      <ChallengeBreadcrumb lang={challenge.language}>{challenge.title}</ChallengeBreadcrumb>

      {arrival.mergedFrom ? (
        <div className="notice" role="status">
          <p className="notice__title">{t('challenges.mergedNoticeTitle')}</p>
          <p>{t('challenges.mergedNotice', { title: arrival.mergedFrom.title })}</p>
        </div>
      ) : null}

      <PageHeading title={challenge.title} eyebrow={t('challenges.eyebrow')}>
        <span lang={challenge.language}>{challenge.title}</span>
      </PageHeading>
      <p className="ch-page__badges">
        <StatusBadge status={challenge.status} />
        <LanguageBadge language={challenge.language} always />
        {challenge.isPublic ? null : <span className="badge badge--warn">{t('challenges.notPublic')}</span>}
      </p>

      <p className="profile__status" role="status">
        {notice}
      </p>

      <div className="ch-engage">
        {user ? (
          <>
            <button
              type="button"
              className={challenge.supportedByMe ? 'button' : 'button button--secondary'}
              aria-pressed={challenge.supportedByMe}
              disabled={support.isPending}
              onClick={() =>
                support.mutate(!challenge.supportedByMe, {
                  onSuccess: (result) =>
                    setEngagement(
                      result.supportedByMe
                        ? t('challenges.engage.supported')
                        : t('challenges.engage.unsupported'),
                    ),
                })
              }
            >
              <span aria-hidden="true" className="ch-engage__icon">
                {challenge.supportedByMe ? '✓' : '▲'}
              </span>
              {t('challenges.engage.support')}
              <span className="ch-engage__count">
                {t('challenges.engage.supportCount', {
                  count: challenge.supportCount,
                  formatted: locale.formatNumber(challenge.supportCount),
                })}
              </span>
            </button>
            <button
              type="button"
              className={challenge.followedByMe ? 'button' : 'button button--secondary'}
              aria-pressed={challenge.followedByMe}
              disabled={follow.isPending}
              onClick={() =>
                follow.mutate(!challenge.followedByMe, {
                  onSuccess: (result) =>
                    setEngagement(
                      result.followedByMe
                        ? t('challenges.engage.followed')
                        : t('challenges.engage.unfollowed'),
                    ),
                })
              }
            >
              {challenge.followedByMe ? (
                <span aria-hidden="true" className="ch-engage__icon">
                  ✓
                </span>
              ) : null}
              {t('challenges.engage.follow')}
            </button>
            {challenge.canEdit ? (
              <button
                type="button"
                className="button button--secondary"
                aria-expanded={editing}
                aria-controls={editId}
                onClick={() => setEditing((v) => !v)}
              >
                {editing ? t('challenges.edit.close') : t('challenges.edit.open')}
              </button>
            ) : null}
          </>
        ) : (
          <p className="ch-engage__visitor">
            <span className="ch-engage__count-visitor">
              {t('challenges.engage.supportCount', {
                count: challenge.supportCount,
                formatted: locale.formatNumber(challenge.supportCount),
              })}
            </span>{' '}
            <Link to={`/sign-in?next=${encodeURIComponent(`/challenges/${challenge.id}`)}`}>
              {t('challenges.engage.signIn')}
            </Link>
          </p>
        )}
      </div>
      <p className="visually-hidden" role="status">
        {engagement}
      </p>
      {support.isError ? <ErrorMessage error={support.error} /> : null}
      {follow.isError ? <ErrorMessage error={follow.error} /> : null}

      {editing ? (
        <section id={editId} className="panel" aria-labelledby={`${editId}-heading`}>
          <h2 id={`${editId}-heading`}>{t('challenges.edit.title')}</h2>
          <ChallengeForm
            initial={initial}
            submitLabel={t('challenges.edit.save')}
            pending={update.isPending}
            error={update.error}
            onSubmit={(input) =>
              update.mutate(input, {
                onSuccess: () => {
                  setEditing(false);
                  setNotice(t('challenges.edit.saved'));
                },
              })
            }
            onCancel={() => setEditing(false)}
          />
        </section>
      ) : null}

      <div className="profile__grid ch-page__grid">
        <section className="card ch-page__facts" aria-labelledby="ch-facts-heading">
          <h2 id="ch-facts-heading">{t('challenges.facts')}</h2>
          <dl className="facts">
            <dt>{t('challenges.organisation')}</dt>
            <dd>
              {challenge.organisationId ? (
                <Link to={`/organisations/${encodeURIComponent(challenge.organisationId)}`}>
                  {challenge.organisationName ?? challenge.organisationId}
                </Link>
              ) : (
                <span className="muted">{t('common.notGiven')}</span>
              )}
            </dd>
            <dt>{t('challenges.region')}</dt>
            <dd>
              {challenge.regionId ? (
                <Link to={`/challenges?region=${encodeURIComponent(challenge.regionId)}`}>{regionName}</Link>
              ) : (
                <span className="muted">{t('common.notGiven')}</span>
              )}
            </dd>
            <dt>{t('challenges.originalLanguage')}</dt>
            <dd>{labels.language(challenge.language)}</dd>
            <dt>{t('challenges.trlNow')}</dt>
            <dd>{trl(challenge.trlNow) ?? <span className="muted">{t('common.notGiven')}</span>}</dd>
            <dt>{t('challenges.trlWanted')}</dt>
            <dd>{trl(challenge.trlWanted) ?? <span className="muted">{t('common.notGiven')}</span>}</dd>
            <dt>{t('challenges.horizonLabel')}</dt>
            <dd>
              {challenge.horizon ? (
                labels.horizon(challenge.horizon)
              ) : (
                <span className="muted">{t('common.notGiven')}</span>
              )}
            </dd>
            <dt>{t('challenges.submittedBy')}</dt>
            <dd>
              {challenge.createdByName ?? <span className="muted">{t('common.notGiven')}</span>}
              {' · '}
              <time dateTime={challenge.createdAt}>{locale.formatDate(challenge.createdAt)}</time>
            </dd>
          </dl>
          <TrlHelp />
        </section>

        <div className="profile__main">
          <section aria-labelledby="ch-description-heading">
            <h2 id="ch-description-heading">{t('challenges.description')}</h2>
            <div className="profile__description ch-description" lang={challenge.language}>
              {paragraphs.map((paragraph, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one text have no identity
                <p key={index}>{paragraph}</p>
              ))}
            </div>
          </section>

          <section aria-labelledby="ch-concepts-heading">
            <h2 id="ch-concepts-heading">{t('challenges.concepts')}</h2>
            {challenge.conceptIds.length === 0 ? (
              <p className="muted">{t('challenges.noConcepts')}</p>
            ) : (
              <ul className="chips">
                {challenge.conceptIds.map((id) => (
                  <li key={id} className="chip">
                    <Link className="chip__link" to={`/challenges?concept=${encodeURIComponent(id)}`}>
                      {names.concept(id)}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <SimilarPanel
            language={challenge.language}
            similar={similar}
            regionName={names.region}
            conceptLabel={names.concept}
          />
          {challenge.mergedFrom.length > 0 ? (
            <section aria-labelledby="ch-merged-heading">
              <h2 id="ch-merged-heading">{t('challenges.mergedFromTitle')}</h2>
              <p className="section__intro">{t('challenges.mergedFromIntro')}</p>
              <ul>
                {challenge.mergedFrom.map((source) => (
                  <li key={source.id}>{source.title}</li>
                ))}
              </ul>
            </section>
          ) : null}

          {challenge.canModerate ? (
            <ModerationPanel
              challenge={challenge}
              similar={similar.data ?? []}
              regionName={names.region}
              onStatusChanged={setNotice}
            />
          ) : null}

          {challenge.canEvaluate ? <EvaluationPanel challengeId={challenge.id} /> : null}

          <CommentsSection challengeId={challenge.id} canComment={Boolean(user)} />

          <HistoryTimeline
            history={challenge.history}
            ownId={challenge.id}
            mergedFrom={challenge.mergedFrom}
          />
        </div>
      </div>
    </article>
  );
}
