import { z } from 'zod';
import { nameSlug } from '../skills/programme.ts';
import { localizedInput } from '../skills/survey.ts';

/** Input of the training-path routes and the builder form: one schema for both. */

export const PATH_AUDIENCES = ['students', 'employees'] as const;
export const PATH_STATUSES = ['draft', 'published'] as const;
export const MAX_PATH_STEPS = 60;

const Id = z.string().trim().min(1).max(200);
const unique = (list: string[]) => new Set(list).size === list.length;
const RegionIds = z
  .array(z.string().trim().min(1).max(64))
  .max(20)
  .refine(unique, 'A region is listed twice');

export const PathInputSchema = z
  .object({
    title: localizedInput(200, true),
    summary: localizedInput(3000, false).optional(),
    audience: z.enum(PATH_AUDIENCES).default('students'),
    regionIds: RegionIds.default([]),
    ownerOrganisationId: Id.nullable().optional(),
  })
  .strict();
export type PathInput = z.infer<typeof PathInputSchema>;

export const PathPatchSchema = z
  .object({
    title: localizedInput(200, true).optional(),
    summary: localizedInput(3000, false).optional(),
    audience: z.enum(PATH_AUDIENCES).optional(),
    status: z.enum(PATH_STATUSES).optional(),
    regionIds: RegionIds.optional(),
    ownerOrganisationId: Id.nullable().optional(),
  })
  .strict();
export type PathPatch = z.infer<typeof PathPatchSchema>;

export const PathStepsSchema = z
  .object({
    steps: z
      .array(
        z
          .object({
            programmeId: Id,
            prerequisiteIds: z.array(Id).max(MAX_PATH_STEPS).default([]),
          })
          .strict(),
      )
      .max(MAX_PATH_STEPS),
  })
  .strict();
export type PathStepsInput = z.infer<typeof PathStepsSchema>;

/** A stable id for a new path: its title's slug (the caller adds -2, -3 … on a clash). */
export function pathSlug(title: { fi: string; sv: string; en: string }): string {
  return `path-${nameSlug(title) || 'untitled'}`;
}
