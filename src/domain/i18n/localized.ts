/** The three languages of Kenno: every page and every content field people write. */
export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export type Localized = Record<Language, string>;
export type LocalizedList = Record<Language, string[]>;

export function emptyLocalized(): Localized {
  return { fi: '', sv: '', en: '' };
}

/** The text in the wanted language, else the first language that has one. */
export function pickLocalized(value: Localized, lang: Language): { text: string; lang: Language | null } {
  if (value[lang]) return { text: value[lang], lang };
  for (const other of LANGUAGES) if (value[other]) return { text: value[other], lang: other };
  return { text: '', lang: null };
}
