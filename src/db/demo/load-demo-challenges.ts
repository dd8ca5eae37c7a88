import fs from 'node:fs';
import path from 'node:path';
import { inArray, like } from 'drizzle-orm';
import { z } from 'zod';
import {
  CHALLENGE_LANGUAGES,
  CHALLENGE_STATUSES,
  HORIZONS,
  suggestedConcepts,
} from '../../domain/challenges/challenge.ts';
import { buildTaggableConcepts, type ValueChainSynonyms } from '../../domain/taxonomy/taggable-concepts.ts';
import { buildTagIndex, tagText } from '../../domain/taxonomy/tagging.ts';
import type { Db } from '../create-db.ts';
import { challengeHistory, challenges } from '../schema/index.ts';
import { DATA_DIR, readDemoFiles } from './demo-files.ts';

/** Demo challenges have ids with this prefix; a reset replaces them and leaves people's own alone. */
export const DEMO_CHALLENGE_PREFIX = 'demo-';

const DemoChallengesSchema = z.object({
  schema: z.literal('demo-challenges/v1'),
  challenges: z.array(
    z.object({
      id: z.string().startsWith(DEMO_CHALLENGE_PREFIX),
      regionId: z.string(),
      organisationId: z.string(),
      language: z.enum(CHALLENGE_LANGUAGES),
      title: z.string().min(3),
      description: z.string().min(10),
      trlNow: z.number().int().min(1).max(9).nullable(),
      trlWanted: z.number().int().min(1).max(9).nullable(),
      horizon: z.enum(HORIZONS).nullable(),
      isPublic: z.boolean(),
      status: z.enum(CHALLENGE_STATUSES),
    }),
  ),
});

export function readDemoChallenges() {
  const file = path.join(DATA_DIR, 'demo/challenges.json');
  return DemoChallengesSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8'))).challenges;
}

/**
 * Loads the demo challenges (data/demo/challenges.json, written for the demo: see data/README.md),
 * tagged with the value-chain tagger as a person's submission would be: the tagger's suggestions
 * are also the confirmed concepts. Runs inside the demo load's transaction; with `reset` the
 * previous demo challenges are replaced. Each is dated a day apart, so the oldest member of a
 * common challenge (its id) is stable.
 */
export async function loadDemoChallenges(tx: Db, options: { reset: boolean }): Promise<number> {
  const rows = readDemoChallenges();
  const files = readDemoFiles();
  const synonyms = JSON.parse(
    fs.readFileSync(path.join(DATA_DIR, 'taxonomy/value-chain-synonyms.json'), 'utf8'),
  ) as ValueChainSynonyms;
  const index = buildTagIndex(
    buildTaggableConcepts(
      {
        concepts: files.valueChain.concepts.map((c) => ({
          id: c.id,
          parent: c.parent,
          labels: c.labels,
          alt_labels: c.alt_labels,
        })),
      },
      synonyms,
    ),
  );
  if (options.reset) await tx.delete(challenges).where(like(challenges.id, `${DEMO_CHALLENGE_PREFIX}%`));
  else {
    const present = await tx
      .select({ id: challenges.id })
      .from(challenges)
      .where(
        inArray(
          challenges.id,
          rows.map((r) => r.id),
        ),
      );
    if (present.length) return 0;
  }
  const start = Date.UTC(2026, 0, 12, 9, 0, 0);
  const values = rows.map((r, i) => {
    const suggested = suggestedConcepts(tagText(index, `${r.title}.\n${r.description}`, r.language));
    const createdAt = new Date(start + i * 86_400_000);
    return {
      ...r,
      createdBy: null,
      conceptIds: suggested,
      suggestedConceptIds: suggested,
      createdAt,
      updatedAt: createdAt,
    };
  });
  await tx.insert(challenges).values(values);
  await tx.insert(challengeHistory).values(
    values.map((v) => ({
      id: `${v.id}-created`,
      challengeId: v.id,
      at: v.createdAt,
      actorUserId: null,
      event: 'created',
      details: { status: v.status, source: 'demo' },
    })),
  );
  return values.length;
}
