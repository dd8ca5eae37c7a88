// A group of checkboxes over concepts (job roles, skills, competences) with a filter box, for
// lists too long to scan: choosing stays a plain checkbox, keyboard and screen-reader friendly.
import { type ReactNode, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface PickerOption {
  id: string;
  label: string;
  /** Indentation in a hierarchy (0: top). */
  depth?: number;
}

interface CheckboxPickerProps {
  legend: string;
  hint?: string;
  options: PickerOption[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
  /** A filter box above the list (for long lists). */
  filterable?: boolean;
  error?: ReactNode;
  errorId?: string;
  /** The id of the fieldset, for an error summary's link. */
  id?: string;
}

function normalise(text: string): string {
  return text
    .toLocaleLowerCase()
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '');
}

export function CheckboxPicker(props: CheckboxPickerProps) {
  const { legend, hint, options, chosen, onChange, filterable, error, errorId } = props;
  const { t } = useTranslation();
  const base = useId();
  const [filter, setFilter] = useState('');
  const needle = normalise(filter.trim());
  const shown = useMemo(
    () => (needle ? options.filter((o) => normalise(o.label).includes(needle)) : options),
    [options, needle],
  );
  const chosenSet = new Set(chosen);
  const describedBy = [hint ? `${base}-hint` : '', error && errorId ? errorId : ''].filter(Boolean).join(' ');

  function toggle(optionId: string, on: boolean) {
    onChange(on ? [...chosen, optionId] : chosen.filter((c) => c !== optionId));
  }

  return (
    <fieldset
      id={props.id}
      className="fieldset skills-picker"
      aria-describedby={describedBy || undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={`${base}-hint`}>
          {hint}
        </p>
      ) : null}
      {error}
      <div className="skills-picker__tools">
        {filterable ? (
          <div className="field skills-picker__filter">
            <label htmlFor={`${base}-filter`}>{t('skills.picker.filter')}</label>
            <input
              id={`${base}-filter`}
              type="search"
              autoComplete="off"
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') event.preventDefault();
              }}
            />
          </div>
        ) : null}
        <div className="skills-picker__buttons">
          <button
            type="button"
            className="link-button"
            onClick={() => onChange([...new Set([...chosen, ...shown.map((o) => o.id)])])}
          >
            {needle ? t('skills.picker.allShown') : t('skills.picker.all')}
          </button>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              const hide = new Set(shown.map((o) => o.id));
              onChange(chosen.filter((c) => !hide.has(c)));
            }}
          >
            {needle ? t('skills.picker.noneShown') : t('skills.picker.none')}
          </button>
        </div>
      </div>
      <p className="skills-picker__count" role="status" aria-live="polite">
        {t('skills.picker.count', { count: chosen.length, total: options.length })}
      </p>
      {shown.length === 0 ? <p className="muted">{t('skills.picker.noMatches')}</p> : null}
      <ul className="skills-picker__list">
        {shown.map((option) => (
          <li
            key={option.id}
            className={`skills-picker__item skills-picker__item--d${Math.min(option.depth ?? 0, 3)}`}
          >
            <input
              id={`${base}-${option.id}`}
              type="checkbox"
              checked={chosenSet.has(option.id)}
              onChange={(event) => toggle(option.id, event.target.checked)}
            />
            <label htmlFor={`${base}-${option.id}`}>{option.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
