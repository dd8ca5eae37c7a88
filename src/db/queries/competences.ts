import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../domain/auth/roles.ts';
import type { Localized } from '../../domain/i18n/localized.ts';
import type { CompetenceInput } from '../../domain/registry/profile-details.ts';
import type { CompetenceStrength } from '../../domain/registry/organisation.ts';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../create-db.ts';
import { VALUE_CHAIN_SCHEME } from '../demo/load-demo.ts';
import {
  competenceSuggestionDecisions,
  concepts,
  organisationCompetences,
  organisations,
} from '../schema/index.ts';
import { diffFields, recordAudit } from './audit.ts';

export type CompetenceSource = 'manual' | 'suggestion' | 'import' | 'reference';

/** Competences are described with the value-chain taxonomy (other schemes come later). */
export async function findValueChainConcept(
  db: Db,
  id: string,
): Promise<{ id: string; parentId: string | null; labels: Localized } | null> {
  const [row] = await db
    .select({ id: concepts.id, parentId: concepts.parentId, labels: concepts.labels })
    .from(concepts)
    .where(and(eq(concepts.id, id), eq(concepts.scheme, VALUE_CHAIN_SCHEME)))
    .limit(1);
  return row ?? null;
}

/** The ids among `ids` that are value-chain concepts. */
export async function valueChainConceptIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: concepts.id })
    .from(concepts)
    .where(
      and(eq(concepts.scheme, VALUE_CHAIN_SCHEME), sql`${concepts.id} = any(${sql.param(ids)}::text[])`),
    );
  return new Set(rows.map((r) => r.id));
}

/** concept id → parent id of the value chain, to relate suggestions to existing competences. */
export async function loadValueChainParents(db: Db): Promise<Map<string, string | null>> {
  const rows = await db
    .select({ id: concepts.id, parentId: concepts.parentId })
    .from(concepts)
    .where(eq(concepts.scheme, VALUE_CHAIN_SCHEME));
  return new Map(rows.map((r) => [r.id, r.parentId]));
}

export async function listCompetenceIds(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .select({ id: organisationCompetences.conceptId })
    .from(organisationCompetences)
    .where(eq(organisationCompetences.organisationId, organisationId))
    .orderBy(asc(organisationCompetences.conceptId));
  return rows.map((r) => r.id);
}

// A competence is part of the profile: its change is the profile's change too.
async function touchOrganisation(db: Db, organisationId: string): Promise<void> {
  await db.update(organisations).set({ updatedAt: new Date() }).where(eq(organisations.id, organisationId));
}

/** Adds or changes one competence; one audit row. */
export async function setCompetence(
  db: Db,
  actor: Actor,
  organisationId: string,
  conceptId: string,
  input: CompetenceInput,
  source: CompetenceSource = 'manual',
) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(organisationCompetences)
      .where(
        and(
          eq(organisationCompetences.organisationId, organisationId),
          eq(organisationCompetences.conceptId, conceptId),
        ),
      )
      .for('update');
    const entityId = `${organisationId}/${conceptId}`;
    if (!before) {
      const values = {
        organisationId,
        conceptId,
        strength: input.strength,
        evidence: input.evidence ?? null,
        source,
      };
      const [row] = await tx.insert(organisationCompetences).values(values).returning();
      await touchOrganisation(tx, organisationId);
      await recordAudit(tx, {
        actor,
        action: 'create',
        entity: 'organisation_competence',
        entityId,
        changes: values,
      });
      return { row: row!, created: true };
    }
    const next = {
      strength: input.strength,
      evidence: input.evidence === undefined ? undefined : input.evidence,
    };
    const changes = diffFields(before as unknown as Record<string, unknown>, next as Record<string, unknown>);
    if (Object.keys(changes).length === 0) return { row: before, created: false };
    const [row] = await tx
      .update(organisationCompetences)
      .set({ ...next, updatedAt: new Date() })
      .where(
        and(
          eq(organisationCompetences.organisationId, organisationId),
          eq(organisationCompetences.conceptId, conceptId),
        ),
      )
      .returning();
    await touchOrganisation(tx, organisationId);
    await recordAudit(tx, { actor, action: 'update', entity: 'organisation_competence', entityId, changes });
    return { row: row!, created: false };
  });
}

/** Removes one competence; false when there was none (nothing written). */
export async function removeCompetence(
  db: Db,
  actor: Actor,
  organisationId: string,
  conceptId: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(organisationCompetences)
      .where(
        and(
          eq(organisationCompetences.organisationId, organisationId),
          eq(organisationCompetences.conceptId, conceptId),
        ),
      )
      .returning();
    if (!row) return false;
    await touchOrganisation(tx, organisationId);
    await recordAudit(tx, {
      actor,
      action: 'delete',
      entity: 'organisation_competence',
      entityId: `${organisationId}/${conceptId}`,
      changes: { strength: row.strength, evidence: row.evidence, source: row.source },
    });
    return true;
  });
}

export async function listRejectedSuggestions(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .select({ id: competenceSuggestionDecisions.conceptId })
    .from(competenceSuggestionDecisions)
    .where(
      and(
        eq(competenceSuggestionDecisions.organisationId, organisationId),
        eq(competenceSuggestionDecisions.decision, 'rejected'),
      ),
    );
  return rows.map((r) => r.id);
}

/** Adds a suggested competence as the organisation's own (source 'suggestion'). */
export async function acceptSuggestion(
  db: Db,
  actor: Actor,
  organisationId: string,
  conceptId: string,
  strength: CompetenceStrength,
  evidence: string,
) {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(organisationCompetences)
      .values({ organisationId, conceptId, strength, evidence, source: 'suggestion' })
      .onConflictDoNothing()
      .returning();
    const row = inserted[0];
    if (!row) throw new AppError('conflict', 'The organisation already has this competence');
    await touchOrganisation(tx, organisationId);
    await recordAudit(tx, {
      actor,
      action: 'accept_suggestion',
      entity: 'organisation_competence',
      entityId: `${organisationId}/${conceptId}`,
      changes: { strength, evidence, source: 'suggestion' },
    });
    return row;
  });
}

/** Records that a suggestion is wrong for this organisation, so it is not suggested again. */
export async function rejectSuggestion(
  db: Db,
  actor: Actor,
  organisationId: string,
  conceptId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const decidedBy = actor.kind === 'user' ? actor.userId : null;
    await tx
      .insert(competenceSuggestionDecisions)
      .values({ organisationId, conceptId, decision: 'rejected', decidedBy })
      .onConflictDoUpdate({
        target: [competenceSuggestionDecisions.organisationId, competenceSuggestionDecisions.conceptId],
        set: { decision: 'rejected', decidedBy, decidedAt: new Date() },
      });
    await recordAudit(tx, {
      actor,
      action: 'reject_suggestion',
      entity: 'organisation_competence',
      entityId: `${organisationId}/${conceptId}`,
      changes: { decision: 'rejected' },
    });
  });
}
