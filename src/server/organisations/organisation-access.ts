import type { Db } from '../../db/create-db.ts';
import { findOrganisation } from '../../db/queries/organisations.ts';
import { canEditOrganisation, canReadOrganisation } from '../../domain/auth/permissions.ts';
import type { Actor } from '../../domain/auth/roles.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { requireUser } from '../auth/actor.ts';

/** An organisation the actor may read; one it may not read is reported as missing (404). */
export async function loadReadableOrganisation(db: Db, actor: Actor, id: string) {
  const found = await findOrganisation(db, id);
  if (!found || !canReadOrganisation(actor, found.organisation)) throw notFound('Organisation');
  return found;
}

/**
 * An organisation the actor may edit — and with it its competences, infrastructure and
 * contacts: visitors 401, readable but not editable 403, unreadable 404.
 */
export async function loadEditableOrganisation(db: Db, actor: Actor, id: string) {
  const user = requireUser(actor);
  const found = await loadReadableOrganisation(db, user, id);
  if (!canEditOrganisation(user, found.organisation))
    throw new AppError('forbidden', 'You may not change this organisation');
  return { ...found, actor: user };
}
