import { finnishBusinessIdOf, normaliseOrganisationName } from './cordis-values.ts';

/**
 * Links between CORDIS organisations and registry organisations (pure). A Finnish participant
 * is linked at import when its VAT number is the registry organisation's business ID
 * (FI02459042 ↔ 0245904-2: method `vat`; a VAT cell holding the business ID itself: method
 * `business_id`). Otherwise a registry organisation with the same name (legal forms, case and
 * punctuation aside) — and only one such — is stored as a suggestion that a coordinator of its
 * region or an admin confirms (`name_confirmed`) or rejects. A link a person made is never
 * changed by an import, and a pair a person rejected or unlinked is never made or suggested again.
 */

export type LinkMethod = 'business_id' | 'vat' | 'name_confirmed';

export type CordisLinkState = {
  id: string;
  name: string;
  vatNumber: string | null;
  country: string | null;
  registryOrganisationId: string | null;
  linkMethod: LinkMethod | null;
  suggestedOrganisationId: string | null;
};

export type RegistryOrganisationRef = { id: string; name: string; businessId: string | null };

export type LinkChange = {
  id: string;
  registryOrganisationId: string | null;
  linkMethod: LinkMethod | null;
  suggestedOrganisationId: string | null;
};

export type LinkIndex = {
  byBusinessId: ReadonlyMap<string, string>;
  /** Normalised name → registry ids with that name. */
  byName: ReadonlyMap<string, string[]>;
  ids: ReadonlySet<string>;
};

export function buildLinkIndex(registry: readonly RegistryOrganisationRef[]): LinkIndex {
  const byBusinessId = new Map<string, string>();
  const byName = new Map<string, string[]>();
  for (const org of registry) {
    if (org.businessId) byBusinessId.set(org.businessId, org.id);
    const key = normaliseOrganisationName(org.name);
    if (key) byName.set(key, [...(byName.get(key) ?? []), org.id]);
  }
  return { byBusinessId, byName, ids: new Set(registry.map((o) => o.id)) };
}

/** The link a CORDIS organisation should have now, or null when it stays as it is. */
export function planLink(
  org: CordisLinkState,
  index: LinkIndex,
  rejected: ReadonlySet<string>,
): LinkChange | null {
  if (org.country !== 'FI') return null;
  // A person's decision stands.
  if (org.linkMethod === 'name_confirmed' && org.registryOrganisationId) return null;
  const byId = finnishBusinessIdOf(org.vatNumber);
  const found = byId ? index.byBusinessId.get(byId.businessId) : undefined;
  // A link a person removed (unlink) or refused is not made again by the next import.
  const registryId = found && !rejected.has(`${org.id}\t${found}`) ? found : undefined;
  if (byId && registryId) {
    if (
      org.registryOrganisationId === registryId &&
      org.linkMethod === byId.method &&
      !org.suggestedOrganisationId
    )
      return null;
    return {
      id: org.id,
      registryOrganisationId: registryId,
      linkMethod: byId.method,
      suggestedOrganisationId: null,
    };
  }
  if (org.registryOrganisationId) return null;
  const named = index.byName.get(normaliseOrganisationName(org.name)) ?? [];
  const suggestion = named.length === 1 && !rejected.has(`${org.id}\t${named[0]}`) ? named[0]! : null;
  if (suggestion === org.suggestedOrganisationId) return null;
  return { id: org.id, registryOrganisationId: null, linkMethod: null, suggestedOrganisationId: suggestion };
}

export type LinkAction = 'confirm' | 'reject' | 'unlink';

/** What a person's decision does to a CORDIS organisation's link; null when it does not apply. */
export function applyLinkAction(
  org: Pick<CordisLinkState, 'id' | 'registryOrganisationId' | 'suggestedOrganisationId'>,
  action: LinkAction,
): LinkChange | null {
  switch (action) {
    case 'confirm':
      return org.suggestedOrganisationId
        ? {
            id: org.id,
            registryOrganisationId: org.suggestedOrganisationId,
            linkMethod: 'name_confirmed',
            suggestedOrganisationId: null,
          }
        : null;
    case 'reject':
      return org.suggestedOrganisationId
        ? {
            id: org.id,
            registryOrganisationId: org.registryOrganisationId,
            linkMethod: null,
            suggestedOrganisationId: null,
          }
        : null;
    case 'unlink':
      return org.registryOrganisationId
        ? { id: org.id, registryOrganisationId: null, linkMethod: null, suggestedOrganisationId: null }
        : null;
  }
}

/** The registry organisation a decision is about: its region decides who may make it. */
export function organisationOfAction(
  org: Pick<CordisLinkState, 'registryOrganisationId' | 'suggestedOrganisationId'>,
  action: LinkAction,
): string | null {
  return action === 'unlink' ? org.registryOrganisationId : org.suggestedOrganisationId;
}
