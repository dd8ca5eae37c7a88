/**
 * Match keys for one label word. Finnish and Swedish text is matched without stemming each
 * text word: every label word gets the prefixes its inflected forms begin with (Snowball's
 * stem plus the stem alternations Snowball does not model), and the matcher looks for those
 * prefixes anywhere inside a text word, which is what lets it find compound parts.
 * English has no closed compounds, so English words are compared by an inflectional stem.
 */
import snowball from 'snowball-stemmers';

const stemmers = {
  fi: snowball.newStemmer('finnish'),
  sv: snowball.newStemmer('swedish'),
};

const EN_VOWELS = 'aeiouy';

function hasVowel(s: string): boolean {
  for (const ch of s) if (EN_VOWELS.includes(ch)) return true;
  return false;
}

/**
 * English stem that strips inflection only (plural, -ed, -ing, final e, doubled consonant).
 * Snowball's English (Porter2) also strips derivations and so merges words that are different
 * concepts here: separator/separation, concentrate/concentration, recovery/recovering.
 * British and American spellings are folded (sulfate → sulphate, -ize → -ise).
 */
export function stemEnglish(word: string): string {
  let w = word;
  if (w.includes('sulf')) w = w.replaceAll('sulf', 'sulph');
  w = w.replace(/iz(?=(e|ed|es|ing|ation|ations|er|ers)$)/, 'is');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(x|ch|sh|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ed') && !w.endsWith('eed') && w.length - 2 >= 3 && hasVowel(w.slice(0, -2)))
    w = w.slice(0, -2);
  else if (w.endsWith('ing') && w.length - 3 >= 3 && hasVowel(w.slice(0, -3))) w = w.slice(0, -3);
  if (w.endsWith('e') && w.length - 1 >= 3) w = w.slice(0, -1);
  const last = w.at(-1);
  if (w.length > 3 && last === w.at(-2) && last !== undefined && !EN_VOWELS.includes(last))
    w = w.slice(0, -1);
  return w;
}

/** A prefix that inflected forms of a label word start with. */
export type WordKey = {
  key: string;
  /** True for the nominative word itself: only that form appears as the first part of a compound. */
  surface: boolean;
  /** A Finnish verb stem: participles and passives add long endings (kierrät|ettäviksi). */
  verbal: boolean;
};

const FI_VOWEL = 'aeiouyäö';

// Finnish consonant gradation in the last syllable: strong grade (dictionary form) → weak grade
// (most inflected forms): akku → akun, uutto → uuton, hallinta → hallinnan, jälki → jäljen.
const FI_GRADATION: Array<[string, string]> = [
  ['kk', 'k'],
  ['pp', 'p'],
  ['tt', 't'],
  ['nt', 'nn'],
  ['nk', 'ng'],
  ['mp', 'mm'],
  ['lt', 'll'],
  ['rt', 'rr'],
  ['lk', 'lj'],
  ['rk', 'r'],
  ['ht', 'hd'],
];

// Weak → strong grade for -as/-äs words, whose inflected forms take the strong grade.
const FI_INVERSE_GRADATION: Record<string, string> = { d: 't', k: 'kk', p: 'pp', t: 'tt', v: 'p' };

// Finnish infinitives: kierrättää, valmistaa, esikäsitellä, kerätä.
const FI_VERB_ENDINGS = [
  'taa',
  'tää',
  'staa',
  'stää',
  'ellä',
  'ella',
  'illä',
  'illa',
  'ätä',
  'ata',
  'ota',
  'ötä',
  'ida',
  'idä',
];

function finnishKeys(word: string): WordKey[] {
  const verbal = FI_VERB_ENDINGS.some((e) => word.endsWith(e)) && word.length >= 6;
  const keys = new Map<string, boolean>();
  const add = (key: string, surface: boolean) => {
    if (key.length < 3) return;
    if (!keys.has(key) || surface) keys.set(key, surface);
  };
  add(word, true);
  const last = word.at(-1) ?? '';
  const beforeLast = word.at(-2) ?? '';
  const isVowel = (ch: string) => FI_VOWEL.includes(ch);
  // Snowball reads -in as a case ending, but erotin/sekoitin inflect as erottimen/sekoittimen:
  // its stem "erot" would match "erotus" (separation), a different concept.
  const stem = stemmers.fi.stem(word);
  if (!word.endsWith('in') && stem.length >= Math.max(3, word.length - 4)) add(stem, false);
  // A plural label ("akkukemikaalit") stands in a compound in the singular ("akkukemikaalitehdas").
  if (last === 't' && isVowel(beforeLast) && word.length > 5) add(word.slice(0, -1), true);
  if (last === 's' && isVowel(beforeLast)) {
    const third = word.at(-3) ?? '';
    if (isVowel(third)) {
      // -uus/-yys/-ous → -uuden (turvallisuus → turvallisuuden, kiertotalous → kiertotalouden)
      add(word.slice(0, -1), false);
    } else if (beforeLast === 'a' || beforeLast === 'ä') {
      // -as/-äs → -aa- with the consonant in the strong grade: tehdas → tehtaan, rikas → rikkaan
      const strong = FI_INVERSE_GRADATION[third] ?? third;
      add(`${word.slice(0, -3)}${strong}${beforeLast}${beforeLast}`, false);
    } else {
      // -us/-ys/-os → -uksen (valmistus → valmistuksen, kaivos → kaivoksen)
      add(`${word.slice(0, -1)}ks`, false);
    }
  }
  if (word.endsWith('nen') && word.length > 5) add(`${word.slice(0, -3)}s`, false); // kaksonen → kaksosen
  // Final -i changes in inflection (hiili → hiilen, malmi → malmien); other final vowels stay
  // (uutto → uuton), and dropping them would let "uutto" match "uutta" (new).
  if (last === 'i' && word.length >= 5) add(word.slice(0, -1), false);
  // Gradation applies to the consonants right before the final vowel(s).
  let end = word.length;
  while (end > 0 && isVowel(word[end - 1]!)) end--;
  if (end < word.length) {
    for (const [strong, weak] of FI_GRADATION) {
      if (end >= strong.length + 1 && word.slice(end - strong.length, end) === strong) {
        const weakWord = word.slice(0, end - strong.length) + weak + word.slice(end);
        add(weakWord, false);
        if (weakWord.length >= 5) add(weakWord.slice(0, -1), false);
        break;
      }
    }
  }
  return [...keys].map(([key, surface]) => ({ key, surface, verbal }));
}

function swedishKeys(word: string): WordKey[] {
  const keys = new Map<string, boolean>();
  const add = (key: string, surface: boolean) => {
    if (key.length < 3) return;
    if (!keys.has(key) || surface) keys.set(key, surface);
  };
  add(word, true);
  // -a and -e words lose the vowel when inflected: gruva → gruvor, kemikalie → kemikalier.
  const last = word.at(-1);
  if ((last === 'a' || last === 'e') && word.length >= 5) add(word.slice(0, -1), false);
  // Snowball only when it strips an inflection, not a derivation: "säkerhet" must not become "säker".
  const stem = stemmers.sv.stem(word);
  if (word.startsWith(stem) && stem.length >= Math.max(4, word.length - 2)) add(stem, false);
  return [...keys].map(([key, surface]) => ({ key, surface, verbal: false }));
}

export function deriveWordKeys(word: string, lang: 'fi' | 'sv'): WordKey[] {
  return lang === 'fi' ? finnishKeys(word) : swedishKeys(word);
}
