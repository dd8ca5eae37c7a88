import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/roles.ts';
import { canReadChallenge } from './challenge-permissions.ts';
import { challengeVisibility, isVisible } from './visibility.ts';

const ids = fc.constantFrom(null, 'a', 'b');
const actor: fc.Arbitrary<Actor> = fc.oneof(
  fc.constant({ kind: 'visitor' } as const),
  fc.record({
    kind: fc.constant('user' as const),
    userId: fc.constantFrom('a', 'b'),
    role: fc.constantFrom('member' as const, 'coordinator' as const, 'admin' as const),
    organisationId: ids,
    regionId: ids,
    via: fc.constant('session' as const),
  }),
);
const scope = fc.record({ regionId: ids, organisationId: ids, createdBy: ids, isPublic: fc.boolean() });

describe('challengeVisibility', () => {
  it('lets a query read exactly the rows canReadChallenge allows', () => {
    fc.assert(
      fc.property(actor, scope, (a, c) => {
        expect(isVisible(challengeVisibility(a), c)).toBe(canReadChallenge(a, c));
      }),
      { numRuns: 2000 },
    );
  });
});
