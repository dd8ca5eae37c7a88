// The "bars not met" part of BENCHMARKS.md: each unmet bar with why and what comes next. The
// reasons are written by people after reading the figures; a bar without one says so.

type UnmetRow = { benchmark: string; db: string; metric: string; bar: string };

/** Why a benchmark's bar is not met yet and the next step, by benchmark name. */
export const REASONS: Record<string, string> = {
  'cordis-import':
    'The import parses the file in Node (csv-parse), checks every row and writes through a staging table; parsing alone costs about twice the bare COPY, and the check of the participation → organisation foreign key most of the write. Next step: stream the file into a staging table with COPY inside the import transaction (decision 007 foresees it), validate and upsert in SQL, and report bad rows from the staging table.',
  web: 'Lighthouse runs its mobile preset (slow 4G, CPU slowed 4×) on this 2-core machine: the client-rendered app needs its code and the messages before the first paint, and the map page evaluates about 1 s of script at that slowdown. Next steps: preload the messages of the default language with the entry script, and render the map page’s shell before its data and geometry arrive.',
  start:
    'Start times on this machine depend on its load: the bar is met on a quiet machine (see the date of the row). Next step: load the demo network with COPY instead of row inserts.',
};

/** What a reader should know beside the bars, written after reading the figures. */
const NOTES = [
  'Load on the embedded database: PGlite runs one statement at a time for the whole process, so under 200 clients writes queue behind reads; most writes answer within about 1.3 s (p95), but the slowest 1 % waited far longer (write p99 in the table). Errors and lost writes stay at zero. A PostgreSQL server (DATABASE_URL) serves the same load with write p99 under a second; use it for many simultaneous users. Next step: find what holds the slowest writes (a long statement or an unfair queue) with a trace of the load run.',
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
