import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { useLocale } from '../../locale.ts';
import { LanguageBadge, StatusBadge } from './challenge-card.tsx';
import { useChallengeLabels } from './challenge-labels.ts';
import type { ChallengeLanguage, SimilarChallenge, SimilarReason } from './challenges-api.ts';

interface SimilarPanelProps {
  /** The language of the challenge on the page: shared terms are quoted as it writes them. */
  language: ChallengeLanguage;
  similar: { data?: SimilarChallenge[]; isPending: boolean; isError: boolean; error: unknown };
  regionName: (id: string | null) => string;
  conceptLabel: (id: string) => string;
}

/** Challenges like this one, with why: shared concepts, shared words, and matches across languages. */
export function SimilarPanel({ language, similar, regionName, conceptLabel }: SimilarPanelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="card ch-similar" aria-labelledby="similar-heading">
      <h2 id="similar-heading">{t('challenges.similar.title')}</h2>
      <p className="ch-similar__intro">{t('challenges.similar.intro')}</p>
      {similar.isPending ? <Loading /> : null}
      {similar.isError ? <ErrorMessage error={similar.error} /> : null}
      {similar.data && similar.data.length === 0 ? (
        <p className="muted">{t('challenges.similar.none')}</p>
      ) : null}
      {similar.data && similar.data.length > 0 ? (
        <ol className="ch-similar__list">
          {similar.data.map((item) => (
            <li key={item.challenge.id} className="ch-similar__item">
              <p className="ch-similar__title">
                <Link
                  to={`/challenges/${encodeURIComponent(item.challenge.id)}`}
                  lang={item.challenge.language}
                >
                  {item.challenge.title}
                </Link>
              </p>
              <p className="ch-similar__meta">
                <StatusBadge status={item.challenge.status} />
                <LanguageBadge language={item.challenge.language} />
                {item.challenge.regionId ? <span>{regionName(item.challenge.regionId)}</span> : null}
              </p>
              <div className="ch-score">
                <span className="ch-score__text">
                  {t('challenges.similar.score', {
                    percent: locale.formatNumber(Math.round(item.score * 100)),
                  })}
                </span>
                <span className="ch-score__bar" aria-hidden="true">
                  <span
                    className="ch-score__fill"
                    style={{ width: `${Math.round(Math.min(1, Math.max(0, item.score)) * 100)}%` }}
                  />
                </span>
              </div>
              <SimilarReasons reasons={item.reasons} conceptLabel={conceptLabel} language={language} />
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

export function SimilarReasons({
  reasons,
  conceptLabel,
  language,
}: {
  reasons: SimilarReason[];
  conceptLabel: (id: string) => string;
  language: ChallengeLanguage;
}) {
  const { t } = useTranslation();
  const labels = useChallengeLabels();
  if (reasons.length === 0) return null;
  return (
    <dl className="ch-reasons">
      {reasons.map((reason) => {
        if (reason.kind === 'concepts') {
          return (
            <div key="concepts" className="ch-reasons__row">
              <dt>{t('challenges.similar.sharedConcepts')}</dt>
              <dd>
                <ul className="chips">
                  {reason.conceptIds.map((id) => (
                    <li key={id} className="chip">
                      {conceptLabel(id)}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          );
        }
        if (reason.kind === 'terms') {
          return (
            <div key="terms" className="ch-reasons__row">
              <dt>{t('challenges.similar.sharedTerms')}</dt>
              <dd>
                <ul className="ch-terms" lang={language}>
                  {reason.terms.map((term) => (
                    <li key={term}>{term}</li>
                  ))}
                </ul>
              </dd>
            </div>
          );
        }
        if (reason.kind === 'cross_language') {
          return (
            <div key="cross" className="ch-reasons__row">
              <dt>{t('challenges.similar.acrossLanguages')}</dt>
              <dd>
                {labels.language(reason.from)} <span aria-hidden="true">→</span>
                <span className="visually-hidden">,</span> {labels.language(reason.to)}
              </dd>
            </div>
          );
        }
        return null;
      })}
    </dl>
  );
}
