// The filter fields the challenge pages share (list, common challenges, ranking), each kept in
// the address, and the breadcrumb under "Challenges".
import { type ReactNode, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { pickLabel, useLocale } from '../../locale.ts';
import { conceptOptions } from '../organisations/concept-options.ts';
import { useChallengeLabels, useNames } from './challenge-labels.ts';
import { CHALLENGE_STATUSES, type ChallengeStatus } from './challenges-api.ts';

/** One filter of the address: its value and a setter that keeps the others (and drops the page). */
export function useAddressFilter(): [(key: string) => string, (key: string, value: string) => void] {
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(key, value);
      else next.delete(key);
      next.delete('page');
      return next;
    });
  return [(key) => params.get(key) ?? '', set];
}

interface SelectProps {
  value: string;
  onChange: (value: string) => void;
}

export function RegionSelect({ value, onChange }: SelectProps) {
  const { t } = useTranslation();
  const names = useNames(useLocale());
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('challenges.region')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('challenges.allRegions')}</option>
        {names.regionOptions.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ConceptSelect({ value, onChange }: SelectProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = useNames(locale);
  const id = useId();
  const choices = useMemo(
    () =>
      conceptOptions(names.concepts.data ?? [], locale.language, '', new Set(), (l) =>
        pickLabel(l, locale.language),
      ),
    [names.concepts.data, locale.language],
  );
  return (
    <div className="field">
      <label htmlFor={id}>{t('challenges.concept')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('challenges.allConcepts')}</option>
        {/* A concept named in the address but not (yet) loaded stays selectable. */}
        {value && !choices.some((o) => o.id === value) ? (
          <option value={value}>{names.concept(value)}</option>
        ) : null}
        {choices.map((option) => (
          <option key={option.id} value={option.id}>
            {'\u00a0\u00a0\u00a0'.repeat(option.depth)}
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function StatusSelect({
  value,
  onChange,
  statuses = CHALLENGE_STATUSES,
}: SelectProps & { statuses?: readonly ChallengeStatus[] }) {
  const { t } = useTranslation();
  const labels = useChallengeLabels();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('challenges.statusLabel')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('challenges.allStatuses')}</option>
        {statuses.map((status) => (
          <option key={status} value={status}>
            {labels.status(status)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Home › Challenges › the current page. */
export function ChallengeBreadcrumb({ children, lang }: { children: ReactNode; lang?: string }) {
  const { t } = useTranslation();
  return (
    <nav className="breadcrumb" aria-label={t('challenges.breadcrumb')}>
      <ol>
        <li>
          <Link to="/">{t('nav.home')}</Link>
        </li>
        <li>
          <Link to="/challenges">{t('challenges.title')}</Link>
        </li>
        <li aria-current="page" lang={lang}>
          {children}
        </li>
      </ol>
    </nav>
  );
}
