import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type en from './en.json';

export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Messages = typeof en;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

const STORAGE_KEY = 'kenno.language';

// Each language is its own chunk: a visitor downloads only the one they read.
const loaders: Record<Language, () => Promise<{ default: Messages }>> = {
  fi: () => import('./fi.json', { with: { type: 'json' } }),
  sv: () => import('./sv.json', { with: { type: 'json' } }),
  en: () => import('./en.json', { with: { type: 'json' } }),
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language i18next is using, narrowed to one Kenno supports. */
export function toLanguage(value: string | undefined): Language {
  return isLanguage(value) ? value : 'fi';
}

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // Storage may be disabled; then the browser's language decides.
  }
}

/** The stored choice, else the browser's preferred fi/sv/en, else Finnish. */
export function detectLanguage(): Language {
  const stored = readStoredLanguage();
  if (isLanguage(stored)) return stored;
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const base = tag?.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'fi';
}

async function ensureLoaded(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return;
  const messages = await loaders[language]();
  i18next.addResourceBundle(language, 'translation', messages.default, true, true);
}

function applyToDocument(language: string): void {
  document.documentElement.lang = language;
}

export async function initI18n(): Promise<void> {
  const language = detectLanguage();
  const messages = await loaders[language]();
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    resources: { [language]: { translation: messages.default } },
    interpolation: { escapeValue: false }, // React escapes.
    returnNull: false,
  });
  i18next.on('languageChanged', applyToDocument);
  applyToDocument(language);
}

export async function changeLanguage(language: Language): Promise<void> {
  await ensureLoaded(language);
  await i18next.changeLanguage(language);
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered when storage is unavailable; the switch still works for this visit.
  }
}
