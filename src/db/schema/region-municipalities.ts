import { pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { regions } from './regions.ts';

/** Municipalities of a network region (Statistics Finland codes). One municipality may
 * belong to several network regions: Kotka and Hamina are in both Lappeenranta and Kymenlaakso. */
export const regionMunicipalities = pgTable(
  'region_municipalities',
  {
    regionId: text('region_id')
      .notNull()
      .references(() => regions.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    nameFi: text('name_fi').notNull(),
    nameSv: text('name_sv').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.code] })],
);
