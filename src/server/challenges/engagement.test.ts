import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { challengeSupports, emailOutbox } from '../../db/schema/index.ts';
import { call, type Person, person, submitChallenge } from '../../../test/support/challenge-fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

let t: TestApp;
let author: Person;
let fan: Person;
let other: Person;
let coordKokkola: Person;
let coordVaasa: Person;

beforeAll(async () => {
  t = await createTestApp();
  author = await person(t, 'member', { organisationId: 'centria' });
  fan = await person(t, 'member', { organisationId: 'uef' });
  other = await person(t, 'member', { organisationId: 'uef' });
  coordKokkola = await person(t, 'coordinator', { regionId: 'kokkola' });
  coordVaasa = await person(t, 'coordinator', { regionId: 'vaasa' });
});
afterAll(async () => t.close());

const notificationsOf = async (who: Person) =>
  (await call(t, who, 'GET', '/api/notifications')).json() as {
    items: {
      id: string;
      kind: string;
      link: string;
      payload: Record<string, unknown>;
      readAt: string | null;
    }[];
    unread: number;
  };
const outboxTo = (who: Person) =>
  t.database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, who.user.email));

describe('support and follow', () => {
  it('are idempotent: twice on counts once, twice off leaves nothing', async () => {
    const c = await submitChallenge(t, author);
    const url = `/api/challenges/${c.id}/support`;
    expect((await call(t, fan, 'PUT', url)).json()).toEqual({ supportCount: 1, supportedByMe: true });
    expect((await call(t, fan, 'PUT', url)).json()).toEqual({ supportCount: 1, supportedByMe: true });
    expect((await call(t, other, 'PUT', url)).json()).toEqual({ supportCount: 2, supportedByMe: true });
    expect((await call(t, fan, 'DELETE', url)).json()).toEqual({ supportCount: 1, supportedByMe: false });
    expect((await call(t, fan, 'DELETE', url)).json()).toEqual({ supportCount: 1, supportedByMe: false });
    const view = (await call(t, other, 'GET', `/api/challenges/${c.id}`)).json();
    expect(view).toMatchObject({ supportCount: 1, supportedByMe: true, followedByMe: false });
    // Only real changes are history: one support, one withdrawal, one support.
    expect(view.history.map((h: { event: string }) => h.event)).toEqual([
      'created',
      'supported',
      'supported',
      'support_withdrawn',
    ]);

    const follow = `/api/challenges/${c.id}/follow`;
    expect((await call(t, fan, 'PUT', follow)).json()).toEqual({ followedByMe: true });
    expect((await call(t, fan, 'PUT', follow)).json()).toEqual({ followedByMe: true });
    expect((await call(t, fan, 'GET', `/api/challenges/${c.id}`)).json().followedByMe).toBe(true);
    expect((await call(t, fan, 'DELETE', follow)).json()).toEqual({ followedByMe: false });
    expect((await call(t, null, 'PUT', url)).statusCode).toBe(401);
  });
});

describe('comments and notifications', () => {
  it('notify the followers and the author in the app and by e-mail, never the commenter', async () => {
    const c = await submitChallenge(t, author, { title: 'Kennojen kierrätys' });
    await call(t, fan, 'PUT', `/api/challenges/${c.id}/follow`);
    const before = (await outboxTo(fan)).length;

    const response = await call(t, other, 'POST', `/api/challenges/${c.id}/comments`, {
      body: '  We have the same problem in Kuopio.  ',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      body: 'We have the same problem in Kuopio.',
      authorName: other.user.displayName,
    });

    for (const who of [fan, author]) {
      const mine = await notificationsOf(who);
      expect(mine.items[0]).toMatchObject({
        kind: 'challenge_comment',
        link: `/challenges/${c.id}`,
        readAt: null,
        payload: { challengeId: c.id, title: 'Kennojen kierrätys', actorName: other.user.displayName },
      });
    }
    expect((await notificationsOf(other)).items).toEqual([]);
    const mails = await outboxTo(fan);
    expect(mails).toHaveLength(before + 1);
    expect(mails.at(-1)).toMatchObject({
      status: 'pending',
      subject: expect.stringContaining('Kennojen kierrätys'),
    });
    expect(mails.at(-1)!.body).toContain('We have the same problem in Kuopio.');
    expect(await outboxTo(other)).toEqual([]);

    // The commenter now follows, and hears of the next comment.
    await call(t, fan, 'POST', `/api/challenges/${c.id}/comments`, { body: 'Let us talk.' });
    expect((await notificationsOf(other)).items[0]).toMatchObject({ kind: 'challenge_comment' });
    const comments = (await call(t, null, 'GET', `/api/challenges/${c.id}/comments`)).json();
    expect(comments.map((x: { body: string }) => x.body)).toEqual([
      'We have the same problem in Kuopio.',
      'Let us talk.',
    ]);
  });

  it('tells followers of a status change, and lets them mark notifications read', async () => {
    const c = await submitChallenge(t, author);
    await call(t, fan, 'PUT', `/api/challenges/${c.id}/follow`);
    await call(t, coordKokkola, 'PATCH', `/api/challenges/${c.id}`, { status: 'validated' });
    const mine = await notificationsOf(fan);
    expect(mine.items[0]).toMatchObject({
      kind: 'challenge_status',
      payload: { from: 'new', to: 'validated' },
    });
    expect(mine.unread).toBeGreaterThan(0);
    const one = await call(t, fan, 'POST', '/api/notifications/read', { ids: [mine.items[0]!.id] });
    expect(one.json()).toEqual({ unread: mine.unread - 1 });
    expect((await call(t, fan, 'POST', '/api/notifications/read', {})).json()).toEqual({ unread: 0 });
    expect((await notificationsOf(fan)).items.every((n) => n.readAt !== null)).toBe(true);
  });

  it('refuses empty comments and comments by visitors', async () => {
    const c = await submitChallenge(t, author);
    expect((await call(t, fan, 'POST', `/api/challenges/${c.id}/comments`, { body: '   ' })).statusCode).toBe(
      400,
    );
    expect((await call(t, null, 'POST', `/api/challenges/${c.id}/comments`, { body: 'hi' })).statusCode).toBe(
      401,
    );
  });
});

describe('merging duplicates', () => {
  it('keeps both histories, moves supporters without duplicates, and leaves a link from the old address', async () => {
    const target = await submitChallenge(t, author, { title: 'Black mass leaching' });
    const source = await submitChallenge(t, fan, { title: 'Leaching of black mass', regionId: 'kokkola' });
    for (const who of [fan, other]) await call(t, who, 'PUT', `/api/challenges/${source.id}/support`);
    await call(t, fan, 'PUT', `/api/challenges/${target.id}/support`);
    await call(t, other, 'PUT', `/api/challenges/${source.id}/follow`);
    await call(t, other, 'POST', `/api/challenges/${source.id}/comments`, { body: 'Same as the other one?' });

    const response = await call(t, coordKokkola, 'POST', `/api/challenges/${source.id}/merge`, {
      targetId: target.id,
    });
    expect(response.statusCode, response.body).toBe(200);
    const survivor = response.json();
    expect(survivor).toMatchObject({ id: target.id, supportCount: 2, commentCount: 1 });
    expect(survivor.mergedFrom).toEqual([{ id: source.id, title: 'Leaching of black mass' }]);
    const events = survivor.history.map((h: { event: string; challengeId: string }) => [
      h.challengeId,
      h.event,
    ]);
    expect(events).toEqual(
      expect.arrayContaining([
        [target.id, 'created'],
        [source.id, 'created'],
        [source.id, 'commented'],
        [source.id, 'merged_into'],
        [target.id, 'merged_from'],
      ]),
    );
    const supporters = await t.database.db
      .select()
      .from(challengeSupports)
      .where(eq(challengeSupports.challengeId, target.id));
    expect(supporters.map((s) => s.userId).sort()).toEqual([fan.user.id, other.user.id].sort());

    const old = (await call(t, null, 'GET', `/api/challenges/${source.id}`)).json();
    expect(old).toMatchObject({ status: 'merged', mergedIntoId: target.id, supportCount: 0 });
    expect(
      (await call(t, null, 'GET', '/api/challenges?limit=100')).json().items.map((c: { id: string }) => c.id),
    ).not.toContain(source.id);
    expect((await call(t, null, 'GET', '/api/challenges?status=merged')).json().items).toEqual([
      expect.objectContaining({ id: source.id, mergedIntoId: target.id }),
    ]);
    // The follower of the duplicate now follows the survivor and heard of the merge.
    expect((await call(t, other, 'GET', `/api/challenges/${target.id}`)).json().followedByMe).toBe(true);
    expect((await notificationsOf(other)).items[0]).toMatchObject({
      kind: 'challenge_merged',
      payload: { targetId: target.id, challengeId: source.id },
    });
    expect((await notificationsOf(fan)).items[0]).toMatchObject({ kind: 'challenge_merged' });

    // A merged challenge takes no more supports or comments, and cannot be merged again.
    expect((await call(t, fan, 'PUT', `/api/challenges/${source.id}/support`)).statusCode).toBe(409);
    const again = await call(t, coordKokkola, 'POST', `/api/challenges/${source.id}/merge`, {
      targetId: target.id,
    });
    expect(again.statusCode).toBe(409);
    const third = await submitChallenge(t, author);
    const intoMerged = await call(t, coordKokkola, 'POST', `/api/challenges/${third.id}/merge`, {
      targetId: source.id,
    });
    expect(intoMerged.statusCode).toBe(409);
    const intoItself = await call(t, coordKokkola, 'POST', `/api/challenges/${third.id}/merge`, {
      targetId: third.id,
    });
    expect(intoItself.statusCode).toBe(409);
    expect(intoItself.json().error.message).toMatch(/itself/);
  });

  it('is for the coordinators of both challenges’ regions and admins', async () => {
    const a = await submitChallenge(t, author);
    const b = await submitChallenge(t, author);
    const vaasa = await submitChallenge(t, coordVaasa, { regionId: 'vaasa' });
    const path = `/api/challenges/${a.id}/merge`;
    expect((await call(t, author, 'POST', path, { targetId: b.id })).statusCode).toBe(403);
    expect((await call(t, coordVaasa, 'POST', path, { targetId: b.id })).statusCode).toBe(403);
    expect((await call(t, coordKokkola, 'POST', path, { targetId: vaasa.id })).statusCode).toBe(403);
    expect((await call(t, coordKokkola, 'POST', path, { targetId: 'no-such' })).statusCode).toBe(400);
    expect((await call(t, coordKokkola, 'GET', `/api/challenges/${a.id}`)).json().status).toBe('new');
  });
});
