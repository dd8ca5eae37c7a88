import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, changeLanguage, toLanguage } from '../i18n/setup.ts';

// Each language is named in itself, as people look for their own language's name.
const NATIVE_NAMES: Record<Language, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = toLanguage(i18n.language);
  const [pending, setPending] = useState<Language | null>(null);

  async function choose(language: Language) {
    if (language === current) return;
    setPending(language);
    try {
      await changeLanguage(language);
    } finally {
      setPending(null);
    }
  }

  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t('language.label')}</legend>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language-switch__option"
          aria-pressed={language === current}
          aria-busy={pending === language || undefined}
          onClick={() => void choose(language)}
        >
          {NATIVE_NAMES[language]}
        </button>
      ))}
    </fieldset>
  );
}
