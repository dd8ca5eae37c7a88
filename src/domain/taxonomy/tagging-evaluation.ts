/**
 * Quality of the tagger on a labelled set: micro-averaged precision and recall, overall and per
 * language. Shared by the golden-set test and the benchmark so both count the same way.
 *
 * A concept counts as predicted when tagText returns it, i.e. every returned tag (all of them
 * are at or above TAG_THRESHOLD). No top-k cut: the tagger decides how many tags a text gets.
 */
import { type TagIndex, type TagLanguage, tagText } from './tagging.ts';

export type LabelledText = { id: string; lang: TagLanguage; text: string; expected: string[] };

export type TaggingCounts = { truePositives: number; predicted: number; expected: number };
export type TaggingQuality = TaggingCounts & { precision: number; recall: number };

export type TaggingEvaluation = {
  overall: TaggingQuality;
  perLanguage: Record<TagLanguage, TaggingQuality>;
  /** Per item: what was missed and what was added, for reading failures. */
  items: Array<{ id: string; lang: TagLanguage; missed: string[]; extra: string[] }>;
};

function toQuality(c: TaggingCounts): TaggingQuality {
  return {
    ...c,
    // An empty side is perfect rather than undefined: nothing predicted means no false positive.
    precision: c.predicted === 0 ? 1 : c.truePositives / c.predicted,
    recall: c.expected === 0 ? 1 : c.truePositives / c.expected,
  };
}

export function evaluateTagging(
  index: TagIndex,
  labelled: LabelledText[],
  useLanguage = true,
): TaggingEvaluation {
  const zero = (): TaggingCounts => ({ truePositives: 0, predicted: 0, expected: 0 });
  const total = zero();
  const byLang: Record<TagLanguage, TaggingCounts> = { fi: zero(), sv: zero(), en: zero() };
  const items: TaggingEvaluation['items'] = [];
  for (const item of labelled) {
    const predicted = new Set(
      tagText(index, item.text, useLanguage ? item.lang : undefined).map((r) => r.conceptId),
    );
    const expected = new Set(item.expected);
    let hits = 0;
    for (const id of predicted) if (expected.has(id)) hits++;
    for (const counts of [total, byLang[item.lang]]) {
      counts.truePositives += hits;
      counts.predicted += predicted.size;
      counts.expected += expected.size;
    }
    items.push({
      id: item.id,
      lang: item.lang,
      missed: [...expected].filter((id) => !predicted.has(id)),
      extra: [...predicted].filter((id) => !expected.has(id)),
    });
  }
  return {
    overall: toQuality(total),
    perLanguage: { fi: toQuality(byLang.fi), sv: toQuality(byLang.sv), en: toQuality(byLang.en) },
    items,
  };
}
