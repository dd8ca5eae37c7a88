import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import fi from '../../i18n/fi.json' with { type: 'json' };
import { type AppNotification, describeNotification, safeLink } from './notifications-api.ts';

const note = (kind: string, payload: Record<string, unknown>): AppNotification => ({
  id: 'n1',
  kind,
  link: '/challenges/c1',
  payload,
  readAt: null,
  createdAt: '2026-11-23T10:00:00Z',
});

describe('notifications', () => {
  beforeAll(async () => {
    await i18next.init({
      lng: 'fi',
      resources: { fi: { translation: fi } },
      interpolation: { escapeValue: false },
    });
  });

  it('say what happened in a sentence, from the kind and payload the server stores', () => {
    const t = i18next.t;
    expect(
      describeNotification(t, note('challenge_comment', { title: 'Musta massa', actorName: 'Kalle' })),
    ).toBe('Kalle kommentoi haastetta ”Musta massa”');
    expect(
      describeNotification(
        t,
        note('challenge_status', { title: 'Musta massa', actorName: 'Kalle', to: 'common' }),
      ),
    ).toBe('Kalle vaihtoi haasteen ”Musta massa” tilaksi yhteinen haaste');
    expect(
      describeNotification(
        t,
        note('challenge_merged', { title: 'Kopio', actorName: 'Kalle', targetTitle: 'Alkuperäinen' }),
      ),
    ).toBe('Kalle yhdisti haasteen ”Kopio” haasteeseen ”Alkuperäinen”');
    expect(describeNotification(t, note('something_new', {}))).toBe('Uusi ilmoitus');
  });

  it('name the call, the days left and the project of a deadline reminder', () => {
    const t = i18next.t;
    const reminder = (daysLeft: unknown) =>
      note('project_deadline', {
        title: 'Akkumateriaalien kierrätys',
        callTitle: 'Battery recycling',
        topicId: 'HORIZON-CL5-2027-D2-01-05',
        deadline: '2027-02-10T16:00:00.000Z',
        daysLeft,
      });
    expect(describeNotification(t, reminder(7), (iso) => `[${iso.slice(0, 10)}]`)).toBe(
      'Haku HORIZON-CL5-2027-D2-01-05 sulkeutuu 7 päivän kuluttua ([2027-02-10]): hanke ”Akkumateriaalien kierrätys”',
    );
    // A payload without the figures still says something true.
    expect(describeNotification(t, reminder('soon'))).toBe('Uusi ilmoitus');
  });

  it('link only to paths inside the app', () => {
    expect(safeLink('/challenges/abc')).toBe('/challenges/abc');
    expect(safeLink('//evil.example/x')).toBeNull();
    expect(safeLink('https://evil.example/')).toBeNull();
    expect(safeLink('javascript:alert(1)')).toBeNull();
    expect(safeLink(null)).toBeNull();
  });
});
