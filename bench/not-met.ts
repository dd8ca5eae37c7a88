// The "bars not met" part of BENCHMARKS.md: each unmet bar with why and what comes next. The
// reasons are written by people after reading the figures; a bar without one says so.

type UnmetRow = { benchmark: string; db: string; metric: string; bar: string };

/** Why a benchmark's bar is not met yet and the next step, by benchmark name. */
export const REASONS: Record<string, string> = {
  'cordis-import':
    'Decision 017 made the import several times faster in two steps (PGlite 10.7× → 5.2× → 3.1–3.2×, PostgreSQL 16.8× → 6.0× → 4.0–5.8×, over two full runs of the second step; the phases are in the rows above): Papa Parse reads the file 10,000 records at a time and each batch is checked as it is read, staging is one binary COPY, and the first file into empty tables is copied straight into them with the keys and indexes built once afterwards. What is left is all on one thread: reading 302 MB with Papa Parse is alone about 0.6× PGlite’s COPY and 1× PostgreSQL’s (whose COPY reads the file itself, in C), checking every row about as much again, and building the keys of a million participations about 0.7× PGlite’s COPY. On this noisy two-core machine the ratios move from run to run, PostgreSQL’s most (the same code read and checked the file in 7.5 s in one run and 11.2 s in the next). Next step: read and check the file in a worker thread (or two, splitting the file at a record boundary) while the database copies and indexes what is already checked, which needs the rows staged before the whole file is checked and the plan (one row per organisation, duplicates merged) done in SQL.',
  web: 'Lighthouse runs its mobile preset (slow 4G, CPU slowed 4×) on this 2-core machine: the client-rendered app needs its code and the messages before the first paint, and the map page evaluates about 1 s of script at that slowdown. Next steps: preload the messages of the default language with the entry script, and render the map page’s shell before its data and geometry arrive.',
  start:
    'Start times on this machine depend on its load: the bar is met on a quiet machine (see the date of the row). Next step: load the demo network with COPY instead of row inserts.',
};

/** What a reader should know beside the bars, written after reading the figures. */
const NOTES = [
  'Load on the embedded database: PGlite runs one statement at a time for the whole process, so under 200 clients every request queues behind the others (p50 about 0.8 s); a PostgreSQL server (DATABASE_URL) serves about three times as many requests per second at under a second p99 — use it for many simultaneous users. The 52 s write p99 of earlier runs was connections left in the accept queue while queued statements ran as one chain of promise continuations; statements now take turns with the event loop (decision 016).',
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
