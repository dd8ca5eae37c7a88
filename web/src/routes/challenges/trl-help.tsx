import { useTranslation } from 'react-i18next';
import { TRL_LEVELS } from './challenges-api.ts';

/** Technology readiness levels in a sentence each, folded away until asked for. */
export function TrlHelp() {
  const { t } = useTranslation();
  return (
    <details className="ch-trl-help">
      <summary>{t('challenges.trl.whatIs')}</summary>
      <p>{t('challenges.trl.intro')}</p>
      <ol className="ch-trl-help__list">
        {TRL_LEVELS.map((level) => (
          <li key={level} value={level} className="ch-trl-help__item">
            {t(`challenges.trl.level${level}`)}
          </li>
        ))}
      </ol>
    </details>
  );
}
