// Small shared pieces of the pipeline pages: labels of tracks, euros, the deadline countdown.
import { useTranslation } from 'react-i18next';
import type { Localised } from '../../api.ts';
import { useLocale } from '../../locale.ts';
import type { ProjectStage, Track } from './projects-api.ts';

const DAY_MS = 86_400_000;

/** Whole days until `iso`, rounded up (as the reminders count them). */
export function daysUntil(iso: string, now = Date.now()): number {
  return Math.ceil((new Date(iso).getTime() - now) / DAY_MS);
}

export function useTrackLabel(): (track: Track | null) => string {
  const { t } = useTranslation();
  return (track) => (track ? t(`pipeline.track.${track}`) : t('pipeline.track.none'));
}

export function useEuros(): (value: number | null | undefined) => string {
  const locale = useLocale();
  return (value) =>
    value === null || value === undefined ? '–' : `${locale.formatNumber(Math.round(value))} €`;
}

export function localName(name: Localised | null | undefined, language: string): string {
  if (!name) return '';
  return name[language as keyof Localised] || name.en;
}

const PREPARING: readonly ProjectStage[] = ['idea', 'concept_note', 'consortium', 'proposal'];

/** The call deadline as a countdown badge: soon (≤ 7 days) in warning colours, closed when past. */
export function DeadlineBadge({ deadline, stage }: { deadline: string | null; stage: ProjectStage }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!deadline) return null;
  const days = daysUntil(deadline);
  const live = PREPARING.includes(stage);
  const label =
    days <= 0
      ? t('pipeline.deadline.closed')
      : t('pipeline.deadline.daysLeft', { count: days, formatted: locale.formatNumber(days) });
  const tone =
    !live || days <= 0 ? 'pl-due--past' : days <= 7 ? 'pl-due--soon' : days <= 30 ? 'pl-due--near' : '';
  return (
    <span className={`pl-due ${tone}`}>
      <time dateTime={deadline} title={locale.formatDateTime(deadline)}>
        {live ? label : locale.formatDate(deadline)}
      </time>
    </span>
  );
}
