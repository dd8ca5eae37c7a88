import { describe, expect, it } from 'vitest';
import en from './en.json' with { type: 'json' };
import fi from './fi.json' with { type: 'json' };
import sv from './sv.json' with { type: 'json' };

type Tree = { [key: string]: string | Tree };

/** Every leaf as "a.b.c" → value. */
function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null) {
      for (const [k, v] of flatten(value, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

const languages = { fi: flatten(fi), sv: flatten(sv), en: flatten(en) };

describe('UI translations', () => {
  it('have exactly the same keys in Finnish, Swedish and English', () => {
    const fiKeys = [...languages.fi.keys()].sort();
    expect([...languages.sv.keys()].sort()).toEqual(fiKeys);
    expect([...languages.en.keys()].sort()).toEqual(fiKeys);
    expect(fiKeys.length).toBeGreaterThan(100);
  });

  it.each(Object.entries(languages))('has no empty or non-text values in %s', (_language, messages) => {
    const bad = [...messages].filter(([, value]) => typeof value !== 'string' || value.trim() === '');
    expect(bad).toEqual([]);
  });

  it.each(Object.entries(languages))(
    'uses the same {{placeholders}} as Finnish in %s',
    (_language, messages) => {
      const placeholders = (text: unknown) =>
        [...String(text).matchAll(/\{\{(\w+)/g)].map((m) => m[1]).sort();
      const mismatched = [...languages.fi].filter(
        ([key, value]) =>
          JSON.stringify(placeholders(value)) !== JSON.stringify(placeholders(messages.get(key))),
      );
      expect(mismatched.map(([key]) => key)).toEqual([]);
    },
  );

  it('is really translated: Swedish and English differ from Finnish in most strings', () => {
    const same = (other: Map<string, unknown>) =>
      [...languages.fi].filter(([key, value]) => other.get(key) === value).map(([key]) => key);
    // Only proper names and codes may read the same in two languages.
    const allowed = new Set([
      'app.name',
      'accessibility.enforcement.url',
      'accessibility.enforcement.urlText',
    ]);
    expect(
      same(languages.sv).filter((key) => !allowed.has(key) && !isNameLike(languages.fi.get(key))),
    ).toEqual([]);
    expect(
      same(languages.en).filter((key) => !allowed.has(key) && !isNameLike(languages.fi.get(key))),
    ).toEqual([]);
  });
});

/** Short labels such as "Kenno" or "Region" can legitimately be the same word in two languages. */
function isNameLike(value: unknown): boolean {
  return typeof value === 'string' && !value.includes(' ') && value.length <= 12;
}
