import type { Role } from '../auth/roles.ts';
import type { Language } from '../i18n/localized.ts';
import type { ChallengeStatus } from './challenge.ts';
import { canReadChallenge, type ChallengeScope } from './challenge-permissions.ts';

/**
 * Who hears about what happens to a challenge, and what the e-mail says. A comment, a status
 * change, a merge or a project idea notifies the followers and the author — never the person
 * who did it, never twice, and only people who may still read the challenge.
 */
export type ChallengeEvent =
  | { kind: 'challenge_comment'; excerpt: string }
  | { kind: 'challenge_status'; from: ChallengeStatus; to: ChallengeStatus }
  | { kind: 'challenge_merged'; targetId: string; targetTitle: string }
  | { kind: 'challenge_in_project'; projectId: string; projectTitle: string };

export type Candidate = {
  userId: string;
  email: string;
  role: Role;
  organisationId: string | null;
  regionId: string | null;
};

export function notificationRecipients(
  candidates: readonly Candidate[],
  challenge: ChallengeScope,
  actorUserId: string | null,
): Candidate[] {
  const seen = new Set<string>(actorUserId ? [actorUserId] : []);
  return candidates.filter((c) => {
    if (seen.has(c.userId)) return false;
    seen.add(c.userId);
    return canReadChallenge({ kind: 'user', via: 'session', ...c }, challenge);
  });
}

export const COMMENT_EXCERPT = 500;

export function excerpt(text: string, max = COMMENT_EXCERPT): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const STATUS: Record<ChallengeStatus, Record<Language, string>> = {
  new: { fi: 'uusi', sv: 'ny', en: 'new' },
  validated: { fi: 'vahvistettu', sv: 'validerad', en: 'validated' },
  common: { fi: 'yhteinen haaste', sv: 'gemensam utmaning', en: 'common challenge' },
  in_project: { fi: 'projektissa', sv: 'i ett projekt', en: 'in a project' },
  merged: { fi: 'yhdistetty', sv: 'sammanslagen', en: 'merged' },
  rejected: { fi: 'hylätty', sv: 'avvisad', en: 'rejected' },
};

function eventLines(event: ChallengeEvent, actor: string): Record<Language, string> {
  switch (event.kind) {
    case 'challenge_comment':
      return {
        fi: `${actor} kommentoi haastetta:`,
        sv: `${actor} kommenterade utmaningen:`,
        en: `${actor} commented on the challenge:`,
      };
    case 'challenge_status':
      return {
        fi: `${actor} muutti tilan: ${STATUS[event.from].fi} → ${STATUS[event.to].fi}.`,
        sv: `${actor} ändrade status: ${STATUS[event.from].sv} → ${STATUS[event.to].sv}.`,
        en: `${actor} changed the status: ${STATUS[event.from].en} → ${STATUS[event.to].en}.`,
      };
    case 'challenge_merged':
      return {
        fi: `${actor} yhdisti haasteen haasteeseen ”${event.targetTitle}”.`,
        sv: `${actor} slog ihop utmaningen med ”${event.targetTitle}”.`,
        en: `${actor} merged the challenge into “${event.targetTitle}”.`,
      };
    case 'challenge_in_project':
      return {
        fi: `${actor} aloitti haasteesta projektiaihion ”${event.projectTitle}”.`,
        sv: `${actor} startade projektidén ”${event.projectTitle}” från utmaningen.`,
        en: `${actor} started the project idea “${event.projectTitle}” from the challenge.`,
      };
  }
}

const SUBJECT: Record<ChallengeEvent['kind'], string> = {
  challenge_comment: 'Uusi kommentti / Ny kommentar / New comment',
  challenge_status: 'Tila muuttui / Status ändrad / Status changed',
  challenge_merged: 'Yhdistetty / Sammanslagen / Merged',
  challenge_in_project: 'Projektiaihio / Projektidé / Project idea',
};

/**
 * A plain-text e-mail in Finnish, Swedish and English (a person's language is not stored), with
 * the app path of the challenge. Plain text only: nothing in it is ever rendered as markup.
 */
export function challengeEmail(
  event: ChallengeEvent,
  challenge: { title: string },
  actorName: string,
  link: string,
): { subject: string; body: string } {
  const lines = eventLines(event, actorName);
  const quote = event.kind === 'challenge_comment' ? `\n\n${event.excerpt}` : '';
  const heading = { fi: 'Haaste', sv: 'Utmaning', en: 'Challenge' };
  const body = (['fi', 'sv', 'en'] as const)
    .map((lang) => `${heading[lang]}: ${challenge.title}\n${lines[lang]}${quote}`)
    .join('\n\n— — —\n\n');
  return {
    subject: `[Kenno] ${SUBJECT[event.kind]}: ${excerpt(challenge.title.replace(/\s+/g, ' '), 120)}`,
    body: `${body}\n\n${link}\n`,
  };
}
