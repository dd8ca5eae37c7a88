import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { ESCO_SCHEME_RECORDS } from '../../domain/taxonomy/esco/esco-merge.ts';
import { diffConceptRecords } from '../../domain/taxonomy/schemes/concept-record.ts';
import {
  planSchemeLoad,
  type SchemeFile,
  SchemeFileSchema,
} from '../../domain/taxonomy/schemes/scheme-file.ts';
import type { Db } from '../create-db.ts';
import { recordAudit } from '../queries/audit.ts';
import {
  type ConceptChanges,
  deletedConceptIds,
  existingConceptIds,
  insertRelations,
  linkJobRolesToEsco,
  loadConceptRecords,
  upsertConceptScheme,
  writeConceptChanges,
} from '../queries/concepts.ts';
import { meta } from '../schema/index.ts';
import { DATA_DIR } from './demo-files.ts';

/** Concept schemes shipped as data: education levels, regions, funding instruments, job roles. */
export const SCHEMES_DIR = path.join(DATA_DIR, 'taxonomy/schemes');

/** The meta key holding the fingerprint of the scheme files last loaded. */
const LOADED_KEY = 'concept_schemes_loaded';

function readSchemeTexts(dir = SCHEMES_DIR): { file: string; text: string }[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ file: path.join(dir, name), text: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

function parseSchemeFile({ file, text }: { file: string; text: string }): SchemeFile {
  const parsed = SchemeFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file} is not a valid concept scheme: ${parsed.error.message}`);
  return parsed.data;
}

export function readSchemeFiles(dir = SCHEMES_DIR): SchemeFile[] {
  return readSchemeTexts(dir).map(parseSchemeFile);
}

export type SchemeLoadResult = { schemes: number; created: number; updated: number; relations: number };

/**
 * Loads the shipped concept schemes. Idempotent: a second run changes nothing.
 * - Normally (every start) only what is missing is added, so admins' edits stay and a
 *   concept an admin deleted does not come back.
 * - With `reset` (`kenno demo --reset`) the shipped values replace edited ones.
 * Concepts of other schemes that relations point to (the value chain) must be loaded first.
 * The ESCO schemes get their rows here; their concepts come from an import.
 */
export async function loadConceptSchemes(db: Db, options: { reset: boolean }): Promise<SchemeLoadResult> {
  const texts = readSchemeTexts();
  const fingerprint = createHash('sha256')
    .update(texts.map((t) => t.text).join('\n'))
    .digest('hex');
  return db.transaction(async (tx) => {
    const result: SchemeLoadResult = { schemes: texts.length, created: 0, updated: 0, relations: 0 };
    // A start with the same files as last time has nothing to add: one read instead of many.
    if (!options.reset) {
      const [loaded] = await tx.select().from(meta).where(eq(meta.key, LOADED_KEY));
      if (loaded?.value === fingerprint) return result;
    }
    const plans = texts.map(parseSchemeFile).map(planSchemeLoad);
    for (const scheme of ESCO_SCHEME_RECORDS) await upsertConceptScheme(tx, scheme, options.reset);
    for (const plan of plans) {
      await upsertConceptScheme(tx, plan.scheme, options.reset);
      const ids = plan.concepts.map((c) => c.id);
      const existing = await loadConceptRecords(tx, ids);
      const deleted = options.reset ? new Set<string>() : await deletedConceptIds(tx, ids);
      const changes: ConceptChanges = { created: [], updated: [] };
      for (const record of plan.concepts) {
        const before = existing.get(record.id);
        if (!before) {
          if (!deleted.has(record.id)) changes.created.push(record);
        } else if (options.reset && diffConceptRecords(before, record)) {
          changes.updated.push({ before, after: record });
        }
      }
      await writeConceptChanges(tx, changes, { kind: 'system' });
      result.created += changes.created.length;
      result.updated += changes.updated.length;

      const present = await existingConceptIds(tx, [
        ...new Set(plan.relations.flatMap((r) => [r.fromId, r.toId])),
      ]);
      const missing = plan.externalTargets.filter((id) => !present.has(id));
      if (missing.length && options.reset)
        throw new Error(
          `Scheme ${plan.scheme.id} relates to concepts that are not loaded: ${missing.join(', ')}`,
        );
      result.relations += await insertRelations(
        tx,
        plan.relations.filter((r) => present.has(r.fromId) && present.has(r.toId)),
      );
    }
    result.relations += await linkJobRolesToEsco(tx);
    await tx
      .insert(meta)
      .values({ key: LOADED_KEY, value: fingerprint })
      .onConflictDoUpdate({ target: meta.key, set: { value: sql`excluded.value`, updatedAt: new Date() } });
    if (result.created || result.updated || result.relations) {
      await recordAudit(tx, {
        actor: { kind: 'system' },
        action: options.reset ? 'reset' : 'load',
        entity: 'concept_schemes',
        changes: { ...result },
      });
    }
    return result;
  });
}
