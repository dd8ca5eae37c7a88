import { z } from 'zod';

/** Field schemas the sites, services and streams share. */
export const text = (max: number) => z.string().trim().max(max);

/** Text in one or more of fi/sv/en; a missing language stays empty. */
export const localizedPart = (max: number) =>
  z.object({ fi: text(max).optional(), sv: text(max).optional(), en: text(max).optional() });

export const hasSomeText = (value: { fi?: string; sv?: string; en?: string } | undefined) =>
  Boolean(value && (value.fi || value.sv || value.en));
