import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/create-db.ts';
import { readDataVersion } from '../../db/queries/data-versions.ts';
import {
  type CordisStamp,
  cordisOrganisationsChangedSince,
  cordisParticipationPages,
  cordisStamp,
  findChallengeForPartners,
  findTopicForPartners,
  loadCordisOrganisationsForPartners,
  loadCordisProjectsForPartners,
  loadRegistryForPartners,
  registryStamps,
} from '../../db/queries/partners.ts';
import { organisationVisibility } from '../../domain/auth/permissions.ts';
import type { Actor } from '../../domain/auth/roles.ts';
import { canReadChallenge } from '../../domain/challenges/challenge-permissions.ts';
import { notFound } from '../../domain/errors.ts';
import {
  applyCordisOrganisationChanges,
  applyRegistryChanges,
  candidateByKey,
  candidatesForStages,
  type PartnerFilters,
  type PartnerIndex,
  startPartnerIndex,
} from '../../domain/partners/partner-index.ts';
import type { PartnerCandidate } from '../../domain/projects/partner-candidate.ts';
import { tagText } from '../../domain/taxonomy/tagging.ts';
import { VERSION_CHECK_INTERVAL_MS } from '../organisations/versioned-read-model.ts';
import { tagIndexReadModelFor } from '../tagging/tag-index-read-model.ts';

/**
 * The partner-search index in memory (decision 014), kept current through `data_versions`
 * scopes `registry` and `cordis` (decision 006). Checked at most every VERSION_CHECK_INTERVAL_MS:
 * - a registry change re-reads only the organisations whose updated_at moved (a competence
 *   change touches its organisation) and those gone, and patches them in;
 * - a CORDIS change that touched only organisation rows (same project, organisation and
 *   participation counts, no newer project) patches those rows in; anything else (an import)
 *   rebuilds the whole index from the database.
 */

export type PartnerState = {
  index: PartnerIndex;
  registryVersion: number;
  cordisVersion: number;
  registryStamps: Map<string, string>;
  cordis: CordisStamp;
};

export type PartnerReadModel = {
  current(): Promise<PartnerIndex>;
  /** Check the versions now (after a write through this server). */
  refresh(): Promise<PartnerIndex>;
  /** Rebuild everything now. */
  rebuild(): Promise<PartnerIndex>;
  /** What the last update did: 'build', 'patch' or 'none' (for tests and the bench). */
  lastUpdate(): { kind: 'build' | 'patch' | 'none'; ms: number };
};

export async function buildPartnerState(
  db: Db,
  currentYear = new Date().getUTCFullYear(),
): Promise<PartnerState> {
  const registryVersion = await readDataVersion(db, 'registry');
  const cordisVersion = await readDataVersion(db, 'cordis');
  const [stamps, cordis, projects, organisations] = await Promise.all([
    registryStamps(db),
    cordisStamp(db),
    loadCordisProjectsForPartners(db),
    loadCordisOrganisationsForPartners(db),
  ]);
  const builder = startPartnerIndex(projects, organisations, { currentYear });
  for await (const page of cordisParticipationPages(db))
    for (let i = 0; i < page.projectIds.length; i++)
      builder.addParticipation(
        page.projectIds[i]!,
        page.organisationIds[i]!,
        page.coordinator[i] ? 'coordinator' : 'participant',
        page.ecContribution[i]!,
      );
  const registry = await loadRegistryForPartners(db);
  const index = builder.finish(registry, { registry: registryVersion, cordis: cordisVersion });
  return { index, registryVersion, cordisVersion, registryStamps: stamps, cordis };
}

/** Registry rows changed since the stamps: re-read those, drop the gone ones. */
async function patchRegistry(db: Db, state: PartnerState, version: number): Promise<void> {
  const stamps = await registryStamps(db);
  const changed: string[] = [];
  for (const [id, stamp] of stamps) if (state.registryStamps.get(id) !== stamp) changed.push(id);
  const removed = [...state.registryStamps.keys()].filter((id) => !stamps.has(id));
  applyRegistryChanges(state.index, await loadRegistryForPartners(db, changed), removed);
  state.registryStamps = stamps;
  state.registryVersion = version;
  state.index.version.registry = version;
}

/** Only organisation rows changed: patch them. False when the change needs a rebuild. */
async function patchCordis(db: Db, state: PartnerState, version: number): Promise<boolean> {
  const stamp = await cordisStamp(db);
  const before = state.cordis;
  if (
    stamp.projects !== before.projects ||
    stamp.projectsChangedAt !== before.projectsChangedAt ||
    stamp.organisations !== before.organisations ||
    stamp.participations !== before.participations
  )
    return false;
  const changed = await cordisOrganisationsChangedSince(db, before.organisationsChangedAt);
  if (!applyCordisOrganisationChanges(state.index, changed)) return false;
  state.cordis = stamp;
  state.cordisVersion = version;
  state.index.version.cordis = version;
  return true;
}

export function createPartnerReadModel(db: Db): PartnerReadModel {
  let state: PartnerState | null = null;
  let checkedAt = 0;
  let last: { kind: 'build' | 'patch' | 'none'; ms: number } = { kind: 'none', ms: 0 };

  async function build(): Promise<PartnerIndex> {
    const started = performance.now();
    state = await buildPartnerState(db);
    checkedAt = Date.now();
    last = { kind: 'build', ms: performance.now() - started };
    return state.index;
  }

  async function update(): Promise<PartnerIndex> {
    if (!state) return build();
    const started = performance.now();
    const [registryVersion, cordisVersion] = [
      await readDataVersion(db, 'registry'),
      await readDataVersion(db, 'cordis'),
    ];
    checkedAt = Date.now();
    let kind: 'patch' | 'none' = 'none';
    if (cordisVersion !== state.cordisVersion) {
      if (!(await patchCordis(db, state, cordisVersion))) return build();
      kind = 'patch';
    }
    if (registryVersion !== state.registryVersion) {
      await patchRegistry(db, state, registryVersion);
      kind = 'patch';
    }
    last = { kind, ms: performance.now() - started };
    return state.index;
  }

  // One update at a time (patches change the index in place); concurrent readers share one check.
  let queue: Promise<unknown> = Promise.resolve();
  let checking: Promise<PartnerIndex> | null = null;
  function run(step: () => Promise<PartnerIndex>): Promise<PartnerIndex> {
    const next = queue.then(step);
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    async current() {
      if (state && Date.now() - checkedAt < VERSION_CHECK_INTERVAL_MS) return state.index;
      checking ??= run(update).finally(() => {
        checking = null;
      });
      return checking;
    },
    refresh: () => run(update),
    rebuild: () => run(build),
    lastUpdate: () => last,
  };
}

const models = new WeakMap<Db, PartnerReadModel>();

/** One partner index per database handle, shared by partner search and the consortium builder. */
export function partnerReadModelFor(db: Db): PartnerReadModel {
  let model = models.get(db);
  if (!model) {
    model = createPartnerReadModel(db);
    models.set(db, model);
  }
  return model;
}

// ── What a search starts from ──

export type PartnerQueryInput = { challengeId?: string; text?: string; topic?: string };

export type ResolvedQuery = {
  text: string;
  concepts: Map<string, number>;
  topic: string | undefined;
};

/**
 * A challenge (its text and confirmed concepts; one the actor may not read is "not found"), a
 * call topic (CORDIS topic title, Kenno calls of that topic) or free text, tagged into
 * value-chain concepts; explicit concept ids count fully.
 */
export async function resolvePartnerQuery(
  db: Db,
  actor: Actor,
  input: PartnerQueryInput,
  conceptIds: readonly string[] = [],
): Promise<ResolvedQuery> {
  const concepts = new Map<string, number>();
  const texts: string[] = [];
  if (input.challengeId) {
    const challenge = await findChallengeForPartners(db, input.challengeId);
    if (!challenge || !canReadChallenge(actor, challenge)) throw notFound('Challenge');
    texts.push(challenge.title, challenge.description);
    for (const c of challenge.conceptIds) concepts.set(c, 1);
  }
  if (input.topic) {
    const topic = await findTopicForPartners(db, input.topic);
    if (topic.text) texts.push(topic.text);
    for (const c of topic.conceptIds) concepts.set(c, 1);
  }
  if (input.text) texts.push(input.text);
  const text = texts.join('\n').slice(0, 20_000);
  if (text.trim()) {
    const { index } = await tagIndexReadModelFor(db).current();
    for (const tag of tagText(index, text))
      concepts.set(tag.conceptId, Math.max(concepts.get(tag.conceptId) ?? 0, tag.score));
  }
  for (const c of conceptIds) concepts.set(c, 1);
  return { text, concepts, topic: input.topic?.trim() || undefined };
}

// ── The handle other modules use (the consortium builder) ──

export type CandidatesForStagesInput = {
  stageIds: string[];
  query?: PartnerQueryInput;
  actor: Actor;
  filters?: PartnerFilters;
  perStage: number;
};

export type PartnerIndexHandle = {
  /** The best candidates for each stage, merged by key; relevance 0–1. */
  candidatesForStages(input: CandidatesForStagesInput): Promise<PartnerCandidate[]>;
  /** One candidate by key ('registry:<id>' or 'cordis:<id>'), null when unknown or not readable. */
  candidate(key: string, actor: Actor): Promise<PartnerCandidate | null>;
  readModel(): PartnerReadModel;
};

declare module 'fastify' {
  interface FastifyInstance {
    partnerDb?: Db;
    /** The partner index handle of this app (see getPartnerIndex). */
    partnerIndex?: PartnerIndexHandle;
  }
}

/** Called by the partner routes: makes getPartnerIndex(app) work for every route of the app. */
export function providePartnerIndex(app: FastifyInstance, db: Db): void {
  if (!app.hasDecorator('partnerDb')) app.decorate('partnerDb', db);
  if (!app.hasDecorator('partnerIndex')) app.decorate('partnerIndex', handleFor(db));
}

export function handleFor(db: Db): PartnerIndexHandle {
  const model = partnerReadModelFor(db);
  return {
    async candidatesForStages(input) {
      const query = await resolvePartnerQuery(db, input.actor, input.query ?? {});
      const index = await model.current();
      return candidatesForStages(index, {
        text: query.text,
        concepts: query.concepts,
        topic: query.topic,
        filters: input.filters,
        visibility: organisationVisibility(input.actor),
        stageIds: input.stageIds,
        perStage: Math.max(1, Math.min(100, Math.floor(input.perStage))),
      });
    },
    async candidate(key, actor) {
      return candidateByKey(await model.current(), key, organisationVisibility(actor));
    },
    readModel: () => model,
  };
}

/**
 * The partner index of this app's database. The handle resolves the database when it is used,
 * so it may be taken while routes are registered, before or after the partner routes.
 */
export function getPartnerIndex(app: FastifyInstance): PartnerIndexHandle {
  const resolve = () => {
    const db = app.partnerDb;
    if (!db) throw new Error('Partner routes are not registered on this app');
    return handleFor(db);
  };
  return {
    candidatesForStages: (input) => resolve().candidatesForStages(input),
    candidate: (key, actor) => resolve().candidate(key, actor),
    readModel: () => resolve().readModel(),
  };
}

/** The same, as the contract names it. */
export const partnerIndex = getPartnerIndex;
