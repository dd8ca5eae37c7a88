import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * A point inside each Finnish municipality, computed from the shipped map geometry by
 * data/geo/build-geo.mjs (see data/geo/README.md for the source and licence).
 */
export const MUNICIPALITY_CENTROIDS_FILE = fileURLToPath(
  new URL('../../../data/geo/municipality-centroids.json', import.meta.url),
);

const CentroidFileSchema = z.array(
  z.object({ code: z.string(), fi: z.string(), sv: z.string(), lon: z.number(), lat: z.number() }),
);

export type MunicipalityLocation = z.infer<typeof CentroidFileSchema>[number];

export type MunicipalityLocator = {
  byCode(code: string): MunicipalityLocation | undefined;
  /**
   * The municipality a free-text field names, in Finnish or Swedish, any case. A field naming
   * several ("Outokumpu / Espoo") is located by the first one known.
   */
  byName(text: string | null | undefined): MunicipalityLocation | undefined;
};

const normalise = (text: string) => text.normalize('NFC').trim().toLocaleLowerCase('fi');

export function createMunicipalityLocator(locations: readonly MunicipalityLocation[]): MunicipalityLocator {
  const codes = new Map(locations.map((l) => [l.code, l]));
  const names = new Map<string, MunicipalityLocation>();
  for (const l of locations) {
    names.set(normalise(l.fi), l);
    if (!names.has(normalise(l.sv))) names.set(normalise(l.sv), l);
  }
  return {
    byCode: (code) => codes.get(code),
    byName(text) {
      if (!text) return undefined;
      for (const part of text.split(/[/,;()]/)) {
        const found = names.get(normalise(part));
        if (found) return found;
      }
      return undefined;
    },
  };
}

let shipped: MunicipalityLocator | null = null;

/** The locator over the shipped table, read once. */
export function shippedMunicipalityLocator(): MunicipalityLocator {
  shipped ??= createMunicipalityLocator(
    CentroidFileSchema.parse(JSON.parse(fs.readFileSync(MUNICIPALITY_CENTROIDS_FILE, 'utf8'))),
  );
  return shipped;
}
