import { randomUUID } from 'node:crypto';
import { and, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/create-db.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { importMappings, type ImportStatus, imports } from '../../db/schema/index.ts';
import type { Actor } from '../../domain/auth/roles.ts';
import type { ColumnMapping } from '../../domain/imports/column-mapping.ts';
import type { ImportReport } from '../../domain/imports/import-report.ts';
import type { ImportFileType } from './parse-file.ts';
import { rowsOf } from '../../db/rows.ts';

/**
 * The `imports` row is both the uploaded file and its durable job (decision 007). These are
 * the plain functions that read and move it: create, queue, claim, heartbeat, progress, finish.
 */

export type ImportOptions = {
  preview: { headers: string[]; rows: string[][] };
  totalRows: number;
  headerSignature: string;
  delimiter: string | null;
  /** How the person who uploaded was signed in, for the audit rows the job writes. */
  via: 'session' | 'token' | 'cli';
  /** The kind's upload parameters (ImportKindDefinition.params), e.g. a survey round. */
  params?: Record<string, string>;
};

const { fileData: _fileData, ...withoutFile } = getTableColumns(imports);

export type ImportRow = Omit<typeof imports.$inferSelect, 'fileData' | 'options' | 'report'> & {
  options: ImportOptions;
  report: ImportReport | null;
};
export type ImportRowWithFile = ImportRow & { fileData: Buffer };

export async function createImport(
  db: Db,
  actor: Actor & { kind: 'user' },
  input: {
    kind: string;
    fileName: string;
    fileType: ImportFileType;
    fileData: Buffer;
    fileSha256: string;
    options: ImportOptions;
    mapping: ColumnMapping | null;
  },
): Promise<string> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(imports).values({
      id,
      kind: input.kind,
      status: input.mapping ? 'queued' : 'uploaded',
      fileName: input.fileName,
      fileType: input.fileType,
      fileData: input.fileData,
      fileSize: input.fileData.length,
      fileSha256: input.fileSha256,
      mapping: input.mapping,
      options: input.options,
      progressTotal: input.options.totalRows,
      createdBy: actor.userId,
    });
    await recordAudit(tx, {
      actor,
      action: 'create',
      entity: 'import',
      entityId: id,
      changes: {
        kind: input.kind,
        fileName: input.fileName,
        fileSize: input.fileData.length,
        fileSha256: input.fileSha256,
        ...(input.mapping ? { mapping: input.mapping } : {}),
      },
    });
  });
  return id;
}

/** Without the file itself: what the status page polls. */
export async function findImport(db: Db, id: string): Promise<ImportRow | null> {
  const [row] = await db.select(withoutFile).from(imports).where(eq(imports.id, id)).limit(1);
  return (row as ImportRow | undefined) ?? null;
}

export async function loadImportWithFile(db: Db, id: string): Promise<ImportRowWithFile | null> {
  const [row] = await db.select().from(imports).where(eq(imports.id, id)).limit(1);
  return (row as ImportRowWithFile | undefined) ?? null;
}

export async function listImports(
  db: Db,
  filter: { createdBy?: string; limit: number },
): Promise<ImportRow[]> {
  const rows = await db
    .select(withoutFile)
    .from(imports)
    .where(filter.createdBy ? eq(imports.createdBy, filter.createdBy) : undefined)
    .orderBy(desc(imports.createdAt), desc(imports.id))
    .limit(filter.limit);
  return rows as ImportRow[];
}

/** Hands an uploaded (or failed) import to the runners with its mapping. False when it is
 * already queued, running or done. */
export async function queueImport(
  db: Db,
  actor: Actor,
  id: string,
  mapping: ColumnMapping,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const queued = await tx
      .update(imports)
      .set({
        status: 'queued',
        mapping,
        report: null,
        progressDone: 0,
        attempts: 0,
        claimedBy: null,
        heartbeatAt: null,
        startedAt: null,
        finishedAt: null,
      })
      .where(
        and(eq(imports.id, id), inArray(imports.status, ['uploaded', 'failed'] satisfies ImportStatus[])),
      )
      .returning({ id: imports.id });
    if (queued.length === 0) return false;
    await recordAudit(tx, { actor, action: 'queue', entity: 'import', entityId: id, changes: { mapping } });
    return true;
  });
}

export async function findSavedMapping(db: Db, kind: string, headerSignature: string) {
  const [row] = await db
    .select()
    .from(importMappings)
    .where(and(eq(importMappings.kind, kind), eq(importMappings.headerSignature, headerSignature)))
    .limit(1);
  return row ?? null;
}

/** One saved mapping per kind and header row: saving again under any name replaces it. */
export async function saveImportMapping(
  db: Db,
  actor: Actor & { kind: 'user' },
  input: { kind: string; name: string; headerSignature: string; mapping: ColumnMapping },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(importMappings)
      .values({ id: randomUUID(), ...input, createdBy: actor.userId })
      .onConflictDoUpdate({
        target: [importMappings.kind, importMappings.headerSignature],
        set: { name: input.name, mapping: input.mapping, createdBy: actor.userId, createdAt: new Date() },
      })
      .returning({ id: importMappings.id });
    await recordAudit(tx, {
      actor,
      action: 'save',
      entity: 'import_mapping',
      entityId: row!.id,
      changes: { kind: input.kind, name: input.name, mapping: input.mapping },
    });
  });
}

// ── The job side ────────────────────────────────────────────────────────────────────────

/**
 * Claims the oldest queued import, or a running one whose runner stopped sending heartbeats.
 * `FOR UPDATE SKIP LOCKED` lets every server run this at once: each gets a different row or
 * none, on PostgreSQL and on PGlite alike.
 */
export async function claimNextImport(
  db: Db,
  workerId: string,
  limits: { staleAfterMs: number; maxAttempts: number },
): Promise<string | null> {
  const stale = limits.staleAfterMs / 1000;
  const result = await db.execute(sql`
    update imports
    set status = 'running', claimed_by = ${workerId}, heartbeat_at = now(),
        started_at = coalesce(started_at, now()), attempts = attempts + 1
    where id = (
      select id from imports
      where attempts < ${limits.maxAttempts}
        and (status = 'queued'
             or (status = 'running' and heartbeat_at < now() - make_interval(secs => ${stale})))
      order by created_at, id
      limit 1
      for update skip locked
    )
    returning id`);
  return rowsOf<{ id: string }>(result)[0]?.id ?? null;
}

/** Imports given up after `maxAttempts` runs that never finished (a runner killed each time). */
export async function failExhaustedImports(
  db: Db,
  limits: { staleAfterMs: number; maxAttempts: number },
): Promise<string[]> {
  const stale = limits.staleAfterMs / 1000;
  const report: ImportReport = {
    failure: {
      code: 'interrupted',
      message: `The import was interrupted ${limits.maxAttempts} times and was stopped; nothing was imported. Try again, or split the file.`,
    },
  };
  const result = await db.execute(sql`
    update imports
    set status = 'failed', finished_at = now(), report = ${JSON.stringify(report)}::jsonb
    where id in (
      select id from imports
      where attempts >= ${limits.maxAttempts}
        and (status = 'queued'
             or (status = 'running' and heartbeat_at < now() - make_interval(secs => ${stale})))
      for update skip locked
    )
    returning id`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/**
 * On the embedded database only one process can have the data folder open (the data-folder
 * lock), so any import still "running" at start belonged to a process that died: it may be
 * taken over at once instead of after the heartbeat timeout.
 */
export async function expireRunningImports(db: Db): Promise<number> {
  const rows = await db
    .update(imports)
    .set({ heartbeatAt: new Date(0) })
    .where(eq(imports.status, 'running'))
    .returning({ id: imports.id });
  return rows.length;
}

const claimedBy = (id: string, workerId: string) =>
  and(eq(imports.id, id), eq(imports.claimedBy, workerId), eq(imports.status, 'running'));

/** False when the import is no longer this runner's (reclaimed elsewhere after a stall). */
export async function touchImportHeartbeat(db: Db, id: string, workerId: string): Promise<boolean> {
  const rows = await db
    .update(imports)
    .set({ heartbeatAt: sql`now()` })
    .where(claimedBy(id, workerId))
    .returning({ id: imports.id });
  return rows.length > 0;
}

export async function recordImportProgress(
  db: Db,
  id: string,
  workerId: string,
  progress: { done: number; total: number; phase: 'validating' | 'saving' },
): Promise<boolean> {
  const rows = await db
    .update(imports)
    .set({
      progressDone: progress.done,
      progressTotal: progress.total,
      heartbeatAt: sql`now()`,
      report: { phase: progress.phase },
    })
    .where(claimedBy(id, workerId))
    .returning({ id: imports.id });
  return rows.length > 0;
}

/** Gives a claimed import back to the queue (the server is shutting down), without using up an attempt. */
export async function releaseImport(db: Db, id: string, workerId: string): Promise<void> {
  await db
    .update(imports)
    .set({
      status: 'queued',
      claimedBy: null,
      heartbeatAt: null,
      attempts: sql`greatest(${imports.attempts} - 1, 0)`,
      report: null,
      progressDone: 0,
    })
    .where(claimedBy(id, workerId));
}

export async function failImport(
  db: Db,
  id: string,
  workerId: string,
  report: ImportReport,
): Promise<boolean> {
  const rows = await db
    .update(imports)
    .set({ status: 'failed', report, finishedAt: sql`now()`, heartbeatAt: sql`now()` })
    .where(claimedBy(id, workerId))
    .returning({ id: imports.id });
  return rows.length > 0;
}

/** Marks the import done inside the transaction that wrote its rows: both land, or neither. */
export async function finishImport(
  tx: Db,
  id: string,
  workerId: string,
  report: ImportReport,
  total: number,
): Promise<boolean> {
  const rows = await tx
    .update(imports)
    .set({
      status: 'done',
      report,
      progressDone: total,
      progressTotal: total,
      finishedAt: sql`now()`,
      heartbeatAt: sql`now()`,
    })
    .where(claimedBy(id, workerId))
    .returning({ id: imports.id });
  return rows.length > 0;
}
