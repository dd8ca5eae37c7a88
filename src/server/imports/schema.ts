import { z } from 'zod';
import { ORGANISATION_TYPES } from '../../domain/registry/organisation.ts';
import { LocalizedSchema } from '../common-schemas.ts';

export const ImportStatusSchema = z.enum(['uploaded', 'queued', 'running', 'done', 'failed']);

/** Target field → the file's column (header as written). */
export const ColumnMappingSchema = z.record(z.string().min(1).max(100), z.string().min(1).max(500));

export const RowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
  field: z.string().optional(),
  code: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const FileProblemSchema = z.object({
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const SummarySchema = z.record(z.string(), z.number());

export const ImportFieldSchema = z.object({
  key: z.string(),
  label: LocalizedSchema,
  required: z.boolean(),
  hint: LocalizedSchema.optional(),
});

export const ImportKindSchema = z.object({
  kind: z.string(),
  title: LocalizedSchema,
  fields: z.array(ImportFieldSchema),
  maxBytes: z.number().int(),
  params: z
    .array(ImportFieldSchema)
    .describe('Values the upload names in the multipart field `params` (JSON), e.g. roundId'),
});

const ProgressSchema = z.object({ done: z.number().int(), total: z.number().int() });

export const ImportListItemSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: ImportStatusSchema,
  fileName: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  progress: ProgressSchema,
  rows: z.number().int(),
  summary: SummarySchema.nullable(),
  errorCount: z.number().int(),
  createdBy: z.string().nullable(),
});

export const ImportSchema = ImportListItemSchema.extend({
  fileType: z.enum(['csv', 'xlsx']),
  fileSize: z.number().int(),
  startedAt: z.string().nullable(),
  phase: z.enum(['validating', 'saving']).nullable(),
  attempts: z.number().int(),
  errors: z.array(RowErrorSchema),
  moreErrors: z.number().int(),
  fileError: FileProblemSchema.nullable(),
  failure: z.object({ code: z.string(), message: z.string() }).nullable(),
  preview: z.object({ headers: z.array(z.string()), rows: z.array(z.array(z.string())) }),
  mapping: ColumnMappingSchema.nullable(),
  suggestedMapping: ColumnMappingSchema,
  savedMappingName: z.string().nullable(),
  missingRequired: z.array(z.string()),
  fields: z.array(ImportFieldSchema),
  params: z.record(z.string(), z.string()).describe('The upload’s parameters, e.g. the survey round'),
  canCommit: z.boolean(),
});
export type ImportView = z.infer<typeof ImportSchema>;

export const CommitBodySchema = z.object({
  mapping: ColumnMappingSchema,
  saveMappingAs: z.string().trim().min(1).max(100).optional(),
});

export const ExportQuerySchema = z.object({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  q: z.string().trim().max(200).optional(),
  region: z.string().max(64).optional(),
  type: z.enum(ORGANISATION_TYPES).optional(),
  concept: z.string().max(100).optional(),
});
export type ExportQuery = z.infer<typeof ExportQuerySchema>;
