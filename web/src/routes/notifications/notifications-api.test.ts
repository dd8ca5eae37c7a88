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

  it('link only to paths inside the app', () => {
    expect(safeLink('/challenges/abc')).toBe('/challenges/abc');
    expect(safeLink('//evil.example/x')).toBeNull();
    expect(safeLink('https://evil.example/')).toBeNull();
    expect(safeLink('javascript:alert(1)')).toBeNull();
    expect(safeLink(null)).toBeNull();
  });
});
