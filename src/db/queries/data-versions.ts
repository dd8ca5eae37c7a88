import { eq } from 'drizzle-orm';
import type { Db } from '../create-db.ts';
import { dataVersions } from '../schema/index.ts';

export type DataScope =
  | 'registry'
  | 'taxonomy'
  | 'challenges'
  | 'sites'
  | 'skills'
  | 'projects'
  | 'cordis'
  | 'training';

export async function readDataVersion(db: Db, scope: DataScope): Promise<number> {
  const [row] = await db
    .select({ version: dataVersions.version })
    .from(dataVersions)
    .where(eq(dataVersions.scope, scope));
  return Number(row?.version ?? 0);
}
