import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { listRegionRows } from '../../db/queries/regions.ts';
import { conceptLabels, type RoundRow } from '../../db/queries/skills.ts';
import type { Actor } from '../../domain/auth/roles.ts';
import { notFound } from '../../domain/errors.ts';
import { writeSpreadsheetCsv } from '../../domain/imports/csv-writer.ts';
import { neutraliseSpreadsheetCell } from '../../domain/imports/spreadsheet-cells.ts';
import type { Language } from '../../domain/i18n/localized.ts';
import { createRoundCube } from '../../domain/skills/gap-cube.ts';
import type { GapDimension } from '../../domain/skills/gap-definitions.ts';
import { type GapFilter, type GapRow, gapCell, queryGapCells } from '../../domain/skills/gap-query.ts';
import { canReadRound, gapViewerFor } from '../../domain/skills/skills-permissions.ts';
import type { AppContext } from '../context.ts';
import { createResponseCache } from '../response-cache.ts';
import { GapExportQuerySchema, GapQuerySchema, GapRowSchema, TrendRowSchema } from './schema.ts';
import type { SkillsReadModel, SkillsState } from './skills-read-model.ts';

const ALL_DIMENSIONS = new Set<GapDimension>(['role', 'eqf', 'region', 'horizon']);

/** When a round counts in the analysis: opened (or created) — the order of trends. */
function roundDate(round: RoundRow): Date {
  return round.closesAt ?? round.opensAt ?? round.createdAt;
}

/**
 * Gap analysis from the in-memory cube: demand against supply by role × EQF level × region ×
 * horizon, any roll-up (gap-definitions.ts, gap-query.ts), the trend across rounds, and the
 * export — all with the same disclosure control (disclosure.ts): each figure is one cell of the
 * round's release, whichever view shows it.
 */
export async function gapRoutes(app: FastifyInstance, ctx: AppContext, readModel: SkillsReadModel) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cache = createResponseCache(500);

  /** The asked round, else the latest that is open or closed. */
  function pickRound(state: SkillsState, actor: Actor, id: string | undefined): RoundRow | null {
    if (id !== undefined) {
      const round = state.rounds.get(id);
      if (!round || !canReadRound(actor, round)) throw notFound('Survey round');
      return round;
    }
    const rounds = [...state.rounds.values()].filter((round) => round.status !== 'draft');
    rounds.sort((a, b) => roundDate(b).getTime() - roundDate(a).getTime() || (a.id < b.id ? -1 : 1));
    return rounds[0] ?? null;
  }

  function filterOf(q: {
    role?: string;
    region?: string;
    eqf?: number;
    horizon?: GapFilter['horizon'];
  }): GapFilter {
    return {
      ...(q.role !== undefined ? { roleId: q.role } : {}),
      ...(q.region !== undefined ? { regionId: q.region } : {}),
      ...(q.eqf !== undefined ? { eqf: q.eqf } : {}),
      ...(q.horizon !== undefined ? { horizon: q.horizon } : {}),
    };
  }

  async function gapRows(
    actor: Actor,
    q: z.infer<typeof GapQuerySchema>,
    known?: { state: SkillsState; round: RoundRow | null },
  ): Promise<{ round: RoundRow | null; rows: GapRow[] }> {
    const state = known?.state ?? (await readModel.current());
    const round = known ? known.round : pickRound(state, actor, q.round);
    const cube = (round && state.cubes.get(round.id)) || createRoundCube(state.dims);
    const release = round ? readModel.release(state, round.id) : readModel.release(state, '');
    const rows = queryGapCells(
      cube,
      release,
      state.supply,
      filterOf(q),
      q.groupBy ?? ALL_DIMENSIONS,
      gapViewerFor(actor),
    );
    return { round, rows };
  }

  r.get('/api/skills/gaps', {
    schema: {
      tags: ['skills'],
      summary:
        'Demand against supply by role × EQF level × region × horizon, any roll-up, disclosure-controlled',
      description:
        'Each row is one cell: dimensions in groupBy are listed, filtered ones fixed, the rest rolled up (null). ' +
        'A suppressed cell has demand, gap and employers null. Admins see every figure and a coordinator their ' +
        'own region’s (marked restricted: the public sees them suppressed).',
      querystring: GapQuerySchema,
      response: { 200: z.array(GapRowSchema) },
    },
    handler: async (request, reply) => {
      const q = request.query;
      const state = await readModel.current();
      const round = pickRound(state, request.actor, q.round);
      const viewer = gapViewerFor(request.actor);
      const key = JSON.stringify([
        state.version,
        round?.id ?? null,
        round ? state.cubes.get(round.id)?.revision : null,
        viewer,
        q.role,
        q.eqf,
        q.region,
        q.horizon,
        q.groupBy ? [...q.groupBy].sort() : null,
      ]);
      let json = cache.get(key);
      if (json === undefined) {
        // Rows are built from typed data only; serialised once, cached per version and viewer.
        json = JSON.stringify((await gapRows(request.actor, q, { state, round })).rows);
        cache.set(key, json);
      }
      return (reply as FastifyReply).type('application/json; charset=utf-8').send(json);
    },
  });

  r.get('/api/skills/gaps/trend', {
    schema: {
      tags: ['skills'],
      summary: 'One cell (filters, the rest rolled up) across survey rounds, oldest first',
      querystring: GapQuerySchema.pick({ role: true, region: true, eqf: true, horizon: true }),
      response: { 200: z.array(TrendRowSchema) },
    },
    handler: async (request) => {
      const state = await readModel.current();
      const viewer = gapViewerFor(request.actor);
      const filter = filterOf(request.query);
      const rounds = [...state.rounds.values()].filter((round) => round.status !== 'draft');
      rounds.sort((a, b) => roundDate(a).getTime() - roundDate(b).getTime() || (a.id < b.id ? -1 : 1));
      return rounds.map((round) => {
        const cube = state.cubes.get(round.id) ?? createRoundCube(state.dims);
        const cell = gapCell(cube, readModel.release(state, round.id), state.supply, filter, viewer);
        return {
          roundId: round.id,
          roundTitle: round.title,
          closesAt: round.closesAt ? round.closesAt.toISOString() : null,
          demand: cell ? cell.demand : 0,
          supply: cell?.supply ?? 0,
          gap: cell ? cell.gap : 0,
          employers: cell ? cell.employers : 0,
          suppressed: cell?.suppressed ?? false,
          restricted: cell?.restricted ?? false,
        };
      });
    },
  });

  r.get('/api/skills/gaps/export', {
    schema: {
      tags: ['skills'],
      summary: 'The gap view as CSV (UTF-8 with BOM, semicolon-separated) or XLSX, with the same suppression',
      querystring: GapExportQuerySchema,
    },
    handler: async (request, reply) => {
      const { format, lang, ...query } = request.query;
      const { round, rows } = await gapRows(request.actor, query);
      const table = await exportTable(rows, round, lang);
      const date = new Date().toISOString().slice(0, 10);
      const body = format === 'xlsx' ? await xlsx(table) : Buffer.from(writeSpreadsheetCsv(table), 'utf8');
      return reply
        .type(
          format === 'xlsx'
            ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
            : 'text/csv; charset=utf-8',
        )
        .header('content-disposition', `attachment; filename="kenno-skills-gaps-${date}.${format}"`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  });

  const HEADERS: Record<Language, string[]> = {
    fi: [
      'kysely',
      'rooli',
      'roolin nimi',
      'EQF',
      'alue',
      'alueen nimi',
      'aikajänne',
      'tarve',
      'tarjonta',
      'kuilu',
      'työnantajia',
      'salattu',
    ],
    sv: [
      'enkät',
      'roll',
      'rollens namn',
      'EQF',
      'region',
      'regionens namn',
      'tidshorisont',
      'behov',
      'utbud',
      'gap',
      'arbetsgivare',
      'skyddad',
    ],
    en: [
      'round',
      'role',
      'role name',
      'EQF',
      'region',
      'region name',
      'horizon',
      'demand',
      'supply',
      'gap',
      'employers',
      'suppressed',
    ],
  };
  const ALL: Record<Language, string> = { fi: 'kaikki', sv: 'alla', en: 'all' };
  const YES: Record<Language, string> = { fi: 'kyllä', sv: 'ja', en: 'yes' };

  async function exportTable(rows: GapRow[], round: RoundRow | null, lang: Language): Promise<string[][]> {
    const { db } = ctx.database;
    const roles = await conceptLabels(db, [
      ...new Set(rows.flatMap((row) => (row.roleId ? [row.roleId] : []))),
    ]);
    const regions = new Map((await listRegionRows(db)).map((g) => [g.id, g.name[lang] || g.name.fi]));
    const title = round ? round.title[lang] || round.title.fi || round.title.en : '';
    const num = (v: number | null) => (v === null ? '' : String(v));
    return [
      HEADERS[lang],
      ...rows.map((row) => [
        title,
        row.roleId ?? '',
        row.roleId ? (roles.get(row.roleId)?.labels[lang] ?? row.roleId) : ALL[lang],
        row.eqf === null ? ALL[lang] : String(row.eqf),
        row.region ?? '',
        row.region ? (regions.get(row.region) ?? row.region) : ALL[lang],
        row.horizon ?? ALL[lang],
        num(row.demand),
        String(row.supply),
        num(row.gap),
        num(row.employers),
        row.suppressed ? YES[lang] : '',
      ]),
    ];
  }
}

async function xlsx(table: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kenno';
  const sheet = workbook.addWorksheet('Gaps', { views: [{ state: 'frozen', ySplit: 1 }] });
  const [header, ...rows] = table;
  sheet.addRow(header!).font = { bold: true };
  const numeric = new Set([3, 7, 8, 9, 10]);
  for (const row of rows) {
    // Figures as numbers, text neutralised against formula injection.
    sheet.addRow(
      row.map((cell, i) =>
        numeric.has(i) && cell !== '' && Number.isFinite(Number(cell))
          ? Number(cell)
          : neutraliseSpreadsheetCell(cell),
      ),
    );
  }
  sheet.columns.forEach((column, i) => {
    column.width = i === 0 || i === 2 ? 40 : 14;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
