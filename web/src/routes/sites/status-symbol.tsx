// The map's marker shape for a site status, small, for legends and badges (decorative: the
// status is always written beside it).
import { STATUS_SHAPE, siteStatusOf } from './site-labels.ts';

const PATHS = {
  circle: 'M2 8a6 6 0 1 0 12 0a6 6 0 1 0 -12 0Z',
  diamond: 'M8 0.5L15.5 8L8 15.5L0.5 8Z',
  ring: 'M3 8a5 5 0 1 0 10 0a5 5 0 1 0 -10 0Z',
  square: 'M2 2h12v12h-12Z',
  triangle: 'M8 1L15 14H1Z',
} as const;

export function StatusSymbol({ status }: { status: string }) {
  const known = siteStatusOf(status);
  const shape = STATUS_SHAPE[known];
  return (
    <svg
      className={`status-symbol status-symbol--${known}`}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[shape]} />
    </svg>
  );
}
