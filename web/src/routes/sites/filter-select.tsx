import { useId } from 'react';

export interface FilterOption {
  value: string;
  label: string;
}

interface FilterSelectProps {
  label: string;
  value: string;
  /** The first option, for "no filter" (its value is ''). */
  allLabel: string;
  options: FilterOption[];
  onChange: (value: string) => void;
  /** How to name a value from the address that is not (yet) among the options. */
  labelOf?: (value: string) => string;
}

/** One filter of a filter bar: a labelled select whose first option clears the filter. */
export function FilterSelect({ label, value, allLabel, options, onChange, labelOf }: FilterSelectProps) {
  const id = useId();
  const missing = value !== '' && !options.some((option) => option.value === value);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{allLabel}</option>
        {/* A value named in the address but not loaded stays selectable. */}
        {missing ? <option value={value}>{labelOf ? labelOf(value) : value}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
