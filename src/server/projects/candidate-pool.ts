import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/create-db.ts';
import type { Actor } from '../../domain/auth/roles.ts';
import { AppError } from '../../domain/errors.ts';
import type { PartnerCandidate } from '../../domain/projects/partner-candidate.ts';
import { getPartnerIndex, handleFor, type PartnerIndexHandle } from '../partners/partner-read-model.ts';

export type PoolInput = {
  stageIds: string[];
  query?: { challengeId?: string; text?: string; topic?: string };
  actor: Actor;
  perStage: number;
};

/** The partner-search index of this app (owned by the partners module), else one for this database. */
function indexFor(app: FastifyInstance, db: Db): PartnerIndexHandle {
  return app.partnerDb ? getPartnerIndex(app) : handleFor(db);
}

/**
 * The candidates the consortium builder chooses among: the partner-search index's best
 * `perStage` per needed stage (registry and CORDIS organisations, relevance 0–1 from text,
 * concepts and track record; private registry organisations only for those who may read them).
 */
export async function candidatePool(
  app: FastifyInstance,
  db: Db,
  input: PoolInput,
): Promise<PartnerCandidate[]> {
  return indexFor(app, db).candidatesForStages(input);
}

/** The candidates the index knows by these keys and the actor may read (unknown keys left out). */
export async function knownCandidates(
  app: FastifyInstance,
  db: Db,
  actor: Actor,
  keys: readonly string[],
): Promise<Map<string, PartnerCandidate>> {
  const index = indexFor(app, db);
  const byKey = new Map<string, PartnerCandidate>();
  for (const key of new Set(keys)) {
    const found = await index.candidate(key, actor);
    if (found) byKey.set(key, found);
  }
  return byKey;
}

/** Candidates by key; a key that does not exist or that the actor may not read is a validation error on `field`. */
export async function candidatesByKeys(
  app: FastifyInstance,
  db: Db,
  actor: Actor,
  keys: readonly string[],
  field: string,
): Promise<PartnerCandidate[]> {
  const byKey = await knownCandidates(app, db, actor, keys);
  const problems = keys.flatMap((k, i) =>
    byKey.has(k) ? [] : [{ path: [field, String(i)], message: 'No such partner candidate' }],
  );
  if (problems.length > 0) throw new AppError('validation_failed', 'No such partner candidate', problems);
  return keys.map((k) => byKey.get(k)!);
}
