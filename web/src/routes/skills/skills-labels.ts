// Words and numbers of the skills module in the reader's language: job roles, skills and EQF
// levels from the concept schemes, regions, horizons, statuses and the gap figures themselves.
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Concept, Localised } from '../../api.ts';
import { pickLabel, useLocale } from '../../locale.ts';
import { indexConcepts, useConcepts, VALUE_CHAIN_SCHEME } from '../../queries.ts';
import { conceptOptions } from '../organisations/concept-options.ts';
import { useRegionOptions } from '../sites/use-region-options.ts';
import { getConcept, taxonomyKeys } from '../taxonomy/taxonomy-api.ts';
import { EDUCATION_LEVEL_SCHEME, type Horizon, JOB_ROLE_SCHEME } from './skills-api.ts';

const INTL: Record<string, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** The Finnish qualifications at each EQF level ("Ammatillinen perustutkinto, …"), from the scheme. */
export function qualificationsByLevel(concepts: Concept[], language: keyof Localised): Map<number, string[]> {
  const levels = new Map<string, number>();
  for (const concept of concepts) {
    const match = /^edu\.eqf-(\d)$/.exec(concept.id);
    if (match) levels.set(concept.id, Number(match[1]));
  }
  const out = new Map<number, string[]>();
  for (const concept of concepts) {
    const level = concept.parentId ? levels.get(concept.parentId) : undefined;
    if (level === undefined) continue;
    out.set(level, [...(out.get(level) ?? []), pickLabel(concept.labels, language)]);
  }
  return out;
}

/**
 * Labels of the skills module. `roleIds` names the roles a page shows: those that are not battery
 * job roles (ESCO occupations a round asks about) are fetched one by one for their labels.
 */
export function useSkillsLabels(roleIds: readonly string[] = []) {
  const { t } = useTranslation();
  const locale = useLocale();
  const roles = useConcepts(JOB_ROLE_SCHEME);
  const known = new Set((roles.data ?? []).map((c) => c.id));
  const otherIds = roles.data ? [...new Set(roleIds)].filter((id) => !known.has(id)).sort() : [];
  const others = useQueries({
    queries: otherIds.map((id) => ({
      queryKey: taxonomyKeys.concept(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => getConcept(id, signal),
      staleTime: 10 * 60_000,
    })),
  });
  const otherKey = others.map((q, i) => `${otherIds[i]}=${q.data?.labels.en ?? ''}`).join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the fetched labels are keyed by otherKey
  const otherRoleLabels = useMemo(
    () =>
      new Map(others.flatMap((q, i) => (q.data ? [[otherIds[i] as string, q.data.labels] as const] : []))),
    [otherKey],
  );
  const skills = useConcepts(VALUE_CHAIN_SCHEME);
  const levels = useConcepts(EDUCATION_LEVEL_SCHEME);
  const { regionName, regionOptions } = useRegionOptions();
  return useMemo(() => {
    const tag = INTL[locale.language] ?? 'fi-FI';
    const decimals = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
    const signed = new Intl.NumberFormat(tag, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    const percents = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
    const roleIndex = indexConcepts(roles.data);
    const skillIndex = indexConcepts(skills.data);
    const qualifications = qualificationsByLevel(levels.data ?? [], locale.language);
    const role = (id: string) => {
      const concept = roleIndex.get(id);
      if (concept) return pickLabel(concept.labels, locale.language);
      const other = otherRoleLabels.get(id);
      return other ? pickLabel(other, locale.language) : id;
    };
    const text = (texts: Localised) => pickLabel(texts, locale.language);
    return {
      locale,
      /** The battery job roles by name, for a picker. */
      roleOptions: (roles.data ?? [])
        .map((c) => ({ id: c.id, label: text(c.labels) }))
        .sort((a, b) => locale.collator.compare(a.label, b.label)),
      /** The value chain in its own order, with depths, for a picker of skills and competences. */
      skillOptions: conceptOptions(skills.data ?? [], locale.language, '', new Set(), text),
      role,
      skill: (id: string) => {
        const concept = skillIndex.get(id);
        return concept ? pickLabel(concept.labels, locale.language) : id;
      },
      /** "EQF 6". */
      eqf: (level: number) => t('skills.eqfShort', { level }),
      /** The Finnish qualifications of a level, e.g. for a hint beside it. */
      qualifications: (level: number) => (qualifications.get(level) ?? []).join(', '),
      region: (id: string | null) => (id ? regionName(id) : t('skills.wholeNetwork')),
      regionOptions,
      horizon: (h: Horizon | null) => (h ? t(`skills.horizon.${h}`) : t('skills.horizon.all')),
      number: (value: number) => decimals.format(value),
      /** A gap with its sign: "+12" a shortage, "−4" a surplus. */
      signed: (value: number) => signed.format(value),
      percent: (share: number) => percents.format(share),
      text,
    };
  }, [t, locale, roles.data, skills.data, levels.data, regionName, regionOptions, otherRoleLabels]);
}

export type SkillsLabels = ReturnType<typeof useSkillsLabels>;
