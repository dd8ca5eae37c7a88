import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countedAnswersOf,
  readSkillsVersion,
  saveRespondentAnswers,
  skillsWrite,
} from '../../db/queries/skills.ts';
import { surveyAnswers, surveyRespondents } from '../../db/schema/index.ts';
import { createTestDatabase } from '../../../test/support/test-db.ts';
import type { Database } from '../../db/create-db.ts';
import {
  createSkillsReadModel,
  employerAnswersPatch,
  loadSkillsState,
  type SkillsReadModel,
} from './skills-read-model.ts';

/**
 * The skills read model keeps the cube current as answers arrive: this server's own write is
 * applied in place (one employer replaced, no reload of every answer) and gives exactly the cube a
 * full reload gives; another server's write is picked up by reloading on the version change.
 */
let database: Database;
let model: SkillsReadModel;
const ROUND = 'demo-skills-2026';

beforeAll(async () => {
  database = await createTestDatabase();
  model = createSkillsReadModel(database.db);
});
afterAll(async () => database.close());

describe('skills read model', () => {
  it('applies a respondent’s new answers in place, equal to a full reload', async () => {
    const { db } = database;
    const before = await model.current();
    const cube = before.cubes.get(ROUND)!;
    const revision = cube.revision;
    const [respondent] = await db
      .select()
      .from(surveyRespondents)
      .where(eq(surveyRespondents.organisationId, 'umicore-finland'));
    const write = await skillsWrite(db, async (tx) => {
      await saveRespondentAnswers(
        tx,
        respondent!,
        [
          {
            roleId: 'job-role.chemistry-technician',
            skillIds: [],
            eqfLevel: 5,
            regionId: 'kokkola',
            headcountNow: 40,
            headcount1to3: 1,
            headcount3to5: 0,
          },
        ],
        true,
      );
      return countedAnswersOf(tx, ROUND, 'umicore-finland');
    });
    expect(write.to).toBeGreaterThan(write.from);
    await model.afterWrite(write, employerAnswersPatch(ROUND, 'umicore-finland', write.result));
    const after = await model.current();
    // The same state object and cube, moved on: nothing was reloaded.
    expect(after).toBe(before);
    expect(after.cubes.get(ROUND)).toBe(cube);
    expect(cube.revision).toBeGreaterThan(revision);
    expect(after.version).toBe(await readSkillsVersion(db));
    const reloaded = await loadSkillsState(db, after.version);
    const fresh = reloaded.cubes.get(ROUND)!;
    expect(fresh.dims.roles).toEqual(cube.dims.roles);
    expect([...cube.employers]).toEqual([...fresh.employers]);
    expect([...cube.demand]).toEqual([...fresh.demand]);
    expect([...cube.maxShare]).toEqual([...fresh.maxShare]);
    // And the release follows the new revision.
    expect(model.release(after, ROUND).revision).toBe(cube.revision);
  });

  it('reloads when another server writes (the version moves without it)', async () => {
    const before = await model.current();
    await database.db
      .update(surveyAnswers)
      .set({ headcountNow: 99 })
      .where(eq(surveyAnswers.id, 'demo-skills-2025.keliber.job-role.process-engineer-chemicals.6.kokkola'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = await model.current();
    expect(after).not.toBe(before);
    expect(after.version).toBe(await readSkillsVersion(database.db));
  });
});
