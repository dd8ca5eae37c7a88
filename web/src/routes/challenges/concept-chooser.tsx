import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Concept } from '../../api.ts';
import { pickLabel, useLocale } from '../../locale.ts';
import { conceptOptions } from '../organisations/concept-options.ts';
import type { ChosenConcept } from './challenge-form-values.ts';

interface ConceptChooserProps {
  chosen: ChosenConcept[];
  concepts: Concept[];
  onAdd: (id: string) => void;
  onRemove: (id: string) => void;
  /** Announced politely when the suggestions change. */
  status: string;
  busy: boolean;
}

/**
 * The concepts of a challenge as removable chips (suggestions from the text and the person's own
 * choices), and a picker over the value chain to add more.
 */
export function ConceptChooser({ chosen, concepts, onAdd, onRemove, status, busy }: ConceptChooserProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [filter, setFilter] = useState('');
  const [pick, setPick] = useState('');
  const [missing, setMissing] = useState(false);
  const ids = { legend: useId(), filter: useId(), list: useId() };
  const exclude = useMemo(() => new Set(chosen.map((c) => c.id)), [chosen]);
  const options = useMemo(
    () => conceptOptions(concepts, locale.language, filter, exclude, (l) => pickLabel(l, locale.language)),
    [concepts, locale.language, filter, exclude],
  );

  function add() {
    if (!pick || !options.some((o) => o.id === pick)) {
      setMissing(true);
      return;
    }
    setMissing(false);
    onAdd(pick);
    setPick('');
  }

  return (
    <fieldset className="fieldset ch-concepts" aria-describedby={`${ids.legend}-hint`}>
      <legend>{t('challenges.form.concepts')}</legend>
      <p className="field__hint" id={`${ids.legend}-hint`}>
        {t('challenges.form.conceptsHint')}
      </p>
      <p className="ch-concepts__status" role="status" aria-live="polite">
        {busy ? t('challenges.form.suggesting') : status}
      </p>
      {chosen.length === 0 ? (
        <p className="muted">{t('challenges.form.noConcepts')}</p>
      ) : (
        <ul className="chips ch-concepts__chips" aria-label={t('challenges.form.chosenConcepts')}>
          {chosen.map((concept) => (
            <li
              key={concept.id}
              className={concept.suggested ? 'chip chip--filter ch-chip--suggested' : 'chip chip--filter'}
            >
              <span>
                {concept.label}
                {concept.suggested ? (
                  <span className="ch-chip__note">
                    {' '}
                    {concept.evidence.length > 0
                      ? t('challenges.form.suggestedFrom', { words: concept.evidence.slice(0, 3).join(', ') })
                      : t('challenges.form.suggested')}
                  </span>
                ) : null}
              </span>
              <button
                type="button"
                className="chip__remove"
                aria-label={t('challenges.form.removeConcept', { concept: concept.label })}
                onClick={() => onRemove(concept.id)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}

      <div className="ch-concepts__picker">
        <div className="field">
          <label htmlFor={ids.filter}>{t('challenges.form.conceptFilter')}</label>
          <input
            id={ids.filter}
            type="search"
            autoComplete="off"
            aria-controls={ids.list}
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            onKeyDown={(event) => {
              // Enter in the filter must not submit the whole challenge.
              if (event.key === 'Enter') event.preventDefault();
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.list}>{t('challenges.form.conceptList')}</label>
          {options.length === 0 ? <p className="field__hint">{t('challenges.form.noMatches')}</p> : null}
          <select
            id={ids.list}
            size={Math.min(7, Math.max(2, options.length))}
            value={pick}
            aria-invalid={missing || undefined}
            aria-describedby={missing ? `${ids.list}-error` : undefined}
            onChange={(event) => {
              setPick(event.target.value);
              setMissing(false);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          >
            {options.map((option) => (
              <option key={option.id} value={option.id}>
                {'\u00a0\u00a0\u00a0'.repeat(option.depth)}
                {option.label}
              </option>
            ))}
          </select>
          {missing ? (
            <p className="field__error" id={`${ids.list}-error`}>
              <span className="visually-hidden">{t('edit.errorPrefix')} </span>
              {t('challenges.form.chooseConceptFirst')}
            </p>
          ) : null}
        </div>
        <p>
          <button type="button" className="button button--secondary button--small" onClick={add}>
            {t('challenges.form.addConcept')}
          </button>
        </p>
      </div>
    </fieldset>
  );
}
