import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { regionExists } from '../../db/queries/regions.ts';
import {
  checkInstrumentConcepts,
  countedAnswersOf,
  createRound,
  findRespondent,
  findRound,
  insertRespondents,
  listRespondents,
  listRoundRows,
  type NewRespondent,
  organisationNames,
  type RoundRow,
  recordReminders,
  respondentsToRemind,
  revokeRespondent,
  skillsWrite,
  updateRound,
} from '../../db/queries/skills.ts';
import { generateSecret, hashSecret } from '../../domain/auth/secrets.ts';
import type { Actor } from '../../domain/auth/roles.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { canReadRound, canRunRound, canSeeResponses } from '../../domain/skills/skills-permissions.ts';
import {
  linkExpiry,
  RespondentsInputSchema,
  RoundInputSchema,
  RoundPatchSchema,
  respondentStatus,
  roundStats,
  statusChangeAllowed,
  SURVEY_TOKEN_PREFIX,
  surveyEmail,
} from '../../domain/skills/survey.ts';
import { requireUser } from '../auth/actor.ts';
import { IdParamsSchema } from '../common-schemas.ts';
import type { AppContext } from '../context.ts';
import { presentRespondent, presentRound, presentRoundDetail } from './presenters.ts';
import {
  CreatedRespondentSchema,
  RespondentIdParamsSchema,
  RespondentSchema,
  RoundDetailSchema,
  RoundSchema,
} from './schema.ts';
import { employerAnswersPatch, roundPatch, type SkillsReadModel } from './skills-read-model.ts';

/** The web page a personal link opens; the token is read from the path by the page only. */
export function surveyLinkPath(token: string): string {
  return `/survey/${token}`;
}

/**
 * Survey rounds: create and change (coordinator of the round's region, admins), respondents
 * with personal links, revocation and reminders. Links are random secrets shown once; only their
 * SHA-256 is stored; an invitation or reminder e-mail goes to the outbox in the same transaction.
 */
export async function roundRoutes(app: FastifyInstance, ctx: AppContext, readModel: SkillsReadModel) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  async function loadReadable(actor: Actor, id: string): Promise<RoundRow> {
    const round = await findRound(db, id);
    if (!round || !canReadRound(actor, round)) throw notFound('Survey round');
    return round;
  }

  async function loadRunnable(actor: Actor, id: string): Promise<RoundRow> {
    const round = await loadReadable(actor, id);
    if (!canRunRound(actor, round))
      throw new AppError('forbidden', "Only admins and the coordinator of the round's region run this round");
    return round;
  }

  r.post('/api/survey-rounds', {
    schema: {
      tags: ['skills'],
      summary: 'Create a survey round (a draft) from an instrument',
      body: RoundInputSchema,
      response: { 201: RoundSchema },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      const input = request.body;
      if (!canRunRound(actor, input))
        throw new AppError('forbidden', 'Only admins, and coordinators for their own region, run surveys');
      if (input.regionId && !(await regionExists(db, input.regionId)))
        throw new AppError('validation_failed', 'Unknown region', [
          { path: ['regionId'], message: 'Unknown region' },
        ]);
      const problems = await checkInstrumentConcepts(db, input.instrument);
      if (problems.length)
        throw new AppError('validation_failed', 'The instrument names unknown concepts', problems);
      const write = await skillsWrite(db, (tx) => createRound(tx, actor, input));
      await readModel.afterWrite(write, roundPatch(write.result));
      return reply.status(201).send(presentRound(write.result, true));
    },
  });

  r.get('/api/survey-rounds', {
    schema: {
      tags: ['skills'],
      summary: 'Survey rounds: open and closed ones for everyone, drafts for who runs them',
      response: { 200: z.array(RoundSchema) },
    },
    handler: async (request) => {
      const rows = await listRoundRows(db);
      return rows
        .filter((round) => canReadRound(request.actor, round))
        .reverse()
        .map((round) => presentRound(round, canRunRound(request.actor, round)));
    },
  });

  r.get('/api/survey-rounds/:id', {
    schema: {
      tags: ['skills'],
      summary: 'A survey round; with response rates for an admin and its coordinator',
      params: IdParamsSchema,
      response: { 200: RoundDetailSchema },
    },
    handler: async (request) => {
      const round = await loadReadable(request.actor, request.params.id);
      const manage = canSeeResponses(request.actor, round);
      if (!manage) return presentRoundDetail(round, false, null);
      const now = new Date();
      const statuses = (await listRespondents(db, round.id)).map((p) => respondentStatus(p, now));
      return presentRoundDetail(round, true, roundStats(statuses));
    },
  });

  r.patch('/api/survey-rounds/:id', {
    schema: {
      tags: ['skills'],
      summary: 'Change a round: open or close it, its texts and dates; the instrument while a draft',
      params: IdParamsSchema,
      body: RoundPatchSchema,
      response: { 200: RoundSchema },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      const round = await loadRunnable(actor, request.params.id);
      const patch = request.body;
      if (patch.status && !statusChangeAllowed(round.status, patch.status))
        throw new AppError('conflict', `A ${round.status} round cannot become ${patch.status}`);
      if (patch.instrument) {
        if (round.status !== 'draft')
          throw new AppError('conflict', 'The questions of a round cannot change once it has opened');
        const problems = await checkInstrumentConcepts(db, patch.instrument);
        if (problems.length)
          throw new AppError('validation_failed', 'The instrument names unknown concepts', problems);
      }
      const opensAt = patch.opensAt === undefined ? round.opensAt : patch.opensAt;
      const closesAt = patch.closesAt === undefined ? round.closesAt : patch.closesAt;
      if (opensAt && closesAt && closesAt <= opensAt)
        throw new AppError('validation_failed', 'The round must close after it opens', [
          { path: ['closesAt'], message: 'The round must close after it opens' },
        ]);
      const write = await skillsWrite(db, (tx) => updateRound(tx, actor, round, patch));
      await readModel.afterWrite(write, roundPatch(write.result));
      return presentRound(write.result, true);
    },
  });

  r.post('/api/survey-rounds/:id/respondents', {
    schema: {
      tags: ['skills'],
      summary:
        'Invite employers: a personal answer link each (shown once); an e-mail when an address is given',
      params: IdParamsSchema,
      body: RespondentsInputSchema,
      response: { 201: z.array(CreatedRespondentSchema) },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      const round = await loadRunnable(actor, request.params.id);
      if (round.status === 'closed') throw new AppError('conflict', 'The round is closed');
      const { respondents, expiresInDays } = request.body;
      const names = await organisationNames(
        db,
        respondents.map((p) => p.organisationId),
      );
      const unknown = respondents.flatMap((p, i) =>
        names.has(p.organisationId)
          ? []
          : [{ path: ['respondents', i, 'organisationId'], message: 'Not an organisation of the registry' }],
      );
      if (unknown.length) throw new AppError('validation_failed', 'Unknown organisations', unknown);
      const now = new Date();
      const expiresAt = linkExpiry(now, round.closesAt, expiresInDays);
      const created: { respondentId: string; organisationId: string; link: string }[] = [];
      const rows: NewRespondent[] = respondents.map((p) => {
        const token = generateSecret(SURVEY_TOKEN_PREFIX);
        const id = randomUUID();
        const link = surveyLinkPath(token);
        created.push({ respondentId: id, organisationId: p.organisationId, link });
        return {
          id,
          organisationId: p.organisationId,
          email: p.email ?? null,
          language: p.language,
          tokenHash: hashSecret(token),
          expiresAt,
          mail: p.email
            ? surveyEmail({
                kind: 'invitation',
                language: p.language,
                roundTitle: round.title,
                organisationName: names.get(p.organisationId)!,
                // An app path on its own line: the e-mail sender makes it a full link (KENNO_PUBLIC_URL),
                // never from the request's Host header.
                link,
                expiresAt,
              })
            : null,
        };
      });
      await db.transaction((tx) => insertRespondents(tx, actor, round.id, rows));
      return reply.status(201).send(created);
    },
  });

  r.get('/api/survey-rounds/:id/respondents', {
    schema: {
      tags: ['skills'],
      summary: "The round's respondents and where each is (never their tokens or answers)",
      params: IdParamsSchema,
      response: { 200: z.array(RespondentSchema) },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      const round = await loadRunnable(actor, request.params.id);
      const now = new Date();
      return (await listRespondents(db, round.id)).map((p) => presentRespondent(p, now));
    },
  });

  r.post('/api/survey-rounds/:id/respondents/:respondentId/revoke', {
    schema: {
      tags: ['skills'],
      summary: 'Revoke a personal link: it stops working and its answers leave the analysis',
      params: RespondentIdParamsSchema,
      response: { 200: RespondentSchema },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      const round = await loadRunnable(actor, request.params.id);
      const respondent = await findRespondent(db, round.id, request.params.respondentId);
      if (!respondent) throw notFound('Respondent');
      const write = await skillsWrite(db, async (tx) => {
        const row = await revokeRespondent(tx, actor, respondent);
        return { row, answers: await countedAnswersOf(tx, round.id, row.organisationId) };
      });
      await readModel.afterWrite(
        write,
        employerAnswersPatch(round.id, respondent.organisationId, write.result.answers),
      );
      const names = await organisationNames(db, [respondent.organisationId]);
      return presentRespondent(
        { ...write.result.row, organisationName: names.get(respondent.organisationId) ?? '' },
        new Date(),
      );
    },
  });

  r.post('/api/survey-rounds/:id/reminders', {
    schema: {
      tags: ['skills'],
      summary:
        'Remind by e-mail everyone who has not submitted (not revoked, not expired), with a fresh link',
      params: IdParamsSchema,
      response: { 200: z.object({ sent: z.number().int() }) },
    },
    handler: async (request) => {
      const actor = requireUser(request.actor);
      const round = await loadRunnable(actor, request.params.id);
      if (round.status !== 'open') throw new AppError('conflict', 'Reminders go out while the round is open');
      const now = new Date();
      const due = await respondentsToRemind(db, round.id, now);
      const reminders = due.map(({ respondent, organisationName }) => {
        const token = generateSecret(SURVEY_TOKEN_PREFIX);
        return {
          respondentId: respondent.id,
          email: respondent.email!,
          tokenHash: hashSecret(token),
          mail: surveyEmail({
            kind: 'reminder',
            language: respondent.language,
            roundTitle: round.title,
            organisationName,
            link: surveyLinkPath(token),
            expiresAt: respondent.expiresAt,
          }),
        };
      });
      await db.transaction((tx) => recordReminders(tx, actor, round.id, reminders, now));
      return { sent: reminders.length };
    },
  });
}
