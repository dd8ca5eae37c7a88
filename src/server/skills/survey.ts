import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/create-db.ts';
import {
  conceptLabels,
  countedAnswersOf,
  findRespondentByTokenHash,
  type RespondentWithRound,
  regionIdsInOrder,
  respondentAnswers,
  saveRespondentAnswers,
  skillsWrite,
} from '../../db/queries/skills.ts';
import { listRegionRows } from '../../db/queries/regions.ts';
import { hashSecret } from '../../domain/auth/secrets.ts';
import { AppError } from '../../domain/errors.ts';
import {
  checkAnswers,
  linkProblem,
  looksLikeSurveyToken,
  SURVEY_TOKEN_HEADER,
  SurveyPutSchema,
} from '../../domain/skills/survey.ts';
import type { AppContext } from '../context.ts';
import { presentAnswer } from './presenters.ts';
import { SurveySchema } from './schema.ts';
import { employerAnswersPatch, type SkillsReadModel } from './skills-read-model.ts';

const PROBLEM_MESSAGES = {
  revoked: 'This answer link has been revoked. Ask the survey coordinator for a new one.',
  expired: 'This answer link has expired. Ask the survey coordinator for a new one.',
  round_closed: 'The survey is closed; answers can no longer be saved.',
  round_not_open: 'The survey has not opened yet.',
} as const;

/**
 * The respondent's side: no account, only the personal token in the X-Survey-Token header (kept
 * out of URLs, which servers and proxies log). The token is hashed and looked up by its hash; it
 * opens exactly one respondent's round, organisation and own answers — nothing else.
 */
export async function surveyRoutes(app: FastifyInstance, ctx: AppContext, readModel: SkillsReadModel) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  async function respondentOf(request: FastifyRequest): Promise<RespondentWithRound> {
    const token = request.headers[SURVEY_TOKEN_HEADER];
    if (!looksLikeSurveyToken(token)) {
      throw new AppError(
        'unauthenticated',
        'Send your personal answer link’s token in the X-Survey-Token header',
        {
          reason: 'missing_token',
        },
      );
    }
    const found = await findRespondentByTokenHash(db, hashSecret(token));
    if (!found)
      throw new AppError('unauthenticated', 'This answer link is not valid', { reason: 'unknown_token' });
    const problem = linkProblem(found.respondent, found.round.status, new Date());
    if (problem === 'round_not_open')
      throw new AppError('conflict', PROBLEM_MESSAGES[problem], { reason: problem });
    if (problem) throw new AppError('gone', PROBLEM_MESSAGES[problem], { reason: problem });
    return found;
  }

  async function present(database: Db, found: RespondentWithRound) {
    const { respondent, round } = found;
    const { instrument } = round;
    const eqfIds = instrument.eqfLevels.map((level) => `edu.eqf-${level}`);
    const labels = await conceptLabels(database, [...instrument.roleIds, ...instrument.skillIds, ...eqfIds]);
    const label = (id: string) => labels.get(id)?.labels ?? { fi: id, sv: id, en: id };
    const regionRows = (await listRegionRows(database)).filter(
      (g) => !round.regionId || g.id === round.regionId,
    );
    return {
      round: {
        id: round.id,
        title: round.title,
        intro: round.intro,
        status: round.status,
        closesAt: round.closesAt ? round.closesAt.toISOString() : null,
        instrument: {
          roles: instrument.roleIds.map((id) => ({ id, label: label(id) })),
          skills: instrument.skillIds.map((id) => ({ id, label: label(id) })),
          eqfLevels: instrument.eqfLevels.map((level) => ({ level, label: label(`edu.eqf-${level}`) })),
          regions: regionRows.map((g) => ({ id: g.id, label: g.name })),
          askRecruitmentDifficulty: instrument.askRecruitmentDifficulty,
          askFreeText: instrument.askFreeText,
        },
      },
      organisation: { id: respondent.organisationId, name: found.organisationName },
      language: respondent.language,
      answers: (await respondentAnswers(database, respondent.id)).map(presentAnswer),
      submittedAt: respondent.submittedAt ? respondent.submittedAt.toISOString() : null,
      expiresAt: respondent.expiresAt.toISOString(),
    };
  }

  r.get('/api/survey', {
    schema: {
      tags: ['skills'],
      summary: "The respondent's survey: the questions, their organisation and their own answers",
      description: 'Authenticated by the personal token in the X-Survey-Token header; no account.',
      response: { 200: SurveySchema },
    },
    // A respondent's answers: never kept by a browser or proxy cache (one link's reply must not
    // be served for another's).
    onSend: async (_request, reply, payload) => {
      reply.header('cache-control', 'no-store');
      return payload;
    },
    handler: async (request) => present(db, await respondentOf(request)),
  });

  r.put('/api/survey', {
    schema: {
      tags: ['skills'],
      summary: 'Save the answers (and come back later), or submit them',
      description:
        'Replaces all of this respondent’s answers. submit: true marks the response submitted; answering again while the round is open replaces the answers.',
      body: SurveyPutSchema,
      response: { 200: SurveySchema },
    },
    handler: async (request) => {
      const found = await respondentOf(request);
      const { respondent, round } = found;
      const regionIds = new Set(round.regionId ? [round.regionId] : await regionIdsInOrder(db));
      const issues = checkAnswers(request.body.answers, round.instrument, regionIds);
      if (issues.length)
        throw new AppError('validation_failed', 'Some answers do not fit the survey', issues);
      const write = await skillsWrite(db, async (tx) => {
        const row = await saveRespondentAnswers(tx, respondent, request.body.answers, request.body.submit);
        return { row, answers: await countedAnswersOf(tx, round.id, respondent.organisationId) };
      });
      await readModel.afterWrite(
        write,
        employerAnswersPatch(round.id, respondent.organisationId, write.result.answers),
      );
      return present(db, { ...found, respondent: write.result.row });
    },
  });
}
