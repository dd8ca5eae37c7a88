// A round's and a respondent's status in words (with a symbol, never colour alone) and the
// response rate as a small bar with its figures beside it.
import { useTranslation } from 'react-i18next';
import type { RespondentStatus, Round, RoundStats, RoundStatus } from './skills-api.ts';
import type { SkillsLabels } from './skills-labels.ts';

const ROUND_SYMBOL: Record<RoundStatus, string> = { draft: '✎', open: '●', closed: '■' };
const RESPONDENT_SYMBOL: Record<RespondentStatus, string> = {
  invited: '○',
  started: '◐',
  submitted: '✓',
  expired: '⌛',
  revoked: '✕',
};

export function RoundStatusBadge({ status }: { status: RoundStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`skills-badge skills-badge--${status}`}>
      <span aria-hidden="true">{ROUND_SYMBOL[status]}</span> {t(`skills.roundStatus.${status}`)}
    </span>
  );
}

export function RespondentStatusBadge({ status }: { status: RespondentStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`skills-badge skills-badge--${status}`}>
      <span aria-hidden="true">{RESPONDENT_SYMBOL[status]}</span> {t(`skills.respondentStatus.${status}`)}
    </span>
  );
}

/** Submitted of the links not revoked, as a bar and in words. */
export function ResponseBar({ stats, labels }: { stats: RoundStats; labels: SkillsLabels }) {
  const { t } = useTranslation();
  const total = stats.invited + stats.started + stats.submitted + stats.expired;
  return (
    <div className="skills-rate">
      <div className="skills-rate__bar" aria-hidden="true">
        <div className="skills-rate__fill" style={{ width: `${Math.round(stats.responseRate * 100)}%` }} />
      </div>
      <span className="skills-rate__text">
        {t('skills.rounds.rate', {
          submitted: stats.submitted,
          total,
          rate: labels.percent(stats.responseRate),
        })}
      </span>
    </div>
  );
}

/** "1.3.2026 – 30.4.2026", with "…" for a date not set; null when neither is. */
export function roundPeriod(round: Pick<Round, 'opensAt' | 'closesAt'>, labels: SkillsLabels): string | null {
  if (!round.opensAt && !round.closesAt) return null;
  return [round.opensAt, round.closesAt].map((d) => (d ? labels.locale.formatDate(d) : '…')).join(' – ');
}
