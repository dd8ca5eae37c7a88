import { z } from 'zod';
import { LanguageSchema, LocalizedSchema } from '../common-schemas.ts';

/** About ten pages of text: more than any description, little enough to tag in milliseconds. */
export const MAX_TAG_TEXT = 20_000;

export const TagRequestSchema = z.object({
  text: z.string().max(MAX_TAG_TEXT),
  /** The text's language; without it the tagger guesses, or matches all three. */
  lang: LanguageSchema.optional(),
});

export const TagResultSchema = z.object({
  conceptId: z.string(),
  label: LocalizedSchema,
  score: z.number(),
  evidence: z.array(z.string()),
});
export const TagResultsSchema = z.array(TagResultSchema);
