// Words of the working-life pages in the reader's language: match reasons from their codes and
// params, statuses, languages, dates, and the competence and region names.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSkillsLabels } from '../skills/skills-labels.ts';
import type { PeriodStatus, Reason } from './working-life-api.ts';

const INTL: Record<string, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export function useWorkingLifeLabels() {
  const { t } = useTranslation();
  const skills = useSkillsLabels();
  return useMemo(() => {
    const dates = new Intl.DateTimeFormat(INTL[skills.locale.language] ?? 'fi-FI', { dateStyle: 'medium' });
    const day = (iso: string | null | undefined) => (iso ? dates.format(new Date(`${iso}T12:00:00Z`)) : '');
    const language = (code: string) =>
      t(`workingLife.languages.${code}` as 'workingLife.languages.fi', { defaultValue: code });
    const languages = (codes: readonly string[] | string) =>
      (typeof codes === 'string' ? codes.split(', ') : codes).filter(Boolean).map(language).join(', ');
    /** One reason of a match as a sentence. */
    const reason = (r: Reason) => {
      const p = r.params;
      return t(`workingLife.reasons.${r.code}` as 'workingLife.reasons.region_same', {
        defaultValue: r.code,
        concept: typeof p.conceptId === 'string' ? skills.skill(p.conceptId) : '',
        offered: typeof p.offerConceptId === 'string' ? skills.skill(p.offerConceptId) : '',
        region:
          typeof p.regionId === 'string' && p.regionId
            ? skills.region(p.regionId)
            : t('workingLife.noRegion'),
        languages: typeof p.languages === 'string' ? languages(p.languages) : '',
        from: typeof p.from === 'string' && p.from ? day(p.from) : '…',
        to: typeof p.to === 'string' && p.to ? day(p.to) : '…',
        free: p.free ?? 0,
        capacity: p.capacity ?? 0,
      });
    };
    return {
      ...skills,
      day,
      /** "1.3.2027 – 26.3.2027", open ends as "…". */
      range: (from: string | null, to: string | null) =>
        from || to ? `${day(from) || '…'} – ${day(to) || '…'}` : '',
      language,
      languages,
      reason,
      status: (status: PeriodStatus) => t(`workingLife.status.${status}`),
    };
  }, [t, skills]);
}

export type WorkingLifeLabels = ReturnType<typeof useWorkingLifeLabels>;
