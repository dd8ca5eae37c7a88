import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { gapRoutes } from './gaps.ts';
import { programmeRoutes } from './programmes.ts';
import { roundRoutes } from './rounds.ts';
import type { Db } from '../../db/create-db.ts';
import { createSkillsReadModel, type SkillsReadModel } from './skills-read-model.ts';
import { surveyRoutes } from './survey.ts';

/**
 * Skills intelligence: survey rounds and personal answer links, the respondent's survey,
 * training supply, and the gap analysis served from the in-memory cube of every round.
 */
export async function skillsRoutes(app: FastifyInstance, ctx: AppContext) {
  const readModel = sharedSkillsReadModel(ctx.database.db);
  await roundRoutes(app, ctx, readModel);
  await surveyRoutes(app, ctx, readModel);
  await programmeRoutes(app, ctx, readModel);
  await gapRoutes(app, ctx, readModel);
}

const readModels = new WeakMap<Db, SkillsReadModel>();

/** One skills read model per database, shared with modules that read the gaps (training paths). */
export function sharedSkillsReadModel(db: Db): SkillsReadModel {
  let model = readModels.get(db);
  if (!model) {
    model = createSkillsReadModel(db);
    readModels.set(db, model);
  }
  return model;
}
