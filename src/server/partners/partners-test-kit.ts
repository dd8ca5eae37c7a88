import type { Db } from '../../db/create-db.ts';
import {
  cordisOrganisations,
  cordisParticipations,
  cordisProjects,
  organisationCompetences,
  organisations,
} from '../../db/schema/index.ts';

/**
 * A small CORDIS corpus for partner-search tests, inserted straight into the cordis_* tables
 * (what the CORDIS import writes), with a recognisable prefix so tests never collide with demo
 * rows. `coordinator` leads a recent black-mass recycling project; `veteran` took part in an old
 * one; `cellmaker` (GR, SME) builds electrolytes; `linked` is linked to the registry organisation
 * `<prefix>-registry` (a private Kokkola organisation with a cathode competence).
 */
export async function insertPartnerCorpus(db: Db, prefix: string) {
  const id = (s: string) => `${prefix}-${s}`;
  await db.insert(organisations).values({
    id: id('registry'),
    name: `Zyxwv Cathode ${prefix} Oy`,
    type: 'company',
    regionId: 'kokkola',
    description: { fi: 'Katodimateriaalien valmistus', sv: '', en: 'Cathode material production' },
    isPublic: false,
  });
  await db
    .insert(organisationCompetences)
    .values({ organisationId: id('registry'), conceptId: 'cam', strength: 'core' });
  await db.insert(cordisProjects).values([
    {
      id: id('p-recent'),
      acronym: 'BLAXMASS',
      title: 'Hydrometallurgical recycling of black mass',
      objective: 'Recovering lithium, nickel and cobalt from black mass by leaching.',
      topics: ['HORIZON-CL5-2024-D2-01-03'],
      conceptIds: ['recycling.black-mass'],
      startDate: '2024-01-01',
      endDate: '2027-12-31',
    },
    {
      id: id('p-old'),
      acronym: 'OLDLEACH',
      title: 'Leaching of battery scrap',
      objective: 'Black mass leaching at pilot scale.',
      topics: ['H2020-LC-BAT-2019'],
      conceptIds: ['recycling.black-mass'],
      startDate: '2010-01-01',
      endDate: '2013-12-31',
    },
    {
      id: id('p-electrolyte'),
      acronym: 'SOLIDELY',
      title: 'Solid electrolytes for safe cells',
      objective: 'Sulphide solid electrolytes.',
      topics: ['HORIZON-CL5-2023-D2-01-01'],
      conceptIds: ['electrolyte'],
      startDate: '2023-01-01',
      endDate: '2026-06-30',
    },
    {
      id: id('p-cathode'),
      acronym: 'CATHOX',
      title: 'Cathode active materials from Nordic nickel',
      objective: 'NMC cathode active material synthesis.',
      topics: [],
      conceptIds: ['cam'],
      startDate: '2022-01-01',
      endDate: '2025-06-30',
    },
  ]);
  await db.insert(cordisOrganisations).values([
    {
      id: id('coordinator'),
      name: `Qwerty Recycling Institute ${prefix}`,
      country: 'DE',
      activityType: 'REC',
      sme: false,
    },
    {
      id: id('veteran'),
      name: `Old Leaching ${prefix} GmbH`,
      country: 'AT',
      activityType: 'PRC',
      sme: false,
    },
    {
      id: id('cellmaker'),
      name: `Electrolyte Works ${prefix}`,
      country: 'EL',
      activityType: 'PRC',
      sme: true,
    },
    {
      id: id('linked'),
      name: `ZYXWV CATHODE ${prefix.toUpperCase()} OY`,
      country: 'FI',
      activityType: 'PRC',
      sme: true,
      registryOrganisationId: id('registry'),
      linkMethod: 'vat',
    },
  ]);
  await db.insert(cordisParticipations).values([
    {
      projectId: id('p-recent'),
      organisationId: id('coordinator'),
      role: 'coordinator',
      ecContribution: 2_500_000,
    },
    {
      projectId: id('p-recent'),
      organisationId: id('cellmaker'),
      role: 'participant',
      ecContribution: 300_000,
    },
    { projectId: id('p-old'), organisationId: id('veteran'), role: 'participant', ecContribution: 100_000 },
    {
      projectId: id('p-electrolyte'),
      organisationId: id('cellmaker'),
      role: 'coordinator',
      ecContribution: 900_000,
    },
    {
      projectId: id('p-cathode'),
      organisationId: id('linked'),
      role: 'coordinator',
      ecContribution: 1_200_000,
    },
  ]);
  return {
    registry: id('registry'),
    coordinator: id('coordinator'),
    veteran: id('veteran'),
    cellmaker: id('cellmaker'),
    linked: id('linked'),
    project: (s: 'p-recent' | 'p-old' | 'p-electrolyte' | 'p-cathode') => id(s),
  };
}
