import { z } from 'zod';
import { TRAINING_LEVELS } from '../../domain/skills/gap-definitions.ts';
import { PATH_AUDIENCES, PATH_STATUSES } from '../../domain/training/path-schema.ts';
import { LanguageSchema, LocalizedSchema } from '../common-schemas.ts';
import { ProgrammeSchema } from '../skills/schema.ts';

/** Output schemas of the training-path routes (they also make the OpenAPI document). */

const IssueSchema = z.object({
  code: z.string().describe('Stable code: the web app words it in fi/sv/en with the params'),
  severity: z.enum(['error', 'warning', 'note']),
  stepIds: z.array(z.string()).describe('Programme ids concerned; a cycle in the order it runs'),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.number()), z.array(z.string())])),
  message: z.string().describe('English wording'),
});

export const ValidationSchema = z.object({
  valid: z.boolean().describe('No errors: the graph can be saved'),
  errors: z.array(IssueSchema),
  warnings: z.array(IssueSchema),
  notes: z.array(IssueSchema),
  credits: z
    .array(
      z.object({
        level: z.enum(TRAINING_LEVELS),
        eqfLevel: z.number().int(),
        unit: z.enum(['osp', 'ects']),
        total: z.number(),
        steps: z.number().int(),
        qualification: z.object({ id: z.string(), extents: z.array(z.number()) }).nullable(),
        status: z.enum(['matches', 'partial', 'above', 'not_an_extent', 'no_extent']),
      }),
    )
    .describe('Credit totals per level and unit: osp and ECTS never summed together'),
  layers: z
    .array(z.array(z.string()))
    .describe('Steps by depth of prerequisites; empty when there is a cycle'),
});

export const PathSummarySchema = z.object({
  id: z.string(),
  title: LocalizedSchema,
  summary: LocalizedSchema,
  audience: z.enum(PATH_AUDIENCES),
  status: z.enum(PATH_STATUSES),
  regionIds: z.array(z.string()),
  ownerOrganisationId: z.string().nullable(),
  stepCount: z.number().int(),
  levels: z.array(z.enum(TRAINING_LEVELS)).describe('Levels of its modules, vocational → continuing'),
  createdAt: z.string(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
});

export const PathStepOutSchema = z.object({
  programmeId: z.string(),
  prerequisiteIds: z.array(z.string()),
  position: z.number().int(),
  module: ProgrammeSchema.nullable().describe('null: the module is no longer visible to the caller'),
});

export const PathDetailSchema = PathSummarySchema.extend({
  ownerOrganisationName: z.string().nullable(),
  steps: z.array(PathStepOutSchema),
  validation: ValidationSchema,
});

const CoverageCellSchema = z.object({
  roleId: z.string(),
  eqf: z.number().int(),
  regionId: z.string().nullable().describe('null: the whole network'),
  demand: z.number(),
  supply: z.number(),
  gap: z.number(),
  stepIds: z
    .array(z.string())
    .describe('Modules of the path preparing for the role at this level and region'),
  nearbyStepIds: z.array(z.string()).describe('Modules preparing for the role at another level or region'),
});

const CoverageGroupSchema = z.object({
  key: z.union([z.string(), z.number()]).nullable(),
  closed: z.number().int(),
  remaining: z.number().int(),
  closedGap: z.number(),
  remainingGap: z.number(),
});

export const CoverageSchema = z.object({
  round: z.object({ id: z.string(), title: LocalizedSchema }).nullable().describe('The gap analysis used'),
  regionIds: z.array(z.string()),
  eqfLevels: z.array(z.number().int()),
  closed: z.array(CoverageCellSchema),
  remaining: z.array(CoverageCellSchema),
  suppressedInScope: z.number().int().describe('Cells in scope not published (disclosure control)'),
  byLevel: z.array(CoverageGroupSchema),
  byRegion: z.array(CoverageGroupSchema),
  roles: z.record(z.string(), LocalizedSchema).describe('Labels of the job roles named'),
});

export const PdfQuerySchema = z.object({ lang: LanguageSchema.default('fi') });

export const NetworkQuerySchema = z.object({
  regionId: z.string().min(1).max(64).optional(),
  level: z.enum(TRAINING_LEVELS).optional(),
});

const NetworkCellSchema = z.object({
  regionId: z.string(),
  key: z.string(),
  providers: z.array(
    z.object({ organisationId: z.string(), organisationName: z.string(), programmeIds: z.array(z.string()) }),
  ),
  programmes: z.number().int(),
});

export const NetworkSchema = z.object({
  regions: z.array(z.object({ id: z.string(), name: LocalizedSchema })),
  levels: z.array(z.enum(TRAINING_LEVELS)),
  competenceAreas: z.array(z.object({ id: z.string(), label: LocalizedSchema })),
  byLevel: z.array(NetworkCellSchema).describe('Region × training level; no providers: nobody delivers it'),
  byCompetence: z.array(NetworkCellSchema).describe('Region × competence area (value chain)'),
  withoutRegion: z.number().int(),
});
