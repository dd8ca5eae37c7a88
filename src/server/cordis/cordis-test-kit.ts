import { eq } from 'drizzle-orm';
import type { Db } from '../../db/create-db.ts';
import { upsertCordisProjects } from '../../db/queries/cordis.ts';
import {
  cordisParticipationData,
  storeCordisParticipationFile,
} from '../../db/queries/cordis-participation-file.ts';
import type { CordisParticipationRow } from '../../domain/cordis/cordis-participations.ts';
import { cordisOrganisations } from '../../db/schema/index.ts';

/**
 * CORDIS rows for tests and the permission matrix, written straight through the bulk queries:
 * a project, and organisations with a suggested or made link to a registry organisation.
 */
let seq = 0;

export async function seedCordisProject(db: Db, id = '910000001'): Promise<string> {
  await upsertCordisProjects(
    db,
    [
      {
        id,
        acronym: 'MATRIX',
        title: 'Matrix battery recycling project',
        status: 'SIGNED',
        topics: ['HORIZON-CL5-2023-D2-01-04'],
        frameworkProgramme: 'HORIZON',
        legalBasis: 'HORIZON.2.5',
        masterCall: null,
        subCall: null,
        fundingScheme: 'HORIZON-RIA',
        startDate: '2024-01-01',
        endDate: '2026-12-31',
        ecMaxContribution: 1000,
        totalCost: 1000,
        objective: 'Recycling.',
        keywords: '',
        conceptIds: [],
      },
    ],
    'test',
  );
  return id;
}

/** A Finnish CORDIS organisation in `projectId`; `suggested`/`linked` name a registry organisation. */
export async function seedCordisOrganisation(
  db: Db,
  link: { suggested?: string; linked?: string } = {},
  projectId = '910000001',
): Promise<string> {
  seq += 1;
  const id = String(920_000_000 + seq * 7 + (Date.now() % 7));
  const row: CordisParticipationRow = {
    projectId,
    organisationId: id,
    vatNumber: null,
    name: `Matrix Organisation ${seq}`,
    shortName: null,
    sme: false,
    activityType: 'PRC',
    city: 'Kokkola',
    country: 'FI',
    url: null,
    role: 'participant',
    ecContribution: 10,
    totalCost: 10,
    active: true,
  };
  await storeCordisParticipationFile(db, cordisParticipationData([row], 'test'), {
    importId: 'test',
    expectedParticipations: 1,
  });
  await db
    .update(cordisOrganisations)
    .set({
      suggestedOrganisationId: link.suggested ?? null,
      registryOrganisationId: link.linked ?? null,
      linkMethod: link.linked ? 'vat' : null,
    })
    .where(eq(cordisOrganisations.id, id));
  return id;
}
