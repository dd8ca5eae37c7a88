import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import type { Database, Db } from '../src/db/create-db.ts';
import { loadDemoNetwork } from '../src/db/demo/load-demo.ts';
import { organisationCompetences, organisations } from '../src/db/schema/index.ts';
import { ORGANISATION_TYPES } from '../src/domain/registry/organisation.ts';
import { parseSearchText } from '../src/domain/registry/organisation-search.ts';
import { buildApp } from '../src/server/app.ts';
import { createRandom, openFreshDatabase, percentile } from './lib.ts';

export type SearchBenchRow = {
  benchmark: string;
  db: 'pglite' | 'postgres';
  metric: string;
  value: number;
  unit: string;
  bar: string;
  pass: boolean | null;
};

/**
 * The bar: p95 ≤ 50 ms for a search nobody asked before (no cached answer). Search is typed
 * (300 ms debounce in the web app); 50 ms of server time keeps the answer within ~0.1 s, which
 * reads as instant, and leaves half of QUALITY.md's 100 ms p99 budget for a read route to the
 * network and the browser. Repeated searches are served from the cache in well under 1 ms.
 */
export const SEARCH_P95_BAR_MS = 50;

const SEED = 20_261_123;
const ORGANISATIONS = 5_000;
const COMPETENCES = 50_000;

// Parallel phrases: the same activity written in Finnish, Swedish and English, as battery-industry
// descriptions write them (inflected, compounded).
const PHRASES: { fi: string; sv: string; en: string }[] = [
  {
    fi: 'katodimateriaalien valmistus',
    sv: 'tillverkning av katodmaterial',
    en: 'cathode material production',
  },
  { fi: 'akkujen kierrätys', sv: 'återvinning av batterier', en: 'battery recycling' },
  { fi: 'litiumhydroksidin jalostus', sv: 'förädling av litiumhydroxid', en: 'lithium hydroxide refining' },
  { fi: 'mustamassan liuotus', sv: 'lakning av svartmassa', en: 'black mass leaching' },
  { fi: 'akkukennojen kokoonpano', sv: 'montering av battericeller', en: 'battery cell assembly' },
  { fi: 'nikkelisulfaatin tuotanto', sv: 'produktion av nickelsulfat', en: 'nickel sulphate production' },
  {
    fi: 'grafiitin jalostus anodeihin',
    sv: 'förädling av grafit till anoder',
    en: 'graphite processing for anodes',
  },
  { fi: 'elektrolyyttien kehitys', sv: 'utveckling av elektrolyter', en: 'electrolyte development' },
  { fi: 'sähköautojen akustot', sv: 'batteripaket för elbilar', en: 'electric vehicle battery packs' },
  { fi: 'energian varastointi sähköverkkoon', sv: 'energilagring i elnätet', en: 'grid energy storage' },
  {
    fi: 'kaivostoiminta ja malminetsintä',
    sv: 'gruvdrift och malmprospektering',
    en: 'mining and ore exploration',
  },
  { fi: 'prosessiveden puhdistus', sv: 'rening av processvatten', en: 'process water treatment' },
  {
    fi: 'elinkaariarviointi ja vastuullisuus',
    sv: 'livscykelanalys och hållbarhet',
    en: 'life cycle assessment and sustainability',
  },
  { fi: 'akkujen turvallisuustestaus', sv: 'säkerhetstestning av batterier', en: 'battery safety testing' },
  { fi: 'akkujen toinen elämä', sv: 'batteriers andra liv', en: 'second-life batteries' },
  {
    fi: 'koulutus ja osaamisen kehittäminen',
    sv: 'utbildning och kompetensutveckling',
    en: 'training and skills development',
  },
  {
    fi: 'digitaaliset kaksoset ja mallinnus',
    sv: 'digitala tvillingar och modellering',
    en: 'digital twins and modelling',
  },
  {
    fi: 'natriumioniakkujen tutkimus',
    sv: 'forskning i natriumjonbatterier',
    en: 'sodium-ion battery research',
  },
  { fi: 'koboltin talteenotto', sv: 'utvinning av kobolt', en: 'cobalt recovery' },
  {
    fi: 'erottimien ja kalvojen valmistus',
    sv: 'tillverkning av separatorer och membran',
    en: 'separator and membrane manufacturing',
  },
];
const FILLER = {
  fi: ['Yritys keskittyy', 'Toimintaan kuuluu', 'Vahvuutena on', 'Kehitämme', 'Tarjoamme palveluja:'],
  sv: [
    'Företaget fokuserar på',
    'Verksamheten omfattar',
    'Vår styrka är',
    'Vi utvecklar',
    'Vi erbjuder tjänster:',
  ],
  en: [
    'The company focuses on',
    'Its activities include',
    'Its strength is',
    'We develop',
    'We offer services in',
  ],
};
const NAME_PARTS = {
  first: [
    'Akku',
    'Litium',
    'Nikkeli',
    'Kenno',
    'Volt',
    'Nordic',
    'Boreal',
    'Kemi',
    'Arctic',
    'Metalli',
    'Grafiitti',
    'Energia',
    'Kierto',
    'Botnia',
    'Saimaa',
    'Kymi',
  ],
  second: [
    'tekniikka',
    'systems',
    'materials',
    'labs',
    'works',
    'solutions',
    'kemia',
    'power',
    'recycling',
    'minerals',
    'tech',
    'group',
  ],
  suffix: ['Oy', 'Ab', 'Oyj', 'Ltd', 'ry', 'Oy Ab'],
};
const REGIONS = ['kokkola', 'vaasa', 'pori', 'turku', 'lappeenranta', 'jyvaskyla', 'kuopio', 'kymenlaakso'];

type GeneratedOrganisation = typeof organisations.$inferInsert;
type GeneratedCompetence = typeof organisationCompetences.$inferInsert;

/** 5,000 organisations and 50,000 competences, the same on every run. */
export function generateRegistry(conceptIds: string[], seed = SEED) {
  const random = createRandom(seed);
  const orgs: GeneratedOrganisation[] = [];
  for (let i = 0; i < ORGANISATIONS; i++) {
    const name = `${random.pick(NAME_PARTS.first)}${random.pick(NAME_PARTS.second)} ${i + 1} ${random.pick(NAME_PARTS.suffix)}`;
    const phrases = Array.from({ length: 2 + random.int(3) }, () => random.pick(PHRASES));
    const describe = (lang: 'fi' | 'sv' | 'en') =>
      phrases.map((p) => `${random.pick(FILLER[lang])} ${p[lang]}.`).join(' ');
    orgs.push({
      id: `bench-${i + 1}`,
      name,
      nameEn: random.next() < 0.3 ? `${name} (EN)` : null,
      type: random.pick(ORGANISATION_TYPES),
      regionId: random.next() < 0.9 ? random.pick(REGIONS) : null,
      municipality: null,
      description: { fi: describe('fi'), sv: random.next() < 0.7 ? describe('sv') : '', en: describe('en') },
      isPublic: random.next() < 0.9,
    });
  }
  // Exactly 10 distinct concepts per organisation on average: 50,000 rows.
  const competences: GeneratedCompetence[] = [];
  const strengths = ['core', 'active', 'interest'] as const;
  const taken = orgs.map(() => new Set<string>());
  for (let i = 0; competences.length < COMPETENCES; i = (i + 1) % ORGANISATIONS) {
    const own = taken[i]!;
    if (own.size >= conceptIds.length) continue;
    let concept = random.pick(conceptIds);
    while (own.has(concept)) concept = random.pick(conceptIds);
    own.add(concept);
    competences.push({
      organisationId: orgs[i]!.id,
      conceptId: concept,
      strength: random.pick(strengths),
      source: 'import',
    });
  }
  return { orgs, competences };
}

type Query = { q?: string; region?: string; type?: string; concept?: string; page?: number };

/** A mix like people's: text alone (words, prefixes, names), text with a filter, filters alone. */
export function generateQueries(count: number, conceptIds: string[], seed = SEED + 1): Query[] {
  const random = createRandom(seed);
  const words = [
    'katodimateriaali',
    'kierrätys',
    'akkujen',
    'litium',
    'mustamassa',
    'grafiitti',
    'återvinning',
    'svartmassa',
    'katodmaterial',
    'nickelsulfat',
    'recycling',
    'cathode',
    'lithium hydroxide',
    'battery cell',
    'grid storage',
    'sodium-ion',
    'cobalt',
    'katodimat',
    'kierrät',
    'recycl',
    'batter',
    'Akku',
    'Nordic mat',
    'Volt',
    'Boreal',
    'elektrolyy',
    'safety testing',
    'digital twin',
  ];
  const queries: Query[] = [];
  for (let i = 0; i < count; i++) {
    const kind = random.int(8);
    // Half of the texts are cut short, as while typing ("katodim"), some have two words.
    let q = random.pick(words);
    if (random.next() < 0.5) q = q.slice(0, Math.max(3, Math.ceil(q.length * (0.4 + 0.6 * random.next()))));
    if (random.next() < 0.2) q = `${random.pick(words)} ${q}`;
    const region = random.pick(REGIONS);
    const type = random.pick(ORGANISATION_TYPES);
    const concept = random.pick(conceptIds);
    const page = 1 + random.int(3);
    if (kind <= 2) queries.push({ q, page });
    else if (kind === 3) queries.push({ q, region });
    else if (kind === 4) queries.push({ q, type });
    else if (kind === 5) queries.push({ q, concept });
    else if (kind === 6) queries.push({ concept, region });
    else queries.push({ region, type, page });
  }
  return queries;
}

function toUrl(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  params.set('pageSize', '20');
  return `/api/organisations?${params}`;
}

/** The same answer in one SQL statement: full text + name match, filters, visibility, order, page. */
async function baselineQuery(db: Db, query: Query) {
  const page = query.page ?? 1;
  const filters = [sql`o.is_public`];
  if (query.region) filters.push(sql`o.region_id = ${query.region}`);
  if (query.type) filters.push(sql`o.type = ${query.type}`);
  if (query.concept) {
    filters.push(sql`exists (select 1 from organisation_competences oc where oc.organisation_id = o.id
      and (oc.concept_id = ${query.concept} or oc.concept_id like ${`${query.concept}.%`}))`);
  }
  const conceptIds = sql`array(select oc.concept_id from organisation_competences oc where oc.organisation_id = o.id
    order by case oc.strength when 'core' then 0 when 'active' then 1 else 2 end, oc.concept_id)`;
  const columns = sql`o.id, o.name, o.name_en, o.type, o.region_id, o.municipality, o.website, o.is_public`;
  if (!query.q) {
    return db.execute(sql`select ${columns}, ${conceptIds} as concept_ids, count(*) over () as total
      from organisations o where ${sql.join(filters, sql` and `)}
      order by o.name collate "C", o.id limit 20 offset ${(page - 1) * 20}`);
  }
  const search = parseSearchText(query.q);
  const configs = ['finnish', 'swedish', 'english', 'simple'];
  const parts = configs.flatMap((c) => {
    const cfg = sql.raw(`'${c}'::regconfig`);
    const whole = sql`websearch_to_tsquery(${cfg}, ${search.text})`;
    if (!search.prefix) return [whole];
    const prefix = sql`to_tsquery(${cfg}, ${`${search.prefix}:*`})`;
    return [whole, search.head ? sql`(websearch_to_tsquery(${cfg}, ${search.head}) && ${prefix})` : prefix];
  });
  const like = `%${search.text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const nameHit = sql`(o.name ilike ${like} or coalesce(o.name_en, '') ilike ${like})`;
  return db.execute(sql`with q as (select ${sql.join(parts, sql` || `)} as tq)
    select ${columns}, ${conceptIds} as concept_ids, count(*) over () as total
    from organisations o, q
    where (o.search_vector @@ q.tq or ${nameHit}) and ${sql.join(filters, sql` and `)}
    order by ${nameHit} desc, ts_rank(o.search_vector, q.tq) desc, o.name collate "C", o.id
    limit 20 offset ${(page - 1) * 20}`);
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = process.hrtime.bigint();
  const result = await fn();
  return [Number(process.hrtime.bigint() - started) / 1e6, result];
}

async function loadRegistry(database: Database) {
  const { db } = database;
  await loadDemoNetwork(db, { reset: false });
  // The demo's regions and taxonomy stay; its 74 organisations make way for the generated ones.
  await db.delete(organisations);
  const conceptRows = await db.execute(sql`select id from concepts where scheme = 'value-chain' order by id`);
  const conceptIds = (conceptRows as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
  const { orgs, competences } = generateRegistry(conceptIds);
  for (let i = 0; i < orgs.length; i += 500) await db.insert(organisations).values(orgs.slice(i, i + 500));
  for (let i = 0; i < competences.length; i += 2000) {
    await db.insert(organisationCompetences).values(competences.slice(i, i + 2000));
  }
  await db.execute(sql`analyze organisations`);
  await db.execute(sql`analyze organisation_competences`);
  return conceptIds;
}

export async function benchOrganisationSearch(options: {
  db: 'pglite' | 'postgres';
  quick: boolean;
}): Promise<{ rows: SearchBenchRow[]; raw: Record<string, unknown> }> {
  const kind = options.db;
  const { database, cleanup } = await openFreshDatabase(kind);
  try {
    const [loadMs, conceptIds] = await time(() => loadRegistry(database));
    const app = await buildApp(
      { database, config: loadConfig({ KENNO_LOG_LEVEL: 'silent' }), version: 'bench' },
      { serveWebApp: false, logger: false },
    );
    await app.ready();
    const queries = generateQueries(options.quick ? 150 : 600, conceptIds);
    // Warm up: the first request builds the read model; a few queries warm the JIT.
    const [firstMs] = await time(() => app.inject({ url: '/api/organisations' }));
    for (const q of generateQueries(30, conceptIds, SEED + 7)) await app.inject({ url: toUrl(q) });

    const seen = new Set<string>();
    const seenTexts = new Set<string>();
    const cold: number[] = [];
    const newText: number[] = [];
    const warm: number[] = [];
    let totalHits = 0;
    for (const query of queries) {
      const url = toUrl(query);
      const [ms, response] = await time(() => app.inject({ url }));
      if (response.statusCode !== 200) throw new Error(`${url} → ${response.statusCode} ${response.body}`);
      totalHits += (response.json() as { total: number }).total;
      (seen.has(url) ? warm : cold).push(ms);
      if (query.q && !seenTexts.has(query.q)) newText.push(ms);
      seen.add(url);
      if (query.q) seenTexts.add(query.q);
    }
    // Repeated queries: the same mix again (cached answers, as when people page back or retype).
    for (const query of queries) warm.push((await time(() => app.inject({ url: toUrl(query) })))[0]);

    // After a write, every cache is unreachable: the read model reloads, texts are searched again.
    const reloads: number[] = [];
    const afterWrite: number[] = [];
    for (let i = 0; i < (options.quick ? 3 : 8); i++) {
      await database.db
        .update(organisations)
        .set({ municipality: `Kunta ${i}` })
        .where(eq(organisations.id, 'bench-1'));
      const [reloadMs] = await time(() => app.inject({ url: `/api/organisations?page=${i + 2}` }));
      reloads.push(reloadMs);
      for (const query of queries.slice(i * 10, i * 10 + 10)) {
        afterWrite.push((await time(() => app.inject({ url: toUrl(query) })))[0]);
      }
      // Let the next request check the version again.
      await new Promise((resolve) => setTimeout(resolve, 260));
    }

    const baseline: number[] = [];
    for (const query of queries) baseline.push((await time(() => baselineQuery(database.db, query)))[0]);
    await app.close();

    const p = (values: number[], n: number) => percentile(values, n);
    const coldP95 = p(cold, 95);
    const rows: SearchBenchRow[] = [
      row('organisations: 5,000 generated, 50,000 competences, load into a fresh database', loadMs, 'ms'),
      row('read model: first build (first request)', firstMs, 'ms'),
      row('GET /api/organisations, first time per query (p50)', p(cold, 50), 'ms'),
      {
        ...row('GET /api/organisations, first time per query (p95)', coldP95, 'ms'),
        bar: `≤ ${SEARCH_P95_BAR_MS} ms`,
        pass: coldP95 <= SEARCH_P95_BAR_MS,
      },
      row('… of which a text not searched before (p95, full-text SQL included)', p(newText, 95), 'ms'),
      row('GET /api/organisations, repeated query (p95)', p(warm, 95), 'ms'),
      row(
        'GET /api/organisations, first query after a write (p95, reload included)',
        p([...reloads, ...afterWrite], 95),
        'ms',
      ),
      row('plain-SQL baseline, same queries (p50)', p(baseline, 50), 'ms'),
      row('plain-SQL baseline, same queries (p95)', p(baseline, 95), 'ms'),
      row('baseline ÷ Kenno, first-time queries (p50)', p(baseline, 50) / p(cold, 50), '×'),
      row('baseline ÷ Kenno, first-time queries (p95)', p(baseline, 95) / coldP95, '×'),
    ];
    return {
      rows,
      raw: {
        queries: queries.length,
        distinct: seen.size,
        totalHits,
        cold,
        warm,
        reloads,
        afterWrite,
        baseline,
      },
    };
  } finally {
    await cleanup();
  }

  function row(metric: string, value: number, unit: string): SearchBenchRow {
    return { benchmark: 'organisation search', db: kind, metric, value, unit, bar: '—', pass: null };
  }
}

// Run alone: prints the rows.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, postgres: { type: 'boolean', default: false } },
  });
  const result = await benchOrganisationSearch({
    db: values.postgres ? 'postgres' : 'pglite',
    quick: values.quick,
  });
  console.table(
    result.rows.map((r) => ({
      metric: r.metric,
      value: Number(r.value.toFixed(2)),
      unit: r.unit,
      bar: r.bar,
      pass: r.pass,
    })),
  );
}
