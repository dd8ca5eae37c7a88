import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildTaggableConcepts,
  type ValueChainSynonyms,
  type ValueChainTaxonomy,
} from './taggable-concepts.ts';
import { buildTagIndex, TAG_THRESHOLD, type TaggableConcept, type TagLanguage, tagText } from './tagging.ts';
import { stemEnglish } from './term-keys.ts';
import { detectLanguage, tokeniseText } from './text-tokens.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as T;
const taxonomy = readJson<ValueChainTaxonomy>('data/reference/value-chain.json');
const synonyms = readJson<ValueChainSynonyms>('data/taxonomy/value-chain-synonyms.json');
const index = buildTagIndex(buildTaggableConcepts(taxonomy, synonyms));

function tag(text: string, lang?: TagLanguage) {
  return tagText(index, text, lang);
}
function ids(text: string, lang?: TagLanguage) {
  return tag(text, lang).map((r) => r.conceptId);
}
function evidence(text: string, conceptId: string, lang?: TagLanguage) {
  return tag(text, lang).find((r) => r.conceptId === conceptId)?.evidence;
}

describe('Finnish inflection and compounds', () => {
  it('finds battery chemicals in an inflected compound', () => {
    const text = 'Yritys investoi akkukemikaalien valmistuksessa tarvittaviin laitteisiin.';
    expect(ids(text)).toContain('refining.battery-chemicals');
    expect(evidence(text, 'refining.battery-chemicals')).toEqual(['akkukemikaalien']);
  });

  it('finds cathode materials in the partitive plural', () => {
    expect(evidence('Tehdas valmistaa katodimateriaaleja sähköautoihin.', 'cam')).toEqual([
      'katodimateriaaleja',
    ]);
  });

  it('finds lithium chemicals in a genitive compound', () => {
    const text = 'Litiumhydroksidin tuotanto alkaa Kokkolassa.';
    expect(evidence(text, 'refining.lithium-chemicals')).toEqual(['Litiumhydroksidin']);
  });

  it('tags black mass leaching as black mass and hydrometallurgical recycling', () => {
    const result = tag('Uusi laitos keskittyy mustamassan liuotukseen.');
    expect(result.map((r) => r.conceptId)).toEqual(
      expect.arrayContaining(['recycling.black-mass', 'recycling.hydromet']),
    );
    expect(result.find((r) => r.conceptId === 'recycling.hydromet')?.evidence).toEqual([
      'mustamassan',
      'liuotukseen',
    ]);
  });

  it('handles consonant gradation and -s/-ks stems', () => {
    expect(ids('Akkujen kierrätyksen uusi laitos')).toContain('recycling');
    expect(ids('Kaivoksen laajennus etenee')).toContain('raw.mining');
    expect(ids('Uuton ja ioninvaihdon yhdistelmä')).toEqual(
      expect.arrayContaining(['cross.separation.sx', 'cross.separation.ion-exchange']),
    );
  });

  it('matches the head of a compound and a hyphenated abbreviation', () => {
    expect(ids('Toimitamme litiumioniakkujen erottimia.')).toContain('separator');
    expect(evidence('pCAM-tehtaan rakentaminen alkaa', 'pcam')).toEqual(['pCAM-tehtaan']);
  });

  it('reads elided coordination as two compounds', () => {
    const text = 'Tuotteita ovat nikkeli- ja kobolttisulfaatti.';
    expect(evidence(text, 'refining.metal-sulphates')).toEqual(['nikkeli-', 'kobolttisulfaatti']);
  });

  it('inflects -as words with the strong grade and verbs with long endings', () => {
    expect(evidence('Kokemäelle suunnitellussa akkutehtaassa valmistetaan akkuja.', 'cell')).toEqual([
      'akkutehtaassa',
    ]);
    expect(ids('Akut on toimitettava esikäsiteltäviksi ja kierrätettäviksi.', 'fi')).toEqual(
      expect.arrayContaining(['recycling.mechanical', 'recycling']),
    );
  });

  it('keeps a compound part with its own word, not with a label spread over several words', () => {
    // "litium" modifies "hydroksidi" here; the text says nothing of lithium ore.
    expect(ids('Malmin jalostaminen litiumhydroksidiksi on suomalaista teknologiaa.', 'fi')).not.toContain(
      'raw.lithium',
    );
    // The last word of a label may modify a head: hydrometallurgical recycling capacity.
    expect(ids('Laitos kasvattaa hydrometallurgista kierrätyskapasiteettia.', 'fi')).toContain(
      'recycling.hydromet',
    );
  });

  it('does not take a short word for a compound part', () => {
    // "pii" (silicon) must not be found in "piirtää" or "kuppiin".
    expect(ids('Hän piirtää kuvan ja kaataa kahvia kuppiin.', 'fi')).toEqual([]);
    // "=kestävä" is marked whole-word in the synonym list: not in "haponkestävä" (acid-proof).
    expect(ids('Kone on valmistettu haponkestävästä teräksestä.', 'fi')).toEqual([]);
    expect(ids('Tavoitteena on kestävä akkuteollisuus.', 'fi')).toContain('cross.sustainability');
  });
});

describe('Swedish compounds and definite forms', () => {
  it('finds battery chemicals in the definite plural', () => {
    expect(evidence('Batterikemikalierna tillverkas i Karleby.', 'refining.battery-chemicals')).toEqual([
      'Batterikemikalierna',
    ]);
  });

  it('finds recycling in a definite form followed by a phrase', () => {
    const text = 'Återvinningen av litiumjonbatterier ökar i Norden.';
    expect(evidence(text, 'recycling')).toEqual(['Återvinningen']);
  });

  it('finds cathode material in the definite singular', () => {
    expect(evidence('Katodmaterialet produceras i Vasa.', 'cam')).toEqual(['Katodmaterialet']);
  });

  it('matches "^elbil" at the start of a word only', () => {
    expect(ids('Elbilsbatterierna återvinns.', 'sv')).toContain('app.ev');
    expect(ids('En dieselbilsbrand släcks med vatten.', 'sv')).not.toContain('app.ev');
  });

  it('finds black mass and mining in compounds', () => {
    expect(ids('Svartmassan från batteriåtervinningen går till gruvbolaget.', 'sv')).toEqual(
      expect.arrayContaining(['recycling.black-mass', 'recycling', 'raw.mining']),
    );
  });
});

describe('English plurals and phrases', () => {
  it('matches plural phrases by stem', () => {
    const result = tag('The plant produces cathode materials from recycled batteries.');
    expect(result.find((r) => r.conceptId === 'cam')?.evidence).toEqual(['cathode', 'materials']);
    expect(result.find((r) => r.conceptId === 'recycling')?.evidence).toEqual(['recycled']);
  });

  it('needs English label words written together, or around function words only', () => {
    const result = ids('A Battery Thermal Management System keeps the cells cool.', 'en');
    expect(result).toContain('pack.thermal');
    expect(result).not.toContain('pack.bms');
    expect(ids('The platform will balance the local grid.', 'en')).toContain(
      'app.stationary.grid-integration',
    );
  });

  it('does not count words of a company name as evidence', () => {
    const result = ids('Fortum Battery Recycling opened a hydrometallurgical plant.', 'en');
    expect(result).not.toContain('recycling');
    expect(ids("LUT University's Department of Separation Science led the work.", 'en')).toContain(
      'cross.separation',
    );
  });

  it('keeps separator and separation apart', () => {
    expect(ids('We make battery separators.')).toEqual(['separator']);
    expect(ids('Our separation technologies recover metals.')).toContain('cross.separation');
    expect(ids('Our separation technologies recover metals.')).not.toContain('separator');
  });

  it('folds spelling variants', () => {
    expect(stemEnglish('sulfates')).toBe(stemEnglish('sulphate'));
    expect(stemEnglish('crystallization')).toBe(stemEnglish('crystallisation'));
    expect(ids('nickel sulfate and cobalt sulfate production')).toContain('refining.metal-sulphates');
  });

  it('does not let a phrase run across punctuation or a conjunction', () => {
    // "black" and "mass" belong to different clauses here.
    expect(ids('The roof is black. Mass production starts in May.')).not.toContain('recycling.black-mass');
    expect(ids('precursors and cathode materials')).toEqual(expect.arrayContaining(['pcam', 'cam']));
  });
});

describe('synonyms and abbreviations', () => {
  it('matches abbreviations written in capitals, with digits or a plural', () => {
    const result = tag('LFP and NMC811 cells, pCAMs, a BMS, a BESS and an LCA.');
    expect(result.map((r) => r.conceptId)).toEqual(
      expect.arrayContaining(['cam.lfp', 'cam.nmc', 'pcam', 'pack.bms', 'app.stationary.grid-bess']),
    );
    expect(result.find((r) => r.conceptId === 'cam.nmc')?.evidence).toEqual(['NMC811']);
  });

  it('ignores an abbreviation written in lowercase', () => {
    expect(ids('the cam shaft and the lca cat', 'en')).toEqual([]);
  });

  it('finds trade terms in all three languages', () => {
    expect(ids('black mass', 'en')).toEqual(['recycling.black-mass']);
    expect(ids('mustamassa', 'fi')).toEqual(['recycling.black-mass']);
    expect(ids('svartmassa', 'sv')).toEqual(['recycling.black-mass']);
  });
});

describe('specificity', () => {
  it('prefers the child when child and parent match on the same words', () => {
    const result = ids('Hydrometallurgical recycling of lithium-ion batteries');
    expect(result).toContain('recycling.hydromet');
    expect(result).not.toContain('recycling');
    expect(result).not.toContain('refining.hydromet');
  });

  it('reads hydrometallurgy in a recycling text as hydrometallurgical recycling', () => {
    const result = ids(
      'Black mass from battery recycling is sent on for hydrometallurgical extraction.',
      'en',
    );
    expect(result).toContain('recycling.hydromet');
    expect(result).not.toContain('refining.hydromet');
    expect(ids('The ore is treated by hydrometallurgical extraction.', 'en')).toContain('refining.hydromet');
  });

  it('keeps the parent when it has evidence of its own', () => {
    const result = ids('Battery recycling is growing. One step is hydrometallurgical recycling.');
    expect(result).toEqual(expect.arrayContaining(['recycling', 'recycling.hydromet']));
  });

  it('prefers the longer compound to a part of it', () => {
    const result = ids('Nikkelisulfaatin tuotanto kasvaa.');
    expect(result).toContain('refining.metal-sulphates');
    expect(result).not.toContain('cross.sulphate');
  });

  it('ranks by score, within 0..1 and above the threshold', () => {
    const result = tag('Akkujen kierrätys ja mustamassan liuotus; kierrätetyt metallit palaavat akkuihin.');
    expect(result.length).toBeGreaterThan(1);
    for (let i = 0; i < result.length; i++) {
      const r = result[i]!;
      expect(r.score).toBeGreaterThanOrEqual(TAG_THRESHOLD);
      expect(r.score).toBeLessThanOrEqual(1);
      if (i > 0) expect(result[i - 1]!.score).toBeGreaterThanOrEqual(r.score);
    }
  });
});

describe('language', () => {
  it('detects the language from function words', () => {
    expect(detectLanguage(tokeniseText('Yritys valmistaa akkuja ja se on kasvanut nopeasti.'))).toBe('fi');
    expect(detectLanguage(tokeniseText('Företaget tillverkar batterier och det är ett av de största.'))).toBe(
      'sv',
    );
    expect(detectLanguage(tokeniseText('The company makes batteries and it is one of the largest.'))).toBe(
      'en',
    );
    expect(detectLanguage(tokeniseText('LFP NMC'))).toBeNull();
  });

  it('matches all three languages when the language is unknown', () => {
    expect(ids('katodimateriaali')).toEqual(['cam']);
    expect(ids('katodmaterial')).toEqual(['cam']);
    expect(ids('cathode materials')).toEqual(['cam']);
  });

  it('returns nothing for empty or unrelated text', () => {
    expect(tag('')).toEqual([]);
    expect(tag('The weather in Helsinki was sunny and the market square was busy.')).toEqual([]);
  });
});

describe('index', () => {
  it('works on concepts passed in directly and labels by language', () => {
    const concepts: TaggableConcept[] = [
      {
        id: 'x',
        parentId: null,
        labels: { fi: 'Mustamassa', sv: 'Svartmassa', en: 'Black mass' },
        altLabels: { fi: [], sv: [], en: ['BM'] },
      },
    ];
    const small = buildTagIndex(concepts);
    expect(tagText(small, 'Black masses are traded.', 'en')).toEqual([
      {
        conceptId: 'x',
        label: { fi: 'Mustamassa', sv: 'Svartmassa', en: 'Black mass' },
        score: expect.any(Number),
        evidence: ['Black', 'masses'],
      },
    ]);
    expect(tagText(small, 'BM', 'en').map((r) => r.conceptId)).toEqual(['x']);
  });

  it('rejects synonyms for unknown concepts', () => {
    expect(() =>
      buildTaggableConcepts(taxonomy, { schema: 'x', concepts: { 'no.such': { fi: ['x'] } } }),
    ).toThrow(/unknown concept/);
  });
});
