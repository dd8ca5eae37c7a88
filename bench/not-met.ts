// The "bars not met" part of BENCHMARKS.md: each unmet bar with why and what comes next. The
// reasons are written by people after reading the figures; a bar without one says so.

type UnmetRow = { benchmark: string; db: string; metric: string; bar: string };

/** Why a benchmark's bar is not met yet and the next step, by benchmark name. */
export const REASONS: Record<string, string> = {};

export function notMetSection(unmet: UnmetRow[]): string[] {
  if (unmet.length === 0) return ['Every measured bar is met.', ''];
  return [
    '## Bars not met yet',
    '',
    ...unmet.map(
      (r) =>
        `- **${r.benchmark} (${r.db}): ${r.metric}** — bar ${r.bar}. ${REASONS[r.benchmark] ?? 'No reason written down yet.'}`,
    ),
    '',
  ];
}
