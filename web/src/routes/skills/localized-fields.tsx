// A text in Finnish, Swedish and English: three labelled inputs (or text areas) in one fieldset.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Localised } from '../../api.ts';
import { LANGUAGES } from '../../i18n/setup.ts';

interface LocalizedFieldsProps {
  legend: string;
  hint?: string;
  value: Localised;
  onChange: (value: Localised) => void;
  /** The id of the first input (the Finnish one), for an error summary's link. */
  id: string;
  multiline?: boolean;
  maxLength: number;
  invalid?: object;
  error?: ReactNode;
}

export function LocalizedFields({
  legend,
  hint,
  value,
  onChange,
  id,
  multiline,
  maxLength,
  invalid,
  error,
}: LocalizedFieldsProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset skills-localized">
      <legend>{legend}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {error}
      {LANGUAGES.map((language, index) => {
        const inputId = index === 0 ? id : `${id}-${language}`;
        const common = {
          id: inputId,
          lang: language,
          maxLength,
          value: value[language],
          ...(invalid ?? {}),
          onChange: (event: { target: { value: string } }) =>
            onChange({ ...value, [language]: event.target.value }),
        };
        return (
          <div className="field" key={language}>
            <label htmlFor={inputId}>{t(`skills.inLanguage.${language}`)}</label>
            {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
          </div>
        );
      })}
    </fieldset>
  );
}
