import type { Localized } from '../i18n/localized.ts';
import type { PartnerCandidate } from '../projects/partner-candidate.ts';
import { queryTerms, textTerms } from './partner-text.ts';

/**
 * The partner-search index (decision 014): every registry organisation and every CORDIS
 * organisation as one candidate slot, scored per query by
 * - text: BM25 over the candidate's own words (names; registry descriptions in fi/sv/en);
 * - concepts: the query's value-chain concepts against the candidate's concept profile
 *   (registry competences by strength; for CORDIS organisations the concepts of their projects);
 * - track record: CORDIS projects scored against the query (BM25 over title, objective and
 *   keywords, concept overlap, call topic), carried to each participant weighted by recency,
 *   coordinator role and EC contribution;
 * - complementarity: the value-chain stages the candidate adds that the chosen partners lack.
 *
 * The CORDIS part (100,000 projects, 1,000,000 participations, 200,000 organisations) lives in
 * typed arrays in compressed-row form, built once per CORDIS data version. Registry
 * organisations and CORDIS organisations changed since that build live in a small mutable
 * segment beside it (maps), so a changed organisation is applied without a rebuild. Pure: no I/O.
 */

export const VALUE_CHAIN_STAGES = [
  'raw',
  'refining',
  'pcam',
  'cam',
  'anode',
  'electrolyte',
  'separator',
  'cell',
  'pack',
  'app',
  'second-life',
  'recycling',
  'cross',
] as const;
const STAGE_BIT = new Map<string, number>(VALUE_CHAIN_STAGES.map((s, i) => [s, 1 << i]));

export function stageOf(conceptId: string): string {
  const dot = conceptId.indexOf('.');
  return dot < 0 ? conceptId : conceptId.slice(0, dot);
}

function stageMaskOf(conceptIds: Iterable<string>): number {
  let mask = 0;
  for (const c of conceptIds) mask |= STAGE_BIT.get(stageOf(c)) ?? 0;
  return mask;
}

export function stagesOfMask(mask: number): string[] {
  return VALUE_CHAIN_STAGES.filter((_, i) => (mask & (1 << i)) !== 0);
}

/** CORDIS country codes that differ from ISO 3166-1. */
export function isoCountry(code: string | null | undefined): string {
  const upper = (code ?? '').trim().toUpperCase();
  if (upper === 'EL') return 'GR';
  if (upper === 'UK') return 'GB';
  return upper;
}

const NON_PROFIT_REGISTRY_TYPES = new Set([
  'university',
  'uas',
  'vocational',
  'research_org',
  'city',
  'municipality',
  'development_company',
  'cluster_organisation',
  'association',
  'funder',
]);
const NON_PROFIT_ACTIVITY = new Set(['HES', 'REC', 'PUB']);

// ── Inputs ──

export type CordisProjectInput = {
  id: string;
  acronym: string;
  title: string;
  /** Title, objective and keywords: what the project's text is matched on. */
  text: string;
  topics: string[];
  conceptIds: string[];
  /** End (else start) year: recent work counts more. */
  year: number | null;
};

export type CordisOrganisationInput = {
  id: string;
  name: string;
  shortName: string | null;
  country: string | null;
  activityType: string | null;
  sme: boolean | null;
  registryOrganisationId: string | null;
};

export type RegistryOrganisationInput = {
  id: string;
  name: string;
  nameEn: string | null;
  type: string;
  regionId: string | null;
  isPublic: boolean;
  /** As the registry says (a person or an import); null: not known, the linked CORDIS rows decide. */
  sme: boolean | null;
  description: Localized;
  competences: { conceptId: string; strength: string }[];
};

const STRENGTH_WEIGHT: Record<string, number> = { core: 1, active: 0.75, interest: 0.4 };

// ── Compressed rows ──

/** Rows of (column, value) pairs: row r is offsets[r] … offsets[r+1]. */
type Csr = { offsets: Int32Array; columns: Int32Array; values: Float32Array };

/** Builds a CSR from unordered (row, column, value) triples by counting sort. */
function csrFrom(rows: number, rowOf: Int32Array, colOf: Int32Array, valOf: Float32Array, n: number): Csr {
  const offsets = new Int32Array(rows + 1);
  for (let i = 0; i < n; i++) offsets[rowOf[i]! + 1]!++;
  for (let r = 0; r < rows; r++) offsets[r + 1]! += offsets[r]!;
  const fill = offsets.slice(0, rows);
  const columns = new Int32Array(n);
  const values = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const at = fill[rowOf[i]!]!++;
    columns[at] = colOf[i]!;
    values[at] = valOf[i]!;
  }
  return { offsets, columns, values };
}

/** Columns become rows: (row r, column c) → (row c, column r); values hold the entry's position. */
function transpose(csr: Csr, rows: number): Csr {
  const n = csr.columns.length;
  const rowOf = new Int32Array(n);
  const position = new Float32Array(n);
  for (let r = 0; r + 1 < csr.offsets.length; r++)
    for (let i = csr.offsets[r]!; i < csr.offsets[r + 1]!; i++) {
      rowOf[i] = r;
      position[i] = i;
    }
  return csrFrom(rows, csr.columns, rowOf, position, n);
}

function grownTally(tally: Int32Array): Int32Array {
  const next = new Int32Array(tally.length * 2);
  next.set(tally);
  return next;
}

/** Growable triples for csrFrom. */
class Triples {
  rows: Int32Array;
  cols: Int32Array;
  vals: Float32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.rows = new Int32Array(Math.max(16, capacity));
    this.cols = new Int32Array(Math.max(16, capacity));
    this.vals = new Float32Array(Math.max(16, capacity));
  }
  push(row: number, col: number, val: number) {
    if (this.length === this.rows.length) {
      const size = this.rows.length * 2;
      const grow = <T extends Int32Array | Float32Array>(a: T, make: (n: number) => T) => {
        const next = make(size);
        next.set(a);
        return next;
      };
      this.rows = grow(this.rows, (n) => new Int32Array(n));
      this.cols = grow(this.cols, (n) => new Int32Array(n));
      this.vals = grow(this.vals, (n) => new Float32Array(n));
    }
    this.rows[this.length] = row;
    this.cols[this.length] = col;
    this.vals[this.length] = val;
    this.length++;
  }
  csr(rows: number): Csr {
    return csrFrom(rows, this.rows, this.cols, this.vals, this.length);
  }
}

/** Interns strings to dense numbers. */
class Dictionary {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  intern(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }
}

// ── The index ──

const FLAG_SME = 1;
const FLAG_NON_PROFIT = 2;
const FLAG_PUBLIC = 4;
const FLAG_ALIVE = 8;
/** A CORDIS organisation linked to a registry organisation: it appears as that one. */
const FLAG_LINKED = 16;
/** A CORDIS organisation changed since the build: its words and profile are in the live segment. */
const FLAG_PATCHED = 32;

type LiveDoc = { terms: Map<number, number>; length: number; profile: Map<number, number> };

type RegistryEntry = {
  slot: number;
  input: RegistryOrganisationInput;
  /** CORDIS slots linked to this organisation (their track record is its track record). */
  linked: number[];
};

export type PartnerIndex = {
  version: { registry: number; cordis: number };
  currentYear: number;
  // Dictionaries shared by every segment.
  terms: Dictionary;
  concepts: Dictionary;
  countries: Dictionary;
  types: Dictionary;
  regions: Dictionary;
  // Projects (immutable per CORDIS build).
  projectCount: number;
  projectIds: string[];
  projectAcronyms: string[];
  projectTitles: string[];
  projectYears: Int16Array;
  projectLength: Float32Array;
  projectAvgLength: number;
  /** term → projects (value = term frequency). */
  projectTerms: Csr;
  /** concept → projects. */
  projectConcepts: Csr;
  topicProjects: Map<string, Int32Array>;
  /** project → participating CORDIS slots (value = weight from role and EC contribution). */
  participants: Csr;
  /** organisation → its projects (value = the participation's position in `participants`). */
  projectsByOrganisation: Csr;
  /** Participation flags parallel to participants.columns: 1 = coordinator. */
  participantCoordinator: Uint8Array;
  participantEc: Float32Array;
  // Candidate slots: CORDIS organisations 0 … cordisCount-1, then registry organisations.
  cordisCount: number;
  capacity: number;
  slotIds: string[];
  slotNames: string[];
  slotCountry: Uint16Array;
  slotType: Uint16Array;
  slotRegion: Int32Array;
  slotFlags: Uint8Array;
  slotStages: Uint16Array;
  cordisIndex: Map<string, number>;
  cordisInputs: CordisOrganisationInput[];
  // CORDIS organisations' own words and concept profiles (immutable per build).
  cordisTerms: Csr;
  /** The same by organisation: its base words (to take them out of the counts when patched). */
  cordisTermsByOrganisation: Csr;
  cordisLength: Float32Array;
  /** Base postings of patched organisations, per term: not counted in document frequencies. */
  removedDf: Map<number, number>;
  cordisProfileByConcept: Csr;
  cordisProfile: Csr;
  // The live segment: registry organisations and patched CORDIS organisations.
  live: Map<number, LiveDoc>;
  liveTermPostings: Map<number, Map<number, number>>;
  liveConceptPostings: Map<number, Map<number, number>>;
  registry: Map<string, RegistryEntry>;
  freeSlots: number[];
  /** CORDIS slots linked to a registry id, as of the build and patches. */
  linkedTo: Map<string, number[]>;
  /** Word counts for BM25 length normalisation, per kind (names alone; registry profiles). */
  cordisLengthSum: number;
  registryLengthSum: number;
  // Scratch buffers for one query at a time (JavaScript runs one at a time).
  scratch: Scratch;
};

type Scratch = {
  projectScore: Float32Array;
  projectConcept: Float32Array;
  projectMark: Uint8Array;
  projectTouched: Int32Array;
  /** Per slot [text, concept, track, touched] (see STRIDE). */
  acc: Float32Array;
  touchedList: Int32Array;
};

function createScratch(projects: number, slots: number): Scratch {
  return {
    projectScore: new Float32Array(projects),
    projectConcept: new Float32Array(projects),
    projectMark: new Uint8Array(projects),
    projectTouched: new Int32Array(projects),
    acc: new Float32Array(slots * 4),
    touchedList: new Int32Array(slots),
  };
}

export type CordisBuilder = {
  addParticipation(
    projectId: string,
    organisationId: string,
    role: string,
    ecContribution: number | null,
  ): void;
  finish(registry: RegistryOrganisationInput[], version: { registry: number; cordis: number }): PartnerIndex;
};

/**
 * Starts an index from CORDIS projects and organisations; participations are streamed in (a
 * million rows need not be held as objects), then `finish` adds the registry.
 */
export function startPartnerIndex(
  projects: readonly CordisProjectInput[],
  organisations: readonly CordisOrganisationInput[],
  options: { currentYear: number },
): CordisBuilder {
  const terms = new Dictionary();
  const concepts = new Dictionary();
  const countries = new Dictionary();
  const types = new Dictionary();
  const regions = new Dictionary();
  countries.intern('');
  types.intern('');
  const projectCount = projects.length;
  const projectIndex = new Map<string, number>();
  const projectYears = new Int16Array(projectCount);
  const projectLength = new Float32Array(projectCount);
  const projectTerms = new Triples(projects.length * 48);
  const projectConcepts = new Triples();
  const topicLists = new Map<string, number[]>();
  const projectConceptLists: Int32Array[] = new Array(projectCount);
  let totalLength = 0;
  // Term frequencies of one text: a counter per term id, reset after each text.
  let tally: Int32Array = new Int32Array(1 << 16);
  const termSeen: number[] = [];
  for (let p = 0; p < projectCount; p++) {
    const project = projects[p]!;
    projectIndex.set(project.id, p);
    projectYears[p] = project.year ?? 0;
    const words = textTerms(project.text);
    for (const w of words) {
      const t = terms.intern(w);
      if (t >= tally.length) tally = grownTally(tally);
      if (tally[t] === 0) termSeen.push(t);
      tally[t]!++;
    }
    projectLength[p] = words.length;
    totalLength += words.length;
    for (const t of termSeen) {
      projectTerms.push(t, p, tally[t]!);
      tally[t] = 0;
    }
    termSeen.length = 0;
    const own = new Set<number>();
    for (const c of project.conceptIds) own.add(concepts.intern(c));
    projectConceptLists[p] = Int32Array.from(own);
    for (const c of own) projectConcepts.push(c, p, 1);
    for (const topic of project.topics) {
      const key = topic.trim().toUpperCase();
      if (!key) continue;
      const list = topicLists.get(key);
      if (list) list.push(p);
      else topicLists.set(key, [p]);
    }
  }

  const cordisCount = organisations.length;
  const cordisIndex = new Map<string, number>();
  organisations.forEach((o, i) => {
    cordisIndex.set(o.id, i);
  });
  const participations = new Triples(projects.length * 10);
  const coordinatorFlags: number[] = [];
  const ecs: number[] = [];

  return {
    addParticipation(projectId, organisationId, role, ecContribution) {
      const p = projectIndex.get(projectId);
      const o = cordisIndex.get(organisationId);
      if (p === undefined || o === undefined) return;
      participations.push(p, o, coordinatorFlags.length);
      coordinatorFlags.push(role.toLowerCase() === 'coordinator' ? 1 : 0);
      ecs.push(ecContribution ?? 0);
    },
    finish(registry, version) {
      const participants = participations.csr(projectCount);
      // values held the participation's number: turn them into flags and EC contributions.
      const participantCoordinator = new Uint8Array(participants.columns.length);
      const participantEc = new Float32Array(participants.columns.length);
      for (let i = 0; i < participants.columns.length; i++) {
        const n = participants.values[i]!;
        participantCoordinator[i] = coordinatorFlags[n]!;
        participantEc[i] = ecs[n]!;
        participants.values[i] = participationWeight(coordinatorFlags[n]!, ecs[n]!);
      }
      // CORDIS organisations' concept profiles from their projects: per concept, the share of
      // the organisation's projects that carry it × (1 − ½^projects), so a specialist scores
      // above an institute with hundreds of projects on everything. Stages: those of at least a
      // tenth of its projects, or of three.
      const stageOfConcept = Int32Array.from(concepts.names, (c) => STAGE_BIT.get(stageOf(c)) ?? 0);
      const byOrg = transpose(participants, cordisCount);
      const counts = new Int32Array(concepts.names.length);
      const seen: number[] = [];
      const profile = new Triples(organisations.length * 4);
      const byOrganisation = new Triples(organisations.length * 4);
      const slotStages = new Uint16Array(cordisCount);
      const stageCounts = new Int32Array(VALUE_CHAIN_STAGES.length);
      for (let o = 0; o < cordisCount; o++) {
        const start = byOrg.offsets[o]!;
        const end = byOrg.offsets[o + 1]!;
        const total = end - start;
        for (let i = start; i < end; i++) {
          const list = projectConceptLists[byOrg.columns[i]!]!;
          let stagesOfProject = 0;
          for (let k = 0; k < list.length; k++) {
            const c = list[k]!;
            if (counts[c] === 0) seen.push(c);
            counts[c]!++;
            stagesOfProject |= stageOfConcept[c]!;
          }
          for (let b = 0; b < VALUE_CHAIN_STAGES.length; b++)
            if (stagesOfProject & (1 << b)) stageCounts[b]!++;
        }
        let mask = 0;
        for (let b = 0; b < VALUE_CHAIN_STAGES.length; b++) {
          if (stageCounts[b]! >= 3 || (stageCounts[b]! > 0 && stageCounts[b]! >= total / 10)) mask |= 1 << b;
          stageCounts[b] = 0;
        }
        for (const c of seen) {
          const n = counts[c]!;
          const w = (n / total) * (1 - 0.5 ** n);
          profile.push(c, o, w);
          byOrganisation.push(o, c, w);
          counts[c] = 0;
        }
        seen.length = 0;
        slotStages[o] = mask;
      }
      const cordisTerms = new Triples(organisations.length * 5);
      const termsByOrganisation = new Triples(organisations.length * 5);
      const cordisLength = new Float32Array(cordisCount);
      let candidateLength = 0;
      for (let o = 0; o < cordisCount; o++) {
        const org = organisations[o]!;
        const words = textTerms(`${org.name} ${org.shortName ?? ''}`, 40);
        for (const w of words) {
          const t = terms.intern(w);
          if (t >= tally.length) tally = grownTally(tally);
          if (tally[t] === 0) termSeen.push(t);
          tally[t]!++;
        }
        for (const t of termSeen) {
          cordisTerms.push(t, o, tally[t]!);
          termsByOrganisation.push(o, t, tally[t]!);
          tally[t] = 0;
        }
        termSeen.length = 0;
        cordisLength[o] = words.length;
        candidateLength += words.length;
      }
      const topicProjects = new Map<string, Int32Array>();
      for (const [k, list] of topicLists) topicProjects.set(k, Int32Array.from(list));
      const capacity = cordisCount + Math.max(64, registry.length * 2);
      const index: PartnerIndex = {
        version,
        currentYear: options.currentYear,
        terms,
        concepts,
        countries,
        types,
        regions,
        projectCount,
        projectIds: projects.map((p) => p.id),
        projectAcronyms: projects.map((p) => p.acronym),
        projectTitles: projects.map((p) => p.title),
        projectYears,
        projectLength,
        projectAvgLength: projectCount ? totalLength / projectCount : 1,
        projectTerms: projectTerms.csr(terms.names.length),
        projectConcepts: projectConcepts.csr(concepts.names.length),
        topicProjects,
        participants,
        projectsByOrganisation: byOrg,
        participantCoordinator,
        participantEc,
        cordisCount,
        capacity,
        slotIds: new Array(capacity).fill(''),
        slotNames: new Array(capacity).fill(''),
        slotCountry: new Uint16Array(capacity),
        slotType: new Uint16Array(capacity),
        slotRegion: new Int32Array(capacity).fill(-1),
        slotFlags: new Uint8Array(capacity),
        slotStages: new Uint16Array(capacity),
        cordisIndex,
        cordisInputs: [...organisations],
        cordisTerms: cordisTerms.csr(terms.names.length),
        cordisTermsByOrganisation: termsByOrganisation.csr(cordisCount),
        removedDf: new Map(),
        cordisLength,
        cordisProfileByConcept: profile.csr(concepts.names.length),
        cordisProfile: byOrganisation.csr(cordisCount),
        live: new Map(),
        liveTermPostings: new Map(),
        liveConceptPostings: new Map(),
        registry: new Map(),
        freeSlots: [],
        linkedTo: new Map(),
        cordisLengthSum: candidateLength,
        registryLengthSum: 0,
        scratch: createScratch(projectCount, capacity),
      };
      index.slotStages.set(slotStages);
      for (let o = 0; o < cordisCount; o++) setCordisSlot(index, o, organisations[o]!);
      for (let s = capacity - 1; s >= cordisCount; s--) index.freeSlots.push(s);
      applyRegistryChanges(index, registry, []);
      return index;
    },
  };
}

function participationWeight(coordinator: number, ec: number): number {
  const money = 1 + 0.25 * Math.min(2, Math.log10(1 + ec / 100_000));
  return (coordinator ? 1.5 : 1) * money;
}

/** Work of six years ago counts half; an undated project a little more. */
function recency(currentYear: number, year: number): number {
  if (year <= 0) return 0.6;
  return 1 / (1 + Math.max(0, currentYear - year) / 6);
}

function setCordisSlot(index: PartnerIndex, o: number, org: CordisOrganisationInput) {
  index.slotIds[o] = `cordis:${org.id}`;
  index.slotNames[o] = org.name;
  index.slotCountry[o] = index.countries.intern(isoCountry(org.country));
  const activity = (org.activityType ?? '').toUpperCase();
  index.slotType[o] = index.types.intern(activity);
  let flags = FLAG_ALIVE | FLAG_PUBLIC | (index.slotFlags[o]! & FLAG_PATCHED);
  if (org.sme) flags |= FLAG_SME;
  if (NON_PROFIT_ACTIVITY.has(activity)) flags |= FLAG_NON_PROFIT;
  index.slotFlags[o] = flags;
  const before = index.cordisInputs[o]?.registryOrganisationId ?? null;
  index.cordisInputs[o] = org;
  if (before !== null) unlink(index, before, o);
  if (org.registryOrganisationId) {
    const list = index.linkedTo.get(org.registryOrganisationId);
    if (list) {
      if (!list.includes(o)) list.push(o);
    } else index.linkedTo.set(org.registryOrganisationId, [o]);
  }
}

function unlink(index: PartnerIndex, registryId: string, o: number) {
  const list = index.linkedTo.get(registryId);
  if (!list) return;
  const at = list.indexOf(o);
  if (at >= 0) list.splice(at, 1);
  if (list.length === 0) index.linkedTo.delete(registryId);
}

function grow(index: PartnerIndex) {
  const old = index.capacity;
  const capacity = old * 2 - index.cordisCount;
  const copy = <T extends Uint8Array | Uint16Array | Int32Array>(a: T, make: (n: number) => T, fill = 0) => {
    const next = make(capacity);
    if (fill) next.fill(fill);
    next.set(a);
    return next;
  };
  index.slotCountry = copy(index.slotCountry, (n) => new Uint16Array(n));
  index.slotType = copy(index.slotType, (n) => new Uint16Array(n));
  index.slotRegion = copy(index.slotRegion, (n) => new Int32Array(n), -1);
  index.slotFlags = copy(index.slotFlags, (n) => new Uint8Array(n));
  index.slotStages = copy(index.slotStages, (n) => new Uint16Array(n));
  index.slotIds.length = capacity;
  index.slotNames.length = capacity;
  index.slotIds.fill('', old);
  index.slotNames.fill('', old);
  for (let s = capacity - 1; s >= old; s--) index.freeSlots.push(s);
  index.capacity = capacity;
  index.scratch = createScratch(index.projectCount, capacity);
}

function setLiveDoc(
  index: PartnerIndex,
  slot: number,
  text: string,
  profile: Map<number, number>,
  maxTerms = 600,
) {
  removeLiveDoc(index, slot);
  const words = textTerms(text, maxTerms);
  const counts = new Map<number, number>();
  for (const w of words) {
    const t = index.terms.intern(w);
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  index.live.set(slot, { terms: counts, length: words.length, profile });
  for (const [t, tf] of counts) {
    postingsOf(index.liveTermPostings, t).set(slot, tf);
  }
  for (const [c, w] of profile) {
    postingsOf(index.liveConceptPostings, c).set(slot, w);
  }
}

function postingsOf(all: Map<number, Map<number, number>>, key: number): Map<number, number> {
  let postings = all.get(key);
  if (!postings) {
    postings = new Map();
    all.set(key, postings);
  }
  return postings;
}

function removeLiveDoc(index: PartnerIndex, slot: number) {
  const doc = index.live.get(slot);
  if (!doc) return;
  for (const t of doc.terms.keys()) index.liveTermPostings.get(t)?.delete(slot);
  for (const c of doc.profile.keys()) index.liveConceptPostings.get(c)?.delete(slot);
  index.live.delete(slot);
}

/** Registry organisations added or changed (whole rows with competences), and removed ids. */
export function applyRegistryChanges(
  index: PartnerIndex,
  upserts: readonly RegistryOrganisationInput[],
  removedIds: readonly string[],
): void {
  for (const id of removedIds) {
    const entry = index.registry.get(id);
    if (!entry) continue;
    index.registryLengthSum -= index.live.get(entry.slot)?.length ?? 0;
    removeLiveDoc(index, entry.slot);
    index.slotFlags[entry.slot] = 0;
    index.slotIds[entry.slot] = '';
    index.freeSlots.push(entry.slot);
    index.registry.delete(id);
  }
  for (const org of upserts) {
    let entry = index.registry.get(org.id);
    if (!entry) {
      if (index.freeSlots.length === 0) grow(index);
      entry = { slot: index.freeSlots.pop()!, input: org, linked: [] };
      index.registry.set(org.id, entry);
    }
    entry.input = org;
    const s = entry.slot;
    index.slotIds[s] = `registry:${org.id}`;
    index.slotNames[s] = org.name;
    index.slotCountry[s] = index.countries.intern('FI');
    index.slotType[s] = index.types.intern(org.type);
    index.slotRegion[s] = org.regionId ? index.regions.intern(org.regionId) : -1;
    let flags = FLAG_ALIVE;
    if (org.isPublic) flags |= FLAG_PUBLIC;
    if (NON_PROFIT_REGISTRY_TYPES.has(org.type)) flags |= FLAG_NON_PROFIT;
    index.slotFlags[s] = flags;
    const profile = new Map<number, number>();
    for (const c of org.competences) {
      const w = STRENGTH_WEIGHT[c.strength] ?? 0.4;
      const k = index.concepts.intern(c.conceptId);
      profile.set(k, Math.max(profile.get(k) ?? 0, w));
    }
    index.slotStages[s] = stageMaskOf(org.competences.map((c) => c.conceptId));
    const d = org.description;
    index.registryLengthSum -= index.live.get(s)?.length ?? 0;
    setLiveDoc(index, s, `${org.name} ${org.nameEn ?? ''} ${d.fi} ${d.sv} ${d.en}`, profile);
    index.registryLengthSum += index.live.get(s)!.length;
  }
  refreshLinks(index);
}

/**
 * Registry candidates take their linked CORDIS organisations' stages and track record, and their
 * SME flag unless the registry itself says whether the organisation is an SME.
 */
function refreshLinks(index: PartnerIndex) {
  // A CORDIS organisation appears as its registry organisation while that one exists.
  for (const [registryId, slots] of index.linkedTo) {
    const exists = index.registry.has(registryId);
    for (const o of slots)
      index.slotFlags[o] = exists ? index.slotFlags[o]! | FLAG_LINKED : index.slotFlags[o]! & ~FLAG_LINKED;
  }
  for (const [id, entry] of index.registry) {
    entry.linked = index.linkedTo.get(id) ?? [];
    const s = entry.slot;
    let flags = index.slotFlags[s]! & ~FLAG_SME;
    let stages = stageMaskOf(entry.input.competences.map((c) => c.conceptId));
    const registrySme = entry.input.sme;
    if (registrySme === true) flags |= FLAG_SME;
    for (const o of entry.linked) {
      if (registrySme === null && index.cordisInputs[o]!.sme) flags |= FLAG_SME;
      stages |= index.slotStages[o]!;
    }
    index.slotFlags[s] = flags;
    index.slotStages[s] = stages;
  }
}

/**
 * CORDIS organisations whose row changed (name, country, type, SME, registry link) while their
 * participations did not. Returns false when one is new: the caller rebuilds.
 */
export function applyCordisOrganisationChanges(
  index: PartnerIndex,
  changed: readonly CordisOrganisationInput[],
): boolean {
  if (changed.some((o) => !index.cordisIndex.has(o.id))) return false;
  for (const org of changed) {
    const o = index.cordisIndex.get(org.id)!;
    const profile = new Map<number, number>();
    const p = index.cordisProfile;
    for (let i = p.offsets[o]!; i < p.offsets[o + 1]!; i++) profile.set(p.columns[i]!, p.values[i]!);
    if (index.slotFlags[o]! & FLAG_PATCHED) index.cordisLengthSum -= index.live.get(o)?.length ?? 0;
    else {
      // First change: its base words stop counting.
      const bt = index.cordisTermsByOrganisation;
      for (let i = bt.offsets[o]!; i < bt.offsets[o + 1]!; i++)
        index.removedDf.set(bt.columns[i]!, (index.removedDf.get(bt.columns[i]!) ?? 0) + 1);
      index.cordisLengthSum -= index.cordisLength[o]!;
      index.slotFlags[o]! |= FLAG_PATCHED;
    }
    setCordisSlot(index, o, org);
    setLiveDoc(index, o, `${org.name} ${org.shortName ?? ''}`, profile, 40);
    index.cordisLengthSum += index.live.get(o)!.length;
  }
  refreshLinks(index);
  return true;
}

// ── Queries ──

export type Visibility =
  | { all: true }
  | { all: false; privateRegionId: string | null; privateOrganisationId: string | null };

export type PartnerFilters = { countries?: string[]; types?: string[]; sme?: boolean };

export type PartnerQuery = {
  text?: string;
  /** Value-chain concepts of the query with their weight 0–1 (tagged text, a challenge, a call). */
  concepts?: ReadonlyMap<string, number>;
  /** A call topic code (HORIZON-CL5-2024-D2-01-03): projects of that topic, or of a topic it prefixes. */
  topic?: string;
  /** Candidate keys already in the consortium: excluded; complementarity is judged against them. */
  chosen?: readonly string[];
  /** Stages the consortium needs; by default the stages of the query's concepts. */
  neededStages?: readonly string[];
  /** Only candidates covering this stage (the consortium builder asks stage by stage). */
  requireStage?: string;
  filters?: PartnerFilters;
  visibility: Visibility;
  limit: number;
};

export type PartnerReason =
  | { code: 'text'; params: { words: string[] } }
  | { code: 'concepts'; params: { conceptIds: string[] } }
  | {
      code: 'trackRecord';
      params: {
        projects: number;
        coordinated: number;
        ecContributionEur: number;
        best: { id: string; acronym: string; title: string; year: number | null } | null;
      };
    }
  | { code: 'topic'; params: { topic: string } }
  | { code: 'complementarity'; params: { stageIds: string[] } };

export type PartnerHit = {
  candidate: PartnerCandidate;
  score: number;
  parts: { text: number; concepts: number; trackRecord: number; complementarity: number };
  reasons: PartnerReason[];
};

export type PartnerResult = { hits: PartnerHit[]; total: number };

const K1 = 1.2;
const B = 0.75;
/** A project counts toward "related projects" from this relevance up. */
const RELATED = 0.5;
/**
 * Projects below this relevance are no track record for the query: one word of three is not
 * enough; the query's own concept alone is (0.5).
 */
const TRACK_MIN = 0.45;
/** Project text relevance is relative to the best project, or to this share of a full match. */
const IDEAL_SHARE = 0.5;
/** Track record saturates: 1 − e^(−evidence / TRACK_SCALE); one recent coordinated match ≈ 0.6. */
const TRACK_SCALE = 1.5;

function conceptWeights(index: PartnerIndex, wanted: ReadonlyMap<string, number>): Map<number, number> {
  const out = new Map<number, number>();
  if (wanted.size === 0) return out;
  for (let c = 0; c < index.concepts.names.length; c++) {
    const name = index.concepts.names[c]!;
    let best = 0;
    for (const [q, w] of wanted) {
      let m = 0;
      if (name === q) m = 1;
      else if (name.startsWith(`${q}.`)) m = 0.8;
      else if (q.startsWith(`${name}.`)) m = 0.5;
      if (m * w > best) best = m * w;
    }
    if (best > 0) out.set(c, best);
  }
  return out;
}

function isVisible(index: PartnerIndex, slot: number, visibility: Visibility): boolean {
  const flags = index.slotFlags[slot]!;
  if (visibility.all || flags & FLAG_PUBLIC) return true;
  if (slot < index.cordisCount) return false;
  const id = index.slotIds[slot]!.slice('registry:'.length);
  const entry = index.registry.get(id);
  if (!entry) return false;
  return (
    (visibility.privateRegionId !== null && entry.input.regionId === visibility.privateRegionId) ||
    (visibility.privateOrganisationId !== null && id === visibility.privateOrganisationId)
  );
}

/** The slot of a candidate key, or -1. */
export function slotOfKey(index: PartnerIndex, key: string): number {
  if (key.startsWith('registry:')) return index.registry.get(key.slice(9))?.slot ?? -1;
  if (key.startsWith('cordis:')) {
    const o = index.cordisIndex.get(key.slice(7));
    if (o === undefined) return -1;
    // A linked CORDIS organisation is its registry organisation.
    const registryId = index.cordisInputs[o]!.registryOrganisationId;
    const entry = registryId ? index.registry.get(registryId) : undefined;
    return entry ? entry.slot : o;
  }
  return -1;
}

// The per-slot accumulator of one query, interleaved so one update touches one cache line:
// [text, concept, track, touched].
const TEXT = 0;
const CONCEPT = 1;
const TRACK = 2;
const TOUCHED = 3;
const STRIDE = 4;

export function searchPartners(index: PartnerIndex, query: PartnerQuery): PartnerResult {
  const sc = index.scratch;
  const acc = sc.acc;
  const words = queryTerms(query.text ?? '');
  const termIds: number[] = [];
  for (const w of words.keys()) {
    const t = index.terms.ids.get(w);
    if (t !== undefined) termIds.push(t);
  }
  const weights = conceptWeights(index, query.concepts ?? new Map());
  const weightSum = [...(query.concepts ?? new Map()).values()].reduce((a, b) => a + b, 0);
  const topic = (query.topic ?? '').trim().toUpperCase();
  const hasText = words.size > 0;
  const hasConcepts = weightSum > 0;
  let touchedCount = 0;
  const touchedList = sc.touchedList;

  // 1. Projects against the query: BM25 over their words (relative to a project with every query
  // word), the share of the query's concepts they carry, the call topic.
  let projectsTouched = 0;
  const ps = sc.projectScore;
  const pc = sc.projectConcept;
  const mark = sc.projectMark;
  const projectTouched = sc.projectTouched;
  /** Σ idf of the query's words: what a project with each of them once at average length scores. */
  let maxText = 0;
  let bestText = 0;
  if (hasText) {
    const n = index.projectCount;
    const pt = index.projectTerms;
    // Words no project has count too (no project matches them).
    maxText += (words.size - termIds.length) * Math.log(1 + (n + 0.5) / 0.5);
    for (const t of termIds) {
      const start = pt.offsets[t] ?? 0;
      const end = pt.offsets[t + 1] ?? start;
      const df = end - start;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      maxText += idf;
      for (let i = start; i < end; i++) {
        const p = pt.columns[i]!;
        const tf = pt.values[i]!;
        const norm = K1 * (1 - B + (B * index.projectLength[p]!) / index.projectAvgLength);
        if (mark[p] === 0) {
          mark[p] = 1;
          projectTouched[projectsTouched++] = p;
        }
        const v = ps[p]! + (idf * tf * (K1 + 1)) / (tf + norm);
        ps[p] = v;
        if (v > bestText) bestText = v;
      }
    }
    // Relative to the best project, but never to less than half the ideal: long texts (a
    // challenge) match no project fully, and a query whose best match is weak stays weak.
    maxText = Math.max(bestText, IDEAL_SHARE * maxText);
  }
  if (hasConcepts) {
    const pcs = index.projectConcepts;
    for (const [c, w] of weights) {
      for (let i = pcs.offsets[c] ?? 0; i < (pcs.offsets[c + 1] ?? 0); i++) {
        const p = pcs.columns[i]!;
        if (mark[p] === 0) {
          mark[p] = 1;
          projectTouched[projectsTouched++] = p;
        }
        pc[p] = pc[p]! + w / weightSum;
      }
    }
  }
  if (topic) {
    for (const [code, list] of index.topicProjects)
      if (code === topic || code.startsWith(`${topic}-`))
        for (const p of list) {
          if (mark[p] === 0) projectTouched[projectsTouched++] = p;
          mark[p] = 2;
        }
  }
  for (let i = 0; i < projectsTouched; i++) {
    const p = projectTouched[i]!;
    const concept = Math.min(1, pc[p]!);
    // With words, concepts refine; the concepts alone (the words may be in another language than
    // the project's) count some.
    let r = hasText
      ? (maxText > 0 ? Math.min(1, ps[p]! / maxText) : 0) * (hasConcepts ? 0.75 + 0.25 * concept : 1)
      : concept;
    if (hasText && hasConcepts) r = Math.max(r, 0.5 * concept);
    if (mark[p] === 2) r = 1;
    ps[p] = r;
  }

  // 2. Track record: well-matching projects carried to their participants, r³ so that a few strong
  // matches outweigh many partial ones, by recency, role and EC contribution.
  const part = index.participants;
  for (let i = 0; i < projectsTouched; i++) {
    const p = projectTouched[i]!;
    const r = ps[p]!;
    if (r < TRACK_MIN) continue;
    const w = r * r * r * recency(index.currentYear, index.projectYears[p]!);
    const end = part.offsets[p + 1]!;
    for (let j = part.offsets[p]!; j < end; j++) {
      const at = part.columns[j]! * STRIDE;
      if (acc[at + TOUCHED] === 0) {
        acc[at + TOUCHED] = 1;
        touchedList[touchedCount++] = at;
      }
      acc[at + TRACK] = acc[at + TRACK]! + w * part.values[j]!;
    }
  }

  // 3. Candidates' own words (BM25 over both segments, each kind against its own average length).
  /** The same ideal over candidates' own words. */
  let maxOwn = 0;
  if (hasText) {
    const ct = index.cordisTerms;
    const n = index.cordisCount + index.registry.size;
    const cordisAvg = Math.max(1, index.cordisLengthSum / Math.max(1, index.cordisCount));
    const registryAvg = Math.max(1, index.registryLengthSum / Math.max(1, index.registry.size));
    for (const t of termIds) {
      const start = ct.offsets[t] ?? 0;
      const end = ct.offsets[t + 1] ?? start;
      const live = index.liveTermPostings.get(t);
      const df = end - start - (index.removedDf.get(t) ?? 0) + (live?.size ?? 0);
      if (df <= 0) continue;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      maxOwn += idf;
      for (let i = start; i < end; i++) {
        const o = ct.columns[i]!;
        if (index.slotFlags[o]! & FLAG_PATCHED) continue;
        const tf = ct.values[i]!;
        const norm = K1 * (1 - B + (B * index.cordisLength[o]!) / cordisAvg);
        const at = o * STRIDE;
        if (acc[at + TOUCHED] === 0) {
          acc[at + TOUCHED] = 1;
          touchedList[touchedCount++] = at;
        }
        acc[at + TEXT] = acc[at + TEXT]! + (idf * tf * (K1 + 1)) / (tf + norm);
      }
      if (live)
        for (const [s, tf] of live) {
          const avg = s < index.cordisCount ? cordisAvg : registryAvg;
          const norm = K1 * (1 - B + (B * index.live.get(s)!.length) / avg);
          const at = s * STRIDE;
          if (acc[at + TOUCHED] === 0) {
            acc[at + TOUCHED] = 1;
            touchedList[touchedCount++] = at;
          }
          acc[at + TEXT] = acc[at + TEXT]! + (idf * tf * (K1 + 1)) / (tf + norm);
        }
    }
  }
  // 4. Concept profiles.
  if (hasConcepts) {
    const cp = index.cordisProfileByConcept;
    for (const [c, w] of weights) {
      for (let i = cp.offsets[c] ?? 0; i < (cp.offsets[c + 1] ?? 0); i++) {
        const at = cp.columns[i]! * STRIDE;
        if (acc[at + TOUCHED] === 0) {
          acc[at + TOUCHED] = 1;
          touchedList[touchedCount++] = at;
        }
        acc[at + CONCEPT] = acc[at + CONCEPT]! + w * cp.values[i]!;
      }
      const live = index.liveConceptPostings.get(c);
      if (live)
        for (const [s, v] of live)
          if (s >= index.cordisCount) {
            const at = s * STRIDE;
            if (acc[at + TOUCHED] === 0) {
              acc[at + TOUCHED] = 1;
              touchedList[touchedCount++] = at;
            }
            acc[at + CONCEPT] = acc[at + CONCEPT]! + w * v;
          }
    }
  }
  // Registry organisations take in their linked CORDIS organisations' evidence.
  for (const entry of index.registry.values()) {
    if (entry.linked.length === 0) continue;
    const at = entry.slot * STRIDE;
    for (const o of entry.linked) {
      const from = o * STRIDE;
      if (acc[from + TOUCHED] === 0) continue;
      if (acc[at + TOUCHED] === 0) {
        acc[at + TOUCHED] = 1;
        touchedList[touchedCount++] = at;
      }
      acc[at + TRACK] = acc[at + TRACK]! + acc[from + TRACK]!;
      acc[at + CONCEPT] = Math.max(acc[at + CONCEPT]!, acc[from + CONCEPT]!);
      acc[at + TEXT] = Math.max(acc[at + TEXT]!, acc[from + TEXT]!);
    }
  }

  // 5. Combine, filter, keep the best `limit`.
  const chosenSlots = new Set<number>();
  let chosenStages = 0;
  for (const key of query.chosen ?? []) {
    const s = slotOfKey(index, key);
    if (s >= 0) {
      chosenSlots.add(s);
      chosenStages |= index.slotStages[s]!;
    }
  }
  const needed =
    query.neededStages !== undefined
      ? stageMaskOf(query.neededStages)
      : stageMaskOf((query.concepts ?? new Map()).keys());
  const missing = needed & ~chosenStages;
  const missingCount = popcount(missing);
  const useComplement = chosenSlots.size > 0 && missingCount > 0;
  const wText = hasText ? 0.2 : 0;
  const wConcept = hasConcepts ? 0.3 : 0;
  const wTrack = 0.5;
  const wSum = wText + wConcept + wTrack;
  const wComplement = useComplement ? 0.2 : 0;
  const countrySet = query.filters?.countries?.length
    ? new Set(query.filters.countries.map((c) => index.countries.ids.get(isoCountry(c)) ?? -1))
    : null;
  const typeSet = query.filters?.types?.length
    ? new Set(
        query.filters.types.map((t) => index.types.ids.get(t) ?? index.types.ids.get(t.toUpperCase()) ?? -1),
      )
    : null;
  const smeWanted = query.filters?.sme;
  const requireBit = query.requireStage ? (STAGE_BIT.get(query.requireStage) ?? -1) : 0;
  const limit = Math.max(0, query.limit);
  const heap = new TopK(limit);
  let total = 0;
  const textScale = maxOwn > 0 ? wText / maxOwn : 0;
  const conceptScale = weightSum > 0 ? wConcept / weightSum : 0;
  for (let i = 0; i < touchedCount; i++) {
    const at = touchedList[i]!;
    const s = at / STRIDE;
    const flags = index.slotFlags[s]!;
    if (!(flags & FLAG_ALIVE) || flags & FLAG_LINKED) continue;
    const track = acc[at + TRACK]!;
    const score0 =
      (Math.min(wText, textScale * acc[at + TEXT]!) +
        Math.min(wConcept, conceptScale * acc[at + CONCEPT]!) +
        (track > 0 ? wTrack * (1 - Math.exp(-track / TRACK_SCALE)) : 0)) /
      wSum;
    if (score0 <= 0) continue;
    if (countrySet && !countrySet.has(index.slotCountry[s]!)) continue;
    if (typeSet && !typeSet.has(index.slotType[s]!)) continue;
    if (smeWanted !== undefined && Boolean(flags & FLAG_SME) !== smeWanted) continue;
    if (requireBit !== 0 && (requireBit < 0 || (index.slotStages[s]! & requireBit) === 0)) continue;
    if (!(flags & FLAG_PUBLIC) && !isVisible(index, s, query.visibility)) continue;
    if (chosenSlots.size > 0 && chosenSlots.has(s)) continue;
    const complement = useComplement ? popcount(index.slotStages[s]! & missing) / missingCount : 0;
    const score = score0 * (1 - wComplement) + wComplement * complement * Math.min(1, score0 * 4);
    total++;
    heap.offer(s, score);
  }
  const hits = heap.sorted().map(({ slot, score }) => {
    const at = slot * STRIDE;
    const track = acc[at + TRACK]!;
    const complement = useComplement ? popcount(index.slotStages[slot]! & missing) / missingCount : 0;
    return {
      candidate: candidateAt(index, slot, score),
      score: round(score),
      parts: {
        text: round(maxOwn > 0 ? Math.min(1, acc[at + TEXT]! / maxOwn) : 0),
        concepts: round(weightSum > 0 ? Math.min(1, acc[at + CONCEPT]! / weightSum) : 0),
        trackRecord: round(1 - Math.exp(-track / TRACK_SCALE)),
        complementarity: round(complement),
      },
      reasons: reasonsFor(index, slot, words, weights, topic, useComplement ? missing : 0),
    };
  });

  // Clear what this query touched.
  for (let i = 0; i < projectsTouched; i++) {
    const p = projectTouched[i]!;
    ps[p] = 0;
    pc[p] = 0;
    mark[p] = 0;
  }
  for (let i = 0; i < touchedCount; i++) acc.fill(0, touchedList[i]!, touchedList[i]! + STRIDE);
  return { hits, total };
}

/** Related projects of one slot (and its linked CORDIS organisations) while the project scores stand. */
function trackRecordOf(index: PartnerIndex, slot: number) {
  const sc = index.scratch;
  const slots =
    slot >= index.cordisCount ? (index.registry.get(index.slotIds[slot]!.slice(9))?.linked ?? []) : [slot];
  let projects = 0;
  let coordinated = 0;
  let ec = 0;
  let best = -1;
  let bestWeight = 0;
  const byOrg = index.projectsByOrganisation;
  for (const o of slots)
    for (let i = byOrg.offsets[o]!; i < byOrg.offsets[o + 1]!; i++) {
      const p = byOrg.columns[i]!;
      const r = sc.projectMark[p] ? sc.projectScore[p]! : 0;
      if (r < TRACK_MIN) continue;
      const j = byOrg.values[i]!;
      const w =
        r * r * r * recency(index.currentYear, index.projectYears[p]!) * index.participants.values[j]!;
      if (w > bestWeight) {
        bestWeight = w;
        best = p;
      }
      if (r < RELATED) continue;
      projects++;
      if (index.participantCoordinator[j]) coordinated++;
      ec += index.participantEc[j]!;
    }
  return { projects, coordinated, ec, best };
}

function round(x: number) {
  return Math.round(x * 10_000) / 10_000;
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v; v &= v - 1) n++;
  return n;
}

function candidateAt(index: PartnerIndex, slot: number, relevance: number): PartnerCandidate {
  const flags = index.slotFlags[slot]!;
  const key = index.slotIds[slot]!;
  const isRegistry = slot >= index.cordisCount;
  const registry = isRegistry ? index.registry.get(key.slice(9)) : undefined;
  const cordisId = isRegistry
    ? registry?.linked[0] !== undefined
      ? index.cordisInputs[registry.linked[0]]!.id
      : null
    : key.slice(7);
  return {
    key,
    kind: isRegistry ? 'registry' : 'cordis',
    organisationId: registry ? registry.input.id : null,
    cordisOrganisationId: cordisId,
    name: index.slotNames[slot]!,
    country: index.countries.names[index.slotCountry[slot]!]!,
    type: index.types.names[index.slotType[slot]!]!,
    isSme: Boolean(flags & FLAG_SME),
    isNonProfit: Boolean(flags & FLAG_NON_PROFIT),
    regionId: registry?.input.regionId ?? null,
    stageIds: stagesOfMask(index.slotStages[slot]!),
    relevance: round(Math.min(1, Math.max(0, relevance))),
    legalEntityGroup: null,
  };
}

function reasonsFor(
  index: PartnerIndex,
  slot: number,
  words: Map<string, string>,
  weights: Map<number, number>,
  topic: string,
  missing: number,
): PartnerReason[] {
  const acc = index.scratch.acc;
  const at = slot * STRIDE;
  const reasons: PartnerReason[] = [];
  if (acc[at + TEXT]! > 0) {
    const isRegistry = slot >= index.cordisCount;
    const own = new Set(
      isRegistry || index.slotFlags[slot]! & FLAG_PATCHED
        ? [...(index.live.get(slot)?.terms.keys() ?? [])].map((t) => index.terms.names[t]!)
        : textTerms(index.slotNames[slot]!, 40),
    );
    const matched = [...words].filter(([term]) => own.has(term)).map(([, written]) => written);
    if (matched.length) reasons.push({ code: 'text', params: { words: matched } });
  }
  if (acc[at + CONCEPT]! > 0) {
    const found: [string, number][] = [];
    const profile = profileOf(index, slot);
    for (const [c, w] of profile) {
      const qw = weights.get(c);
      if (qw) found.push([index.concepts.names[c]!, qw * w]);
    }
    found.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (found.length)
      reasons.push({ code: 'concepts', params: { conceptIds: found.slice(0, 5).map((f) => f[0]) } });
  }
  if (acc[at + TRACK]! > 0) {
    const { projects, coordinated, ec, best } = trackRecordOf(index, slot);
    if (topic && best >= 0 && index.scratch.projectMark[best] === 2)
      reasons.push({ code: 'topic', params: { topic } });
    reasons.push({
      code: 'trackRecord',
      params: {
        projects,
        coordinated,
        ecContributionEur: Math.round(ec),
        best:
          best >= 0
            ? {
                id: index.projectIds[best]!,
                acronym: index.projectAcronyms[best]!,
                title: index.projectTitles[best]!,
                year: index.projectYears[best]! || null,
              }
            : null,
      },
    });
  }
  const added = index.slotStages[slot]! & missing;
  if (added) reasons.push({ code: 'complementarity', params: { stageIds: stagesOfMask(added) } });
  return reasons;
}

/** A candidate's concept profile: own (registry or patched) and its linked CORDIS organisations'. */
function profileOf(index: PartnerIndex, slot: number): Map<number, number> {
  const out = new Map<number, number>();
  const add = (s: number) => {
    const live = index.live.get(s);
    if (live && (s >= index.cordisCount || index.slotFlags[s]! & FLAG_PATCHED)) {
      for (const [c, w] of live.profile) out.set(c, Math.max(out.get(c) ?? 0, w));
      return;
    }
    if (s >= index.cordisCount) return;
    const p = index.cordisProfile;
    for (let i = p.offsets[s]!; i < p.offsets[s + 1]!; i++)
      out.set(p.columns[i]!, Math.max(out.get(p.columns[i]!) ?? 0, p.values[i]!));
  };
  add(slot);
  if (slot >= index.cordisCount) {
    const entry = index.registry.get(index.slotIds[slot]!.slice(9));
    for (const o of entry?.linked ?? []) add(o);
  }
  return out;
}

/** A candidate by key, as the consortium builder shows a must-include partner (relevance 0). */
export function candidateByKey(
  index: PartnerIndex,
  key: string,
  visibility: Visibility,
): PartnerCandidate | null {
  const slot = slotOfKey(index, key);
  if (slot < 0 || !(index.slotFlags[slot]! & FLAG_ALIVE) || !isVisible(index, slot, visibility)) return null;
  return candidateAt(index, slot, 0);
}

export type StageCandidatesQuery = Omit<
  PartnerQuery,
  'limit' | 'requireStage' | 'neededStages' | 'chosen'
> & {
  stageIds: readonly string[];
  perStage: number;
};

/**
 * The best candidates for each stage (the query's concepts plus the stage itself), merged by
 * key with their best relevance: the pool the consortium builder chooses a set from.
 */
export function candidatesForStages(index: PartnerIndex, query: StageCandidatesQuery): PartnerCandidate[] {
  const merged = new Map<string, PartnerCandidate>();
  for (const stage of query.stageIds) {
    if (!STAGE_BIT.has(stage)) continue;
    const concepts = new Map(query.concepts ?? []);
    concepts.set(stage, Math.max(concepts.get(stage) ?? 0, 1));
    const { hits } = searchPartners(index, {
      ...query,
      concepts,
      requireStage: stage,
      neededStages: [stage],
      limit: query.perStage,
    });
    for (const hit of hits) {
      const before = merged.get(hit.candidate.key);
      if (!before || before.relevance < hit.candidate.relevance) merged.set(hit.candidate.key, hit.candidate);
    }
  }
  return [...merged.values()].sort((a, b) => b.relevance - a.relevance || (a.key < b.key ? -1 : 1));
}

/** The k best (slot, score) pairs of a stream: a min-heap of size k. */
class TopK {
  private slots: Int32Array;
  private scores: Float64Array;
  private size = 0;
  constructor(private readonly k: number) {
    this.slots = new Int32Array(k);
    this.scores = new Float64Array(k);
  }
  /** Ties go to the lower slot, so results are deterministic. */
  private less(a: number, b: number) {
    const sa = this.scores[a]!;
    const sb = this.scores[b]!;
    return sa < sb || (sa === sb && this.slots[a]! > this.slots[b]!);
  }
  offer(slot: number, score: number) {
    if (this.k === 0) return;
    if (this.size < this.k) {
      this.slots[this.size] = slot;
      this.scores[this.size] = score;
      this.up(this.size++);
      return;
    }
    if (score < this.scores[0]! || (score === this.scores[0]! && slot > this.slots[0]!)) return;
    this.slots[0] = slot;
    this.scores[0] = score;
    this.down(0);
  }
  private swap(a: number, b: number) {
    const s = this.slots[a]!;
    this.slots[a] = this.slots[b]!;
    this.slots[b] = s;
    const v = this.scores[a]!;
    this.scores[a] = this.scores[b]!;
    this.scores[b] = v;
  }
  private up(i: number) {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  private down(i: number) {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.size && this.less(l, m)) m = l;
      if (r < this.size && this.less(r, m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
  sorted(): { slot: number; score: number }[] {
    const out: { slot: number; score: number }[] = [];
    for (let i = 0; i < this.size; i++) out.push({ slot: this.slots[i]!, score: this.scores[i]! });
    return out.sort((a, b) => b.score - a.score || a.slot - b.slot);
  }
}

/** Builds an index without CORDIS data streaming (tests, small data). */
export function buildPartnerIndex(input: {
  projects: CordisProjectInput[];
  organisations: CordisOrganisationInput[];
  participations: {
    projectId: string;
    organisationId: string;
    role: string;
    ecContribution: number | null;
  }[];
  registry: RegistryOrganisationInput[];
  version?: { registry: number; cordis: number };
  currentYear: number;
}): PartnerIndex {
  const builder = startPartnerIndex(input.projects, input.organisations, { currentYear: input.currentYear });
  for (const p of input.participations)
    builder.addParticipation(p.projectId, p.organisationId, p.role, p.ecContribution);
  return builder.finish(input.registry, input.version ?? { registry: 0, cordis: 0 });
}
