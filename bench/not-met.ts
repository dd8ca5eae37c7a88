// The "bars not met" part of BENCHMARKS.md: each unmet bar with why and what comes next. The
// reasons are written by people after reading the figures; a bar without one says so.

type UnmetRow = { benchmark: string; db: string; metric: string; bar: string };

/** Why a benchmark's bar is not met yet and the next step, by benchmark name. */
export const REASONS: Record<string, string> = {
  'cordis-import':
    'The import parses the file in Node (csv-parse, about twice the bare COPY), checks every row in TypeScript, and writes through a staging table, where the per-row checks of the participations’ primary key, organisation index and foreign key cost most of the write. A prototype of the plan “COPY into staging, validate and upsert in SQL” (1,000,000 participations, 2026-11-23) did not reach 3× either: the per-cell checks as SQL regular expressions cost 3–5× the COPY by themselves (PGlite 19.5 s against a COPY of 4.1 s), and the staging COPY is already 1.1–1.3×. What it did show: inserting without the indexes and building them afterwards takes 2.3 s instead of 5.4 s on PostgreSQL, and checking the foreign key in one pass 0.4 s instead of 5 s row by row. Next steps: for a file that is large against the stored table, insert the participations unindexed and build the indexes and the foreign key in bulk inside the import transaction; run parse and validation in worker threads beside the database write.',
  web: 'Lighthouse runs its mobile preset (slow 4G, CPU slowed 4×) on this 2-core machine: the client-rendered app needs its code and the messages before the first paint, and the map page evaluates about 1 s of script at that slowdown. Next steps: preload the messages of the default language with the entry script, and render the map page’s shell before its data and geometry arrive.',
  start:
    'Start times on this machine depend on its load: the bar is met on a quiet machine (see the date of the row). Next step: load the demo network with COPY instead of row inserts.',
};

/** What a reader should know beside the bars, written after reading the figures. */
const NOTES = [
  'Load on the embedded database: PGlite runs one statement at a time for the whole process, so under 200 clients every request queues behind the others (p50 about 0.8 s); a PostgreSQL server (DATABASE_URL) serves about three times as many requests per second at under a second p99 — use it for many simultaneous users. The 52 s write p99 of earlier runs was connections left in the accept queue while queued statements ran as one chain of promise continuations; statements now take turns with the event loop (decision 016).',
  'The gap analysis rows come from an earlier full run than the others (the previous working session; each row’s date is in BENCHMARKS.json); `npm run bench -- --only gaps` measures them again (about 20 minutes for both databases).',
];

export function notMetSection(unmet: UnmetRow[]): string[] {
  const notes = ['## Notes', '', ...NOTES.map((n) => `- ${n}`), ''];
  if (unmet.length === 0) return ['Every measured bar is met.', '', ...notes];
  return [
    '## Bars not met yet',
    '',
    ...unmet.map(
      (r) =>
        `- **${r.benchmark} (${r.db}): ${r.metric}** — bar ${r.bar}. ${REASONS[r.benchmark] ?? 'No reason written down yet.'}`,
    ),
    '',
    ...notes,
  ];
}
