import { createHash } from 'node:crypto';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor, UserActor } from '../../domain/auth/roles.ts';
import { organisationVisibility } from '../../domain/auth/permissions.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import {
  adaptSavedMapping,
  type ColumnMapping,
  checkColumnMapping,
  detectMissingHeaderRow,
  headerSignature,
  suggestColumnMapping,
} from '../../domain/imports/column-mapping.ts';
import type { FileProblem } from '../../domain/imports/file-problems.ts';
import { canImport, canImportKind, canReadImport } from '../../domain/imports/import-permissions.ts';
import { notifyImportQueued } from '../../jobs/imports/import-queue-signal.ts';
import {
  createImport,
  findImport,
  findSavedMapping,
  type ImportRow,
  listImports,
  queueImport,
  saveImportMapping,
} from '../../jobs/imports/import-store.ts';
import type { AnyImportJobKind } from '../../jobs/imports/import-job-kind.ts';
import { detectFileType, openImportFile } from '../../jobs/imports/parse-file.ts';
import { findImportKind, IMPORT_KINDS, largestImportBytes } from '../../jobs/imports/registry.ts';
import type { AppContext } from '../context.ts';
import { IdParamsSchema } from '../common-schemas.ts';
import { loadOrganisationsForExport, organisationsCsv, organisationsXlsx } from './organisation-export.ts';
import { presentImport, presentImportKind, presentImportListItem } from './presenters.ts';
import {
  ColumnMappingSchema,
  CommitBodySchema,
  ExportQuerySchema,
  ImportKindSchema,
  ImportListItemSchema,
  ImportSchema,
} from './schema.ts';

/** Rows shown in the preview of the mapping step. */
export const PREVIEW_ROWS = 20;
const LIST_LIMIT = 50;
const MB = 1024 * 1024;

/**
 * Imports: upload a CSV/XLSX file (multipart), map its columns, queue it for the runners, follow
 * its progress and read its report; and the organisation export. Who may import is decided by
 * src/domain/imports/import-permissions.ts.
 */
export async function importRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx.database;

  function requireImporter(actor: Actor): UserActor {
    if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first');
    if (!canImport(actor)) throw new AppError('forbidden', 'Only admins and coordinators may import');
    return actor;
  }

  function kindFor(actor: UserActor, kind: string): AnyImportJobKind {
    const found = findImportKind(kind);
    if (!found) {
      throw new AppError('validation_failed', `Unknown import kind "${kind}"`, [
        { path: ['kind'], message: `One of: ${IMPORT_KINDS.map((k) => k.definition.kind).join(', ')}` },
      ]);
    }
    if (!canImportKind(actor, found.definition))
      throw new AppError('forbidden', `Your role may not import ${kind}`);
    return found;
  }

  async function loadReadable(actor: UserActor, id: string): Promise<ImportRow> {
    const row = await findImport(db, id);
    if (!row || !canReadImport(actor, row)) throw notFound('Import');
    return row;
  }

  async function present(row: ImportRow) {
    const kind = findImportKind(row.kind);
    const saved = await findSavedMapping(db, row.kind, row.options.headerSignature);
    const headers = row.options.preview.headers;
    const fromSaved = saved ? adaptSavedMapping(saved.mapping, headers) : null;
    return presentImport(row, {
      definition: kind?.definition ?? null,
      suggestedMapping: fromSaved ?? suggestColumnMapping(kind?.definition.fields ?? [], headers),
      savedMappingName: fromSaved ? saved!.name : null,
    });
  }

  function mappingError(kind: AnyImportJobKind, headers: string[], mapping: ColumnMapping): AppError | null {
    const problems = checkColumnMapping(kind.definition.fields, headers, mapping);
    if (problems.length === 0) return null;
    const missing = problems.filter((p) => p.code === 'required').map((p) => p.field);
    const message = missing.length
      ? `Map the required fields: ${missing.join(', ')}`
      : 'The column mapping names fields or columns that do not exist';
    return new AppError(
      'validation_failed',
      message,
      problems.map((p) => ({ path: ['mapping', p.field], message: p.message, code: p.code })),
    );
  }

  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/import-kinds', {
    schema: {
      tags: ['imports'],
      summary: 'The kinds of import the caller may run, with their fields',
      response: { 200: z.array(ImportKindSchema) },
    },
    handler: async (request) => {
      const actor = requireImporter(request.actor);
      return IMPORT_KINDS.filter((k) => canImportKind(actor, k.definition)).map((k) =>
        presentImportKind(k.definition),
      );
    },
  });

  // Multipart only here: every other route keeps taking JSON.
  await app.register(async (upload) => {
    await upload.register(fastifyMultipart, {
      limits: { fileSize: largestImportBytes() + 1, files: 1, fields: 10, fieldSize: MB, parts: 12 },
    });
    upload.withTypeProvider<ZodTypeProvider>().post('/api/imports', {
      schema: {
        tags: ['imports'],
        summary: 'Upload a CSV or XLSX file to import',
        description:
          'multipart/form-data with `file`, `kind` (e.g. organisations), optionally `mapping` (JSON: field → column) and, for kinds that declare them, `params` (JSON, e.g. {"roundId": …} for survey-responses). ' +
          'With a mapping the import is queued at once; without, it waits in status `uploaded` for POST /api/imports/{id}/commit.',
        consumes: ['multipart/form-data'],
        response: { 201: z.object({ id: z.string() }) },
      },
      // Refuse before reading a byte of a large body.
      onRequest: async (request) => {
        requireImporter(request.actor);
      },
      handler: async (request, reply) => {
        const actor = requireImporter(request.actor);
        const form = await readUploadForm(request);
        const kind = kindFor(actor, form.kind ?? '');
        if (!form.file) {
          throw new AppError('validation_failed', 'Attach the file in the field "file"', [
            { path: ['file'], message: 'required' },
          ]);
        }
        const { definition } = kind;
        const bytes = form.file.data;
        if (bytes.length > definition.maxBytes) throw tooLarge(definition.maxBytes);
        const type = detectFileType(bytes);
        if (!type.ok) throw fileRejected(type.problem);
        // Read through once, batch by batch: the header, the first rows to show, and the count.
        const opened = await openImportFile(bytes, type.type, {
          ...(definition.delimiter ? { delimiter: definition.delimiter } : {}),
        });
        if (!opened.ok) throw fileRejected(opened.problem);
        const { headers } = opened.file;
        const previewRows: string[][] = [];
        const read = await opened.file.read(({ rows }) => {
          for (const row of rows.slice(0, PREVIEW_ROWS - previewRows.length)) previewRows.push(row);
        });
        if (!read.ok) throw fileRejected(read.problem);
        const noHeader = detectMissingHeaderRow(definition.fields, headers);
        if (noHeader) throw fileRejected(noHeader);

        let mapping: ColumnMapping | null = null;
        if (form.mapping !== undefined && form.mapping.trim() !== '') {
          let json: unknown;
          try {
            json = JSON.parse(form.mapping);
          } catch {
            throw new AppError('validation_failed', 'The mapping is not valid JSON', [
              { path: ['mapping'], message: 'not JSON' },
            ]);
          }
          const checked = ColumnMappingSchema.safeParse(json);
          if (!checked.success) {
            throw new AppError('validation_failed', 'The mapping must be an object of field → column', [
              { path: ['mapping'], message: checked.error.issues[0]?.message ?? 'invalid' },
            ]);
          }
          const problem = mappingError(kind, headers, checked.data);
          if (problem) throw problem;
          mapping = checked.data;
        }

        const params = readImportParams(kind, form.params);
        await kind.checkParams?.(db, actor, params);

        const id = await createImport(db, actor, {
          kind: definition.kind,
          fileName: form.file.name.slice(0, 255) || 'upload',
          fileType: type.type,
          fileData: bytes,
          fileSha256: createHash('sha256').update(bytes).digest('hex'),
          mapping,
          options: {
            preview: { headers, rows: previewRows.map((row) => row.map((c) => c.trim())) },
            totalRows: read.rowCount,
            headerSignature: headerSignature(headers),
            delimiter: opened.file.delimiter,
            via: actor.via,
            ...(Object.keys(params).length ? { params } : {}),
          },
        });
        if (mapping) notifyImportQueued(db);
        return reply.status(201).send({ id });
      },
    });
  });

  r.get('/api/imports', {
    schema: {
      tags: ['imports'],
      summary: "The caller's recent imports (admins: everyone's)",
      response: { 200: z.object({ items: z.array(ImportListItemSchema) }) },
    },
    handler: async (request) => {
      const actor = requireImporter(request.actor);
      const rows = await listImports(db, {
        ...(actor.role === 'admin' ? {} : { createdBy: actor.userId }),
        limit: LIST_LIMIT,
      });
      return { items: rows.map(presentImportListItem) };
    },
  });

  r.get('/api/imports/:id', {
    schema: {
      tags: ['imports'],
      summary: 'An import: status, progress, preview, suggested mapping, and its report',
      params: IdParamsSchema,
      response: { 200: ImportSchema },
    },
    handler: async (request) => {
      const actor = requireImporter(request.actor);
      return present(await loadReadable(actor, request.params.id));
    },
  });

  r.post('/api/imports/:id/commit', {
    schema: {
      tags: ['imports'],
      summary:
        'Map the columns and queue the import; optionally save the mapping for files with the same columns',
      params: IdParamsSchema,
      body: CommitBodySchema,
      response: { 202: ImportSchema },
    },
    handler: async (request, reply) => {
      const actor = requireImporter(request.actor);
      const row = await loadReadable(actor, request.params.id);
      const kind = kindFor(actor, row.kind);
      if (row.status !== 'uploaded' && row.status !== 'failed') {
        throw new AppError('conflict', `The import is already ${row.status}`);
      }
      const { mapping, saveMappingAs } = request.body;
      const problem = mappingError(kind, row.options.preview.headers, mapping);
      if (problem) throw problem;
      if (!(await queueImport(db, actor, row.id, mapping))) {
        throw new AppError('conflict', 'The import was queued by someone else at the same time');
      }
      if (saveMappingAs) {
        await saveImportMapping(db, actor, {
          kind: row.kind,
          name: saveMappingAs,
          headerSignature: row.options.headerSignature,
          mapping,
        });
      }
      notifyImportQueued(db);
      return reply.status(202).send(await present((await findImport(db, row.id))!));
    },
  });

  r.get('/api/organisations/export', {
    schema: {
      tags: ['registry'],
      summary: 'The organisations list as CSV (UTF-8 with BOM, semicolon-separated) or XLSX',
      description:
        'The same filters and visibility as GET /api/organisations. Cells that a spreadsheet would run as a formula start with an apostrophe.',
      querystring: ExportQuerySchema,
    },
    handler: async (request, reply) => {
      const { format, ...filter } = request.query;
      const rows = await loadOrganisationsForExport(db, filter, organisationVisibility(request.actor));
      const date = new Date().toISOString().slice(0, 10);
      const body = format === 'xlsx' ? await organisationsXlsx(rows) : organisationsCsv(rows);
      return reply
        .type(
          format === 'xlsx'
            ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
            : 'text/csv; charset=utf-8',
        )
        .header('content-disposition', `attachment; filename="kenno-organisations-${date}.${format}"`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  });
}

/**
 * The upload's `params` field (JSON: key → text): exactly the kind's declared parameters, the
 * required ones present (e.g. the survey round of a `survey-responses` import).
 */
function readImportParams(kind: AnyImportJobKind, raw: string | undefined): Record<string, string> {
  const declared = kind.definition.params ?? [];
  let json: unknown = {};
  if (raw !== undefined && raw.trim() !== '') {
    try {
      json = JSON.parse(raw);
    } catch {
      throw new AppError('validation_failed', 'The params are not valid JSON', [
        { path: ['params'], message: 'not JSON' },
      ]);
    }
  }
  const checked = z.record(z.string().max(100), z.string().trim().min(1).max(200)).safeParse(json);
  if (!checked.success)
    throw new AppError('validation_failed', 'The params must be an object of name → text', [
      { path: ['params'], message: checked.error.issues[0]?.message ?? 'invalid' },
    ]);
  const known = new Set(declared.map((p) => p.key));
  const problems = [
    ...Object.keys(checked.data)
      .filter((key) => !known.has(key))
      .map((key) => ({ path: ['params', key], message: 'not a parameter of this import' })),
    ...declared
      .filter((p) => p.required && !checked.data[p.key])
      .map((p) => ({ path: ['params', p.key], message: `required: ${p.label.en}` })),
  ];
  if (problems.length)
    throw new AppError('validation_failed', 'The import parameters are not right', problems);
  return checked.data;
}

function tooLarge(maxBytes: number): AppError {
  const mb = Math.round(maxBytes / MB);
  return new AppError('payload_too_large', `The file is larger than ${mb} MB, the limit of this import`, {
    fileError: { code: 'too_large', message: `The file is larger than ${mb} MB`, params: { maxMb: mb } },
  });
}

function fileRejected(problem: FileProblem): AppError {
  const code =
    problem.code === 'unsupported_type' || problem.code === 'old_xls'
      ? 'unsupported_media_type'
      : 'validation_failed';
  return new AppError(code, problem.message, { fileError: problem });
}

type UploadForm = { kind?: string; mapping?: string; params?: string; file?: { name: string; data: Buffer } };

/**
 * Reads the multipart form, whatever the order of its parts. When `kind` comes before the file
 * (as the web app sends it), the kind's own size limit applies while the file streams in, so a
 * too-large file is refused without being read to its end.
 */
async function readUploadForm(request: FastifyRequest): Promise<UploadForm> {
  if (!request.isMultipart()) {
    throw new AppError(
      'unsupported_media_type',
      'Send the file as multipart/form-data (fields: file, kind, mapping)',
    );
  }
  const form: UploadForm = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || form.file) {
          await part.toBuffer();
          continue;
        }
        const limit = findImportKind(form.kind ?? '')?.definition.maxBytes ?? largestImportBytes();
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of part.file) {
          size += chunk.length;
          if (size > limit) throw tooLarge(limit);
          chunks.push(chunk);
        }
        if (part.file.truncated) throw tooLarge(largestImportBytes());
        form.file = { name: part.filename, data: Buffer.concat(chunks) };
      } else if (part.fieldname === 'kind' || part.fieldname === 'mapping' || part.fieldname === 'params') {
        form[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(largestImportBytes());
    throw error;
  }
  return form;
}
