// The "bars not met" part of BENCHMARKS.md: each unmet bar with why and what comes next. The
// reasons are written by people after reading the figures; a bar without one says so.

type UnmetRow = { benchmark: string; db: string; metric: string; bar: string };

/** Why a benchmark's bar is not met yet and the next step, by benchmark name. */
export const REASONS: Record<string, string> = {
  'cordis-import':
    'Decision 017 made the import several times faster (10.7× → 3.7–5.5× on PGlite, 16.8× → about 6× on PostgreSQL; the phases are in the rows above): Papa Parse reads the file, columns are found once per file, staging is one binary COPY, and a large first load is merged with the tables’ keys and indexes dropped and built again once. What is left is reading and checking 302 MB in Node before anything is written — alone about 1.5–2× PGlite’s COPY and 3× PostgreSQL’s, whose COPY parses in C — plus the staging, merge and index builds (about 2× PGlite’s COPY), all on one thread. On this noisy two-core machine the PGlite ratio moved between 3.7× and 5.5× from run to run. Next steps: check rows while the file is read (Papa’s step mode), so the parsed cells of a million rows are not all kept and collected at once (garbage collection is the largest single cost), and parse and check in a worker thread while the database writes the previous chunk.',
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
