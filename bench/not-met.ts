// The "bars not met" part of BENCHMARKS.md: each unmet bar with why and what comes next. The
// reasons are written by people after reading the figures; a bar without one says so.

type UnmetRow = { benchmark: string; db: string; metric: string; bar: string };

/** Why a benchmark's bar is not met yet and the next step, by benchmark name. */
export const REASONS: Record<string, string> = {
  'cordis-import':
    'Decision 017 made the import several times faster in six steps (PGlite 10.7× → 5.2× → 3.1–3.2× → 2.7–3.0× → 2.66–2.90× → 2.50× → medians of 2.08–2.45×; PostgreSQL 16.8× → 6.0× → 4.0–5.8× → 4.6–4.9× → 3.75–4.5× → 2.70–3.88× → medians of 2.77–3.60×; the phases are in the rows above): the file is read and checked by two worker threads, each half of it, in batches small enough to die young, that send the rows as binary COPY data, and the import’s transaction copies each chunk while the next is read, straight into the empty tables, with the keys and indexes (on ids that collate "C") built once afterwards — the participations’ organisation index while the two parts are joined. The bar is judged on the median of three rounds of the bare COPY and the import in one run. On PGlite it is met. On PostgreSQL the median was 2.77–3.60× over thirteen runs this session (single rounds 2.60–3.97×), and 3.05–3.17× in the three runs of the final code: the server’s COPY reads the file itself, in C, in 2.6–3.9 s on a core of its own, while the two reader threads, the server and the main thread keep both cores busy for 6–7.5 s, and the keys and indexes take 2.3–3.1 s after. Next steps: less work per row in the reader (Papa Parse is about a fifth of it; the plan’s maps, garbage collection and the checks most of the rest), and starting to read before the file is cut (counting its quotes and copying the first half take 0.3–0.4 s first). Reader threads started ahead saved only 0.15–0.2 s, as their start overlaps the cut: measured and left out.',
  web: 'Lighthouse runs its mobile preset (slow 4G, CPU slowed 4×) on this 2-core machine: the client-rendered app needs its code and the messages before the first paint, and the map page evaluates about 1 s of script at that slowdown. Next steps: preload the messages of the default language with the entry script, and render the map page’s shell before its data and geometry arrive.',
  start:
    'Start times on this machine depend on its load: the bar is met on a quiet machine (see the date of the row). Next step: load the demo network with COPY instead of row inserts.',
};

/** What a reader should know beside the bars, written after reading the figures. */
const NOTES = [
  'CORDIS import: each full run times the bare COPY and the import three times, one after the other, and the bar is on the median of the three ratios; every round’s ratio is in the row above the bar’s. On PostgreSQL the median moved between 2.77× and 3.60× over thirteen runs this session, of the final code and of the steps just before it, so one run’s row says little about the bar there. In alternating runs the last change (the participations’ index built while the two parts are joined) moved it from 3.21 and 3.34× to 3.05 and 3.14×. The reason and next steps are in decision 017.',
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
