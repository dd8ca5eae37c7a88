// QUALITY.md: "200 concurrent clients for 60 s against the mixed read/write API: zero errors,
// zero lost writes." Each client loops over a fixed-seed mix of reads (organisation list with
// search, profiles, concepts, a region's specialisation) and writes (new organisations, profile
// edits) with an API token; every write answered 201/200 is then looked up in the database.
import { like } from 'drizzle-orm';
import { createDb } from '../src/db/create-db.ts';
import { organisations } from '../src/db/schema/index.ts';
import { createRandom, percentile, spawnAndWaitForUrl } from './lib.ts';

export type MixedLoadResult = {
  clients: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  writes: number;
  errors: number;
  lostWrites: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  writeP99Ms: number;
  /** p95 per kind of request, to see which part of the mix is slow. */
  p95ByKind: Record<string, number>;
  /** The slowest requests: when they were sent (seconds into the run), what, how long — where the tail is. */
  slowest: { atS: number; kind: string; ms: number }[];
};

const SEARCH_WORDS = [
  'akku',
  'battery',
  'litium',
  'kemi',
  'recycling',
  'Vaasa',
  'material',
  'energia',
  'katod',
  'ab',
];
const REGIONS = ['kokkola', 'vaasa', 'pori', 'turku', 'lappeenranta', 'jyvaskyla', 'kuopio'];

export async function benchMixedLoad(options: {
  env: NodeJS.ProcessEnv;
  /** Where to count the stored writes afterwards: the data folder or the server URL. */
  database: { dataDir: string } | { url: string };
  clients: number;
  seconds: number;
  token: string;
}): Promise<MixedLoadResult> {
  const kenno = await spawnAndWaitForUrl(
    ['bin/kenno.js', 'start'],
    { ...options.env, PORT: '0', KENNO_LOG_LEVEL: 'warn' },
    /is running at (http:\/\/\S+) /,
  );
  const base = kenno.url;
  const auth = { authorization: `Bearer ${options.token}` };
  const ids = (
    (await (await fetch(`${base}/api/organisations?pageSize=100`)).json()) as { items: { id: string }[] }
  ).items.map((o) => o.id);
  const latencies: number[] = [];
  const writeLatencies: number[] = [];
  const byKind = new Map<string, number[]>();
  const timed: { atS: number; kind: string; ms: number }[] = [];
  const acknowledged: string[] = [];
  let errors = 0;
  const firstErrors: string[] = [];
  const runStarted = Date.now();
  const until = runStarted + options.seconds * 1000;

  const client = async (n: number) => {
    const next = createRandom(1000 + n).next;
    for (let i = 0; Date.now() < until; i++) {
      const roll = next();
      let request: { url: string; init?: RequestInit; write?: string };
      if (roll < 0.45) {
        const q = SEARCH_WORDS[Math.floor(next() * SEARCH_WORDS.length)]!;
        request = { url: `/api/organisations?pageSize=20&q=${encodeURIComponent(q)}` };
      } else if (roll < 0.65) {
        request = { url: `/api/organisations/${ids[Math.floor(next() * ids.length)]}` };
      } else if (roll < 0.72) {
        request = { url: '/api/concepts?scheme=value-chain' };
      } else if (roll < 0.8) {
        request = { url: `/api/regions/${REGIONS[Math.floor(next() * REGIONS.length)]}/specialisation` };
      } else if (roll < 0.9) {
        const name = `Load ${n}-${i} Oy`;
        request = {
          url: '/api/organisations',
          write: name,
          init: {
            method: 'POST',
            headers: { ...auth, 'content-type': 'application/json' },
            body: JSON.stringify({ name, type: 'company', regionId: REGIONS[n % REGIONS.length] }),
          },
        };
      } else {
        request = {
          url: `/api/organisations/${ids[Math.floor(next() * ids.length)]}`,
          write: '',
          init: {
            method: 'PATCH',
            headers: { ...auth, 'content-type': 'application/json' },
            body: JSON.stringify({ website: `https://example.org/${n}/${i}` }),
          },
        };
      }
      const started = performance.now();
      try {
        const response = await fetch(`${base}${request.url}`, {
          ...request.init,
          headers: { ...auth, ...request.init?.headers },
        });
        await response.arrayBuffer();
        const ms = performance.now() - started;
        latencies.push(ms);
        const kind = `${request.init?.method ?? 'GET'} ${request.url.replace(/\/[^/?]+(?=\/specialisation)|\/(?!specialisation)[^/?]+$|\?.*$/, '/…')}`;
        const ofKind = byKind.get(kind) ?? [];
        ofKind.push(ms);
        byKind.set(kind, ofKind);
        timed.push({ atS: Math.round((Date.now() - ms - runStarted) / 100) / 10, kind, ms: Math.round(ms) });
        if (request.write !== undefined) writeLatencies.push(ms);
        if (!response.ok) {
          errors++;
          if (firstErrors.length < 5)
            firstErrors.push(`${response.status} ${request.init?.method ?? 'GET'} ${request.url}`);
        } else if (request.write) acknowledged.push(request.write);
      } catch (error) {
        errors++;
        if (firstErrors.length < 5) firstErrors.push(String(error));
      }
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: options.clients }, (_, n) => client(n)));
  const elapsed = (Date.now() - started) / 1000;
  await kenno.stop();
  if (firstErrors.length > 0) console.log(`  first errors: ${firstErrors.join('; ')}`);

  const database = await createDb(
    'dataDir' in options.database ? { dataDir: options.database.dataDir } : { url: options.database.url },
  );
  let lostWrites: number;
  try {
    const stored = new Set(
      (
        await database.db
          .select({ name: organisations.name })
          .from(organisations)
          .where(like(organisations.name, 'Load %'))
      ).map((r) => r.name),
    );
    lostWrites = acknowledged.filter((name) => !stored.has(name)).length;
  } finally {
    await database.close();
  }
  return {
    clients: options.clients,
    seconds: elapsed,
    requests: latencies.length,
    requestsPerSecond: latencies.length / elapsed,
    writes: writeLatencies.length,
    errors,
    lostWrites,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    writeP99Ms: percentile(writeLatencies, 99),
    p95ByKind: Object.fromEntries([...byKind].map(([k, v]) => [k, Math.round(percentile(v, 95))])),
    slowest: timed.sort((x, y) => y.ms - x.ms).slice(0, 12),
  };
}
