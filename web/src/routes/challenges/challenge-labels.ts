// Names a person reads instead of codes: statuses, languages, horizons, regions and concepts.
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type Locale, pickLabel } from '../../locale.ts';
import { indexConcepts, useConcepts, useRegions } from '../../queries.ts';
import {
  type ChallengeLanguage,
  type ChallengeStatus,
  type Horizon,
  isChallengeLanguage,
  isChallengeStatus,
} from './challenges-api.ts';

/** Badge style per status: where a challenge stands at a glance (with the text, never colour alone). */
export const STATUS_BADGE: Record<ChallengeStatus, string> = {
  new: 'ch-status ch-status--new',
  validated: 'ch-status ch-status--validated',
  common: 'ch-status ch-status--common',
  in_project: 'ch-status ch-status--in-project',
  merged: 'ch-status ch-status--merged',
  rejected: 'ch-status ch-status--rejected',
};

/** Evaluators (coordinators and admins) score challenges, see the ranking and start project ideas. */
export function isEvaluator(role: string | undefined): boolean {
  return role === 'coordinator' || role === 'admin';
}

export function useChallengeLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      status: (status: string) => (isChallengeStatus(status) ? t(`challenges.status.${status}`) : status),
      /** "Finnish", "Swedish", "English" in the UI language. */
      language: (language: string) =>
        isChallengeLanguage(language) ? t(`challenges.languageName.${language}`) : language,
      /** "written in Swedish". */
      writtenIn: (language: ChallengeLanguage) => t(`challenges.writtenIn.${language}`),
      horizon: (horizon: Horizon) => t(`challenges.horizon.${horizon}`),
    }),
    [t],
  );
}

/** Region and concept names by id, in the UI language; unknown ids are shown as they are. */
export function useNames(locale: Locale) {
  const regions = useRegions();
  const concepts = useConcepts();
  const regionNames = useMemo(
    () => new Map((regions.data ?? []).map((r) => [r.id, pickLabel(r.name, locale.language)])),
    [regions.data, locale.language],
  );
  const conceptIndex = useMemo(() => indexConcepts(concepts.data), [concepts.data]);
  const region = useCallback(
    (id: string | null | undefined) => (id ? (regionNames.get(id) ?? id) : ''),
    [regionNames],
  );
  const concept = useCallback(
    (id: string) => {
      const found = conceptIndex.get(id);
      return found ? pickLabel(found.labels, locale.language) : id;
    },
    [conceptIndex, locale.language],
  );
  const regionOptions = useMemo(
    () =>
      [...regionNames]
        .map(([id, label]) => ({ id, label }))
        .sort((a, b) => locale.collator.compare(a.label, b.label)),
    [regionNames, locale],
  );
  return { region, concept, regionOptions, regions, concepts };
}

/** One decimal, in the UI's locale: means and scores. */
export function useDecimal(locale: Locale): (value: number) => string {
  const format = useMemo(
    () =>
      new Intl.NumberFormat(locale.language === 'en' ? 'en-GB' : `${locale.language}-FI`, {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }),
    [locale.language],
  );
  return useCallback((value: number) => format.format(value), [format]);
}
