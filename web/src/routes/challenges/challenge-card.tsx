import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../locale.ts';
import { STATUS_BADGE, useChallengeLabels } from './challenge-labels.ts';
import type { ChallengeLanguage, ChallengeStatus, ChallengeSummary } from './challenges-api.ts';

const CHIPS_PER_CARD = 4;

/** The challenge's language beside its title, when it is not the language the person reads. */
export function LanguageBadge({
  language,
  always = false,
}: {
  language: ChallengeLanguage;
  always?: boolean;
}) {
  const locale = useLocale();
  const labels = useChallengeLabels();
  if (!always && language === locale.language) return null;
  return (
    <span className="badge ch-lang">
      <span className="ch-lang__code" aria-hidden="true">
        {language.toUpperCase()}
      </span>
      {labels.writtenIn(language)}
    </span>
  );
}

export function StatusBadge({ status }: { status: ChallengeStatus }) {
  const labels = useChallengeLabels();
  return <span className={`badge ${STATUS_BADGE[status] ?? ''}`}>{labels.status(status)}</span>;
}

interface ChallengeCardProps {
  challenge: ChallengeSummary;
  regionName: string;
  conceptLabel: (id: string) => string;
  /** h2 in a list of challenges, h3 under a page's own section heading. */
  headingLevel?: 2 | 3;
}

export function ChallengeCard({ challenge, regionName, conceptLabel, headingLevel = 2 }: ChallengeCardProps) {
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  const { t } = useTranslation();
  const locale = useLocale();
  const shown = challenge.conceptIds.slice(0, CHIPS_PER_CARD);
  const hidden = challenge.conceptIds.length - shown.length;
  return (
    <article className="result-card ch-card">
      <div className="ch-card__main">
        <Heading className="result-card__title">
          <Link to={`/challenges/${encodeURIComponent(challenge.id)}`} lang={challenge.language}>
            {challenge.title}
          </Link>
        </Heading>
        <p className="result-card__meta">
          <StatusBadge status={challenge.status} />
          <LanguageBadge language={challenge.language} />
          {challenge.organisationName ? (
            <span className="result-card__type">{challenge.organisationName}</span>
          ) : null}
          {regionName ? <span>{regionName}</span> : null}
          <span>
            <time dateTime={challenge.createdAt}>{locale.formatDate(challenge.createdAt)}</time>
          </span>
          {challenge.isPublic ? null : <span className="badge badge--warn">{t('challenges.notPublic')}</span>}
        </p>
        {challenge.status === 'merged' && challenge.mergedIntoId ? (
          <p className="ch-card__merged">
            <Link to={`/challenges/${encodeURIComponent(challenge.mergedIntoId)}`}>
              {t('challenges.card.mergedInto')}
            </Link>
          </p>
        ) : null}
        {shown.length > 0 ? (
          <ul className="chips" aria-label={t('challenges.concepts')}>
            {shown.map((id) => (
              <li key={id} className="chip">
                {conceptLabel(id)}
              </li>
            ))}
            {hidden > 0 ? (
              <li className="chip chip--more">{t('challenges.moreConcepts', { count: hidden })}</li>
            ) : null}
          </ul>
        ) : null}
      </div>
      <dl className="ch-card__counts">
        <div>
          <dt>{t('challenges.card.supports')}</dt>
          <dd>{locale.formatNumber(challenge.supportCount)}</dd>
        </div>
        <div>
          <dt>{t('challenges.card.comments')}</dt>
          <dd>{locale.formatNumber(challenge.commentCount)}</dd>
        </div>
      </dl>
    </article>
  );
}
