import type { OfferFacts, TeacherFacts, Window } from './working-life-match.ts';

/**
 * Golden set of the working-life match: host offers shaped like the demo companies' fields of
 * work (data/demo/organisations.json value-chain concepts and regions) and illustrative
 * teachers (no real persons) of the network's institutions, each with the offers a
 * working-life coordinator judged relevant — 2: a period there serves the goals well,
 * 1: it serves them in part — judged from the goals, the place and the languages, not from
 * the scores. Offers not listed are not relevant (0). Concepts: data/reference/value-chain.json.
 */
const offer = (
  id: string,
  regionId: string | null,
  conceptIds: string[],
  languages: string[],
  extra: Partial<OfferFacts> = {},
): OfferFacts => ({
  id,
  organisationId: id,
  regionId,
  conceptIds,
  languages,
  capacity: 1,
  availableFrom: null,
  availableTo: null,
  isActive: true,
  booked: 0,
  ...extra,
});

export const GOLDEN_OFFERS: OfferFacts[] = [
  offer(
    'umicore-finland',
    'kokkola',
    ['refining.hydromet', 'refining.metal-sulphates', 'pcam'],
    ['fi', 'sv', 'en'],
    {
      capacity: 2,
    },
  ),
  offer('jervois-finland', 'kokkola', ['refining.hydromet', 'refining.battery-chemicals'], ['fi', 'en']),
  offer('keliber', 'kokkola', ['raw.beneficiation', 'refining.lithium-chemicals'], ['fi']),
  offer('boliden-kokkola', 'kokkola', ['refining.technology-metals'], ['fi', 'sv']),
  offer('hycamite', 'kokkola', ['anode.graphite', 'cross.sustainability.lca'], ['fi', 'en']),
  offer('valmet-automotive', 'turku', ['pack.module-pack', 'pack.testing', 'app.ev'], ['fi', 'en']),
  offer(
    'fortum-battery-recycling',
    'pori',
    ['recycling.mechanical', 'recycling.black-mass', 'recycling.hydromet'],
    ['fi', 'en'],
  ),
  offer('nornickel-harjavalta', 'pori', ['refining.hydromet', 'refining.metal-sulphates'], ['fi', 'en']),
  offer('wartsila', 'vaasa', ['app.stationary.grid-bess', 'cross.digital'], ['fi', 'sv', 'en'], {
    availableFrom: '2027-01-11',
    availableTo: '2027-05-28',
  }),
  offer('hitachi-energy-finland', 'vaasa', ['app.stationary.grid-integration'], ['fi', 'sv', 'en']),
  offer('finnish-battery-chemicals', 'kymenlaakso', ['pcam', 'cam'], ['fi', 'en']),
  offer('neoen-yllikkala', 'lappeenranta', ['app.stationary.grid-bess'], ['en']),
  offer('weeefiner', 'jyvaskyla', ['cross.circular', 'raw.critical'], ['fi']),
  offer('akkuser', null, ['recycling.mechanical', 'recycling.collection'], ['fi']),
  offer('stora-enso-sunila', 'kymenlaakso', ['anode.hard-carbon'], ['fi', 'sv', 'en']),
  offer('basf-harjavalta', 'pori', ['pcam'], ['fi', 'en'], { isActive: false }),
  offer('polar-night-energy', 'pori', ['app.stationary'], ['fi', 'en'], { booked: 1 }),
];

export type GoldenTeacher = {
  teacher: TeacherFacts;
  about: string;
  wanted?: Window;
  /** offer id → relevance 1 or 2. */
  relevant: Record<string, 1 | 2>;
};

const teacher = (id: string, regionId: string, conceptIds: string[], languages: string[]): TeacherFacts => ({
  id,
  regionId,
  conceptIds,
  languages,
});

export const GOLDEN_TEACHERS: GoldenTeacher[] = [
  {
    about: 'chemical engineering lecturer, UAS in Kokkola: hydrometallurgical recycling and metal sulphates',
    teacher: teacher(
      't-centria-chem',
      'kokkola',
      ['recycling.hydromet', 'refining.metal-sulphates'],
      ['fi', 'sv'],
    ),
    relevant: {
      'umicore-finland': 2,
      'fortum-battery-recycling': 2,
      'nornickel-harjavalta': 1,
      'jervois-finland': 1,
      'boliden-kokkola': 1,
    },
  },
  {
    about: 'process operator teacher, vocational college in Kokkola: process safety, lithium chemicals',
    teacher: teacher(
      't-kpedu-process',
      'kokkola',
      ['cross.safety.process', 'refining.lithium-chemicals'],
      ['fi'],
    ),
    relevant: { keliber: 2, 'jervois-finland': 1, 'umicore-finland': 1, 'boliden-kokkola': 1 },
  },
  {
    about: 'electrical engineering lecturer, Swedish-language UAS in Vaasa: grid integration, BMS',
    teacher: teacher('t-novia-grid', 'vaasa', ['app.stationary.grid-integration', 'pack.bms'], ['sv', 'en']),
    relevant: { 'hitachi-energy-finland': 2, wartsila: 2, 'neoen-yllikkala': 1, 'valmet-automotive': 1 },
  },
  {
    about: 'automotive engineering lecturer, UAS in Turku: module and pack assembly, cell assembly',
    teacher: teacher('t-turku-pack', 'turku', ['pack.module-pack', 'cell.assembly'], ['fi', 'en']),
    relevant: { 'valmet-automotive': 2 },
  },
  {
    about: 'environmental technology teacher, vocational college in Pori: mechanical recycling, collection',
    teacher: teacher('t-sataedu-recycling', 'pori', ['recycling.mechanical', 'recycling.collection'], ['fi']),
    relevant: { 'fortum-battery-recycling': 2, akkuser: 2, weeefiner: 1 },
  },
  {
    about: 'circular economy lecturer, UAS in Jyväskylä: circular economy, life cycle assessment',
    teacher: teacher('t-jamk-circular', 'jyvaskyla', ['cross.circular', 'cross.sustainability.lca'], ['fi']),
    relevant: { weeefiner: 2, hycamite: 1 },
  },
  {
    about: 'chemistry lecturer, UAS in Kymenlaakso: precursors and NMC cathode materials',
    teacher: teacher('t-xamk-cam', 'kymenlaakso', ['pcam', 'cam.nmc'], ['fi', 'en']),
    relevant: { 'finnish-battery-chemicals': 2, 'umicore-finland': 1 },
  },
  {
    about: 'separation technology teacher, university in Lappeenranta: solvent extraction, hydrometallurgy',
    teacher: teacher(
      't-lut-separation',
      'lappeenranta',
      ['cross.separation.sx', 'refining.hydromet'],
      ['en', 'fi'],
    ),
    relevant: {
      'nornickel-harjavalta': 2,
      'umicore-finland': 1,
      'jervois-finland': 1,
      'fortum-battery-recycling': 1,
    },
  },
  {
    about: 'materials engineering lecturer, UAS in Kuopio: silicon and graphite anodes',
    teacher: teacher('t-savonia-anode', 'kuopio', ['anode.silicon', 'anode.graphite'], ['fi']),
    relevant: { hycamite: 2, 'stora-enso-sunila': 1 },
  },
  {
    about: 'energy technology lecturer, UAS in Vaasa, free in autumn 2027 only: grid-scale storage',
    teacher: teacher('t-vamk-bess', 'vaasa', ['app.stationary.grid-bess'], ['fi', 'sv', 'en']),
    wanted: { from: '2027-08-16', to: '2027-10-29' },
    relevant: { 'neoen-yllikkala': 2, 'hitachi-energy-finland': 1 },
  },
];
