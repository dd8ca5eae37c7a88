import { describe, expect, it } from 'vitest';
import { type Candidate, challengeEmail, excerpt, notificationRecipients } from './notifications.ts';

const person = (userId: string, over: Partial<Candidate> = {}): Candidate => ({
  userId,
  email: `${userId}@example.org`,
  role: 'member',
  organisationId: 'centria',
  regionId: null,
  ...over,
});

describe('notificationRecipients', () => {
  const publicChallenge = {
    regionId: 'kokkola',
    organisationId: 'centria',
    createdBy: 'author',
    isPublic: true,
  };

  it('is every follower and the author once, without the person who acted', () => {
    const people = [person('ann'), person('author'), person('ann'), person('actor')];
    expect(notificationRecipients(people, publicChallenge, 'actor').map((p) => p.userId)).toEqual([
      'ann',
      'author',
    ]);
  });

  it('leaves out people who may no longer read a private challenge', () => {
    const hidden = { ...publicChallenge, isPublic: false };
    const people = [
      person('colleague'),
      person('outsider', { organisationId: 'uef' }),
      person('coord', {
        role: 'coordinator',
        organisationId: null,
        regionId: 'kokkola',
      }),
    ];
    expect(notificationRecipients(people, hidden, null).map((p) => p.userId)).toEqual(['colleague', 'coord']);
  });
});

describe('challengeEmail', () => {
  it('says what happened in fi, sv and en, quotes a comment, and links the challenge', () => {
    const mail = challengeEmail(
      { kind: 'challenge_comment', excerpt: 'Meillä on sama ongelma.' },
      { title: 'Mustamassan liuotus' },
      'Aino',
      '/challenges/c1',
    );
    expect(mail.subject).toBe('[Kenno] Uusi kommentti / Ny kommentar / New comment: Mustamassan liuotus');
    expect(mail.body).toContain('Aino kommentoi haastetta:');
    expect(mail.body).toContain('Aino kommenterade utmaningen:');
    expect(mail.body).toContain('Aino commented on the challenge:');
    expect(mail.body).toContain('Meillä on sama ongelma.');
    expect(mail.body.trimEnd().endsWith('/challenges/c1')).toBe(true);
  });

  it('names both statuses of a status change in each language', () => {
    const mail = challengeEmail(
      { kind: 'challenge_status', from: 'new', to: 'validated' },
      { title: 'T' },
      'Ville',
      '/x',
    );
    expect(mail.body).toContain('uusi → vahvistettu');
    expect(mail.body).toContain('ny → validerad');
    expect(mail.body).toContain('new → validated');
  });

  it('shortens long text with an ellipsis', () => {
    expect(excerpt('abcdef', 4)).toBe('abc…');
    expect(excerpt('abc', 4)).toBe('abc');
  });
});
