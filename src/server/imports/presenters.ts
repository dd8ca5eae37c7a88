import type { ColumnMapping } from '../../domain/imports/column-mapping.ts';
import { missingRequiredFields } from '../../domain/imports/column-mapping.ts';
import type { ImportKindDefinition } from '../../domain/imports/import-kind.ts';
import type { ImportRow } from '../../jobs/imports/import-store.ts';
import type { ImportView } from './schema.ts';

export function presentImportKind(definition: ImportKindDefinition<unknown, unknown>) {
  return {
    kind: definition.kind,
    title: definition.title,
    fields: presentFields(definition),
    maxBytes: definition.maxBytes,
    params: definition.params ?? [],
  };
}

function presentFields(definition: ImportKindDefinition<unknown, unknown> | null) {
  return (definition?.fields ?? []).map((f) => ({
    key: f.key,
    label: f.label,
    required: f.required,
    ...(f.hint ? { hint: f.hint } : {}),
  }));
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function presentImportListItem(row: ImportRow) {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    fileName: row.fileName,
    createdAt: row.createdAt.toISOString(),
    finishedAt: iso(row.finishedAt),
    progress: { done: row.progressDone, total: row.progressTotal },
    rows: row.options.totalRows ?? row.progressTotal,
    summary: row.status === 'done' ? (row.report?.summary ?? null) : null,
    errorCount: row.report?.errorCount ?? 0,
    createdBy: row.createdBy,
  };
}

export function presentImport(
  row: ImportRow,
  extra: {
    definition: ImportKindDefinition<unknown, unknown> | null;
    suggestedMapping: ColumnMapping;
    savedMappingName: string | null;
  },
): ImportView {
  const report = row.report ?? {};
  const running = row.status === 'running' || row.status === 'queued';
  const fields = extra.definition?.fields ?? [];
  return {
    ...presentImportListItem(row),
    fileType: row.fileType,
    fileSize: row.fileSize,
    startedAt: iso(row.startedAt),
    phase: running ? (report.phase ?? null) : null,
    attempts: row.attempts,
    errors: report.errors ?? [],
    moreErrors: report.moreErrors ?? 0,
    fileError: report.fileError ?? null,
    failure: row.status === 'failed' ? (report.failure ?? null) : null,
    preview: row.options.preview,
    mapping: row.mapping,
    suggestedMapping: extra.suggestedMapping,
    savedMappingName: extra.savedMappingName,
    missingRequired: missingRequiredFields(fields, row.mapping ?? extra.suggestedMapping),
    fields: presentFields(extra.definition),
    params: row.options.params ?? {},
    canCommit: row.status === 'uploaded' || row.status === 'failed',
  };
}
