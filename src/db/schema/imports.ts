import {
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export type ImportStatus = 'uploaded' | 'queued' | 'running' | 'done' | 'failed';

/**
 * One uploaded file and its processing. The row is also the job: any server claims a queued
 * import (FOR UPDATE SKIP LOCKED), reports progress and a heartbeat, and commits the whole
 * file in one transaction — so a killed server leaves no half import, and another picks it up.
 */
export const imports = pgTable(
  'imports',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    status: text('status').$type<ImportStatus>().notNull(),
    fileName: text('file_name').notNull(),
    fileType: text('file_type').$type<'csv' | 'xlsx'>().notNull(),
    fileData: bytea('file_data').notNull(),
    fileSize: integer('file_size').notNull(),
    fileSha256: text('file_sha256').notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>(),
    options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    report: jsonb('report').$type<Record<string, unknown>>(),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    claimedBy: text('claimed_by'),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
  },
  (t) => [index('imports_status_idx').on(t.status, t.createdAt)],
);

/** Column mappings people saved, found again by the file's header row. */
export const importMappings = pgTable(
  'import_mappings',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    headerSignature: text('header_signature').notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('import_mappings_kind_header_idx').on(t.kind, t.headerSignature)],
);
