import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Localised } from './api.ts';
import { type Language, toLanguage } from './i18n/setup.ts';

// Swedish and English as used in Finland: dates like 3.11.2026 / 3.11.2026 / 3 Nov 2026.
const INTL_LOCALE: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export interface Locale {
  language: Language;
  collator: Intl.Collator;
  formatNumber: (value: number) => string;
  formatDate: (iso: string) => string;
  formatDateTime: (iso: string) => string;
}

export function createLocale(language: Language): Locale {
  const tag = INTL_LOCALE[language];
  const numberFormat = new Intl.NumberFormat(tag);
  const dateFormat = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'numeric', year: 'numeric' });
  const dateTimeFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  const format = (formatter: Intl.DateTimeFormat, iso: string) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : formatter.format(date);
  };
  return {
    language,
    collator: new Intl.Collator(tag, { sensitivity: 'base', numeric: true }),
    formatNumber: (value) => numberFormat.format(value),
    formatDate: (iso) => format(dateFormat, iso),
    formatDateTime: (iso) => format(dateTimeFormat, iso),
  };
}

export function useLocale(): Locale {
  const { i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  return useMemo(() => createLocale(language), [language]);
}

export interface PickedText {
  text: string;
  language: Language;
  /** True when the UI language had no text and another language is shown. */
  isFallback: boolean;
}

const FALLBACK_ORDER: Language[] = ['en', 'fi', 'sv'];

/** The text in the UI language, else in the first other language that has it. */
export function pickText(texts: Localised, language: Language): PickedText | null {
  if (texts[language]?.trim()) return { text: texts[language], language, isFallback: false };
  for (const other of FALLBACK_ORDER) {
    if (other !== language && texts[other]?.trim()) {
      return { text: texts[other], language: other, isFallback: true };
    }
  }
  return null;
}

/** A label for a name object, never empty when any language has one. */
export function pickLabel(texts: Localised, language: Language): string {
  return pickText(texts, language)?.text ?? '';
}
