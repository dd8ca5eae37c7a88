// ESCO occupations for a survey round, found by searching the imported ESCO scheme (thousands of
// occupations: too many for a checkbox list). Chosen ones stay listed as checked boxes; a search
// result is a checkbox too, so choosing works the same way by keyboard and screen reader.
import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Localised } from '../../api.ts';
import { pickLabel, useLocale } from '../../locale.ts';
import { useConceptSearch } from '../taxonomy/taxonomy-api.ts';

export const ESCO_OCCUPATION_SCHEME = 'esco-occupations';
const SHOWN = 8;

export interface ChosenOccupation {
  id: string;
  labels: Localised;
}

interface Props {
  chosen: readonly ChosenOccupation[];
  onChange: (chosen: ChosenOccupation[]) => void;
}

export function EscoOccupationPicker({ chosen, onChange }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const base = useId();
  const [text, setText] = useState('');
  const q = useDeferredValue(text.trim());
  const search = useConceptSearch({
    scheme: ESCO_OCCUPATION_SCHEME,
    q,
    lang: locale.language,
    page: 1,
    pageSize: SHOWN,
  });
  const chosenIds = new Set(chosen.map((c) => c.id));
  const results = (search.data?.items ?? []).filter((c) => !chosenIds.has(c.id));
  const imported = !search.data || search.data.total > 0 || q !== '';

  function toggle(occupation: ChosenOccupation, on: boolean) {
    onChange(on ? [...chosen, occupation] : chosen.filter((c) => c.id !== occupation.id));
  }

  const item = (occupation: ChosenOccupation & { notation?: string | null }, checked: boolean) => (
    <li key={occupation.id} className="skills-picker__item">
      <input
        id={`${base}-${occupation.id}`}
        type="checkbox"
        checked={checked}
        onChange={(event) => toggle({ id: occupation.id, labels: occupation.labels }, event.target.checked)}
      />
      <label htmlFor={`${base}-${occupation.id}`}>
        {pickLabel(occupation.labels, locale.language)}
        {occupation.notation ? <span className="muted"> · {occupation.notation}</span> : null}
      </label>
    </li>
  );

  return (
    <fieldset className="fieldset skills-picker" aria-describedby={`${base}-hint`}>
      <legend>{t('skills.rounds.esco')}</legend>
      <p className="field__hint" id={`${base}-hint`}>
        {t('skills.rounds.escoHint')}
      </p>
      {chosen.length ? <ul className="skills-picker__list">{chosen.map((c) => item(c, true))}</ul> : null}
      {imported ? (
        <>
          <div className="field skills-picker__filter">
            <label htmlFor={`${base}-search`}>{t('skills.rounds.escoSearch')}</label>
            <input
              id={`${base}-search`}
              type="search"
              autoComplete="off"
              value={text}
              onChange={(event) => setText(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') event.preventDefault();
              }}
            />
          </div>
          <p className="skills-picker__count" role="status" aria-live="polite">
            {search.data ? t('skills.rounds.escoFound', { count: search.data.total }) : ''}
          </p>
          <ul className="skills-picker__list">{results.map((c) => item(c, false))}</ul>
        </>
      ) : (
        <p className="muted">
          {t('skills.rounds.escoMissing')}{' '}
          <Link to="/imports?kind=esco-occupations">{t('skills.rounds.escoImport')}</Link>
        </p>
      )}
    </fieldset>
  );
}
