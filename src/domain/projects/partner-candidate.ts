/**
 * A possible consortium partner as the partner-search index sees it: a registry organisation or a
 * CORDIS organisation (linked ones appear once, as the registry organisation, with their CORDIS
 * track record). The consortium builder (consortium-suggest.ts) chooses among these.
 */
export type PartnerCandidate = {
  /** 'registry:<organisation id>' or 'cordis:<CORDIS organisationID>'. */
  key: string;
  kind: 'registry' | 'cordis';
  organisationId: string | null;
  cordisOrganisationId: string | null;
  name: string;
  /** ISO 3166-1 alpha-2 (CORDIS EL/UK already mapped to GR/GB). */
  country: string;
  /** Registry type (company, university, …) or CORDIS activityType (PRC, HES, REC, PUB, OTH). */
  type: string;
  isSme: boolean;
  isNonProfit: boolean;
  /** Network region for registry organisations, null otherwise. */
  regionId: string | null;
  /** Value-chain stages (top-level concept ids: raw, refining, pcam, cam, …) this partner covers. */
  stageIds: string[];
  /** Relevance to the query, 0–1 (text, concepts, track record). */
  relevance: number;
  /** Group key of entities under common control (same legal entity group); null = independent. */
  legalEntityGroup: string | null;
};
