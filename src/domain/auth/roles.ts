/** Roles of PRODUCT.md. A visitor is anyone not signed in and has no row in `users`. */
export const ROLES = ['member', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type UserActor = {
  kind: 'user';
  userId: string;
  role: Role;
  organisationId: string | null;
  regionId: string | null;
  /** How the request was authenticated: a browser session (CSRF applies) or an API token. */
  via: 'session' | 'token' | 'cli';
};
export type VisitorActor = { kind: 'visitor' };
export type Actor = UserActor | VisitorActor;

export const VISITOR: VisitorActor = { kind: 'visitor' };

export function isAdmin(actor: Actor): boolean {
  return actor.kind === 'user' && actor.role === 'admin';
}

/** A member belongs to an organisation; a coordinator runs a region; an admin needs neither. */
export function roleScopeProblem(
  role: Role,
  organisationId: string | null,
  regionId: string | null,
): string | null {
  if (role === 'member' && !organisationId)
    return 'A member must belong to an organisation (--organisation).';
  if (role === 'coordinator' && !regionId) return 'A coordinator must run a region (--region).';
  return null;
}
