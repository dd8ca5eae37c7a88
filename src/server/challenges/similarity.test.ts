import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChallenge } from '../../db/queries/challenges.ts';
import type { UserRow } from '../../db/queries/users.ts';
import {
  call,
  createHiddenKokkola,
  type Person,
  person,
  submitChallenge,
} from '../../../test/support/challenge-fixtures.ts';
import { pdfText } from '../../../test/support/pdf-text.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { similarityReadModelFor } from './similarity-read-model.ts';

type Reason = { kind: string; conceptIds?: string[]; terms?: string[]; from?: string; to?: string };
type Similar = { challenge: { id: string; regionId: string | null }; score: number; reasons: Reason[] };
type Common = {
  clusterId: string;
  regions: string[];
  challenges: { id: string; title: string; regionId: string | null; organisationName: string | null }[];
  concepts: { id: string; label: { fi: string; sv: string; en: string } }[];
  cohesion: number;
  languages: string[];
};

let t: TestApp;
let centria: Person;
let hidden: Person;
let uef: Person;
let coordKokkola: Person;
let admin: Person;

beforeAll(async () => {
  t = await createTestApp();
  await createHiddenKokkola(t);
  centria = await person(t, 'member', { organisationId: 'centria' });
  hidden = await person(t, 'member', { organisationId: 'hidden-kokkola' });
  uef = await person(t, 'member', { organisationId: 'uef' });
  coordKokkola = await person(t, 'coordinator', { regionId: 'kokkola' });
  admin = await person(t, 'admin');
});
afterAll(async () => t.close());

const similar = async (who: Person | null, id: string) => {
  const response = await call(t, who, 'GET', `/api/challenges/${id}/similar?limit=50`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Similar[];
};
const common = async (who: Person | null, query = '') => {
  const response = await call(t, who, 'GET', `/api/challenges/common${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Common[];
};
const clusterWith = (clusters: Common[], id: string) =>
  clusters.find((c) => c.challenges.some((m) => m.id === id));

function actorOf(user: UserRow) {
  return {
    kind: 'user' as const,
    userId: user.id,
    role: user.role,
    organisationId: user.organisationId,
    regionId: user.regionId,
    via: 'session' as const,
  };
}

/** A challenge written straight into the database (as the challenges routes would). */
async function addChallenge(
  by: Person,
  row: {
    id: string;
    title: string;
    description: string;
    language: 'fi' | 'sv' | 'en';
    regionId: string;
    organisationId: string;
    isPublic?: boolean;
  },
) {
  await createChallenge(t.database.db, actorOf(by.user), {
    createdBy: by.user.id,
    conceptIds: [],
    suggestedConceptIds: [],
    trlNow: 3,
    trlWanted: 6,
    horizon: 'medium',
    isPublic: true,
    ...row,
  });
}

// Two paraphrases of one problem in Finnish and Swedish, from Kokkola and Vaasa.
const ALD_FI = {
  title: 'ALD-pinnoitus NMC811-katodimateriaalin partikkeleille',
  description:
    'Nikkelirikas NMC811-katodimateriaali reagoi elektrolyytin kanssa, ja kapasiteetti heikkenee syklauksessa. Haluamme kokeilla atomikerroskasvatusta (ALD) alumiinioksidipinnoitteen tekemiseen katodipartikkeleille ja testata pinnoitetut materiaalit pussikennoissa.',
};
const ALD_SV = {
  title: 'ALD-beläggning av NMC811-katodmaterial',
  description:
    'Nickelrikt NMC811-katodmaterial reagerar med elektrolyten och kapaciteten sjunker vid cykling. Vi vill pröva atomlagerdeponering (ALD) för att belägga katodpartiklarna med aluminiumoxid och testa dem i påsceller.',
};

describe('similar challenges', () => {
  it('finds the paraphrase in another language, with shared concepts, terms and the languages crossed', async () => {
    await addChallenge(centria, {
      id: 'sim-ald-fi',
      language: 'fi',
      regionId: 'kokkola',
      organisationId: 'centria',
      ...ALD_FI,
    });
    await addChallenge(admin, {
      id: 'sim-ald-sv',
      language: 'sv',
      regionId: 'vaasa',
      organisationId: 'novia',
      ...ALD_SV,
    });
    const found = await similar(null, 'sim-ald-fi');
    const match = found.find((s) => s.challenge.id === 'sim-ald-sv');
    expect(match, JSON.stringify(found.slice(0, 3))).toBeDefined();
    expect(found[0]!.challenge.id).toBe('sim-ald-sv');
    expect(match!.score).toBeGreaterThan(0.5);
    expect(match!.reasons).toContainEqual({ kind: 'cross_language', from: 'fi', to: 'sv' });
    expect(match!.reasons.find((r) => r.kind === 'concepts')?.conceptIds).toEqual(
      expect.arrayContaining(['cam.nmc']),
    );
    expect(match!.reasons.find((r) => r.kind === 'terms')?.terms).toEqual(
      expect.arrayContaining(['NMC811', 'ALD']),
    );
    expect(found.map((s) => s.challenge.id)).not.toContain('sim-ald-fi');
  });

  it('answers 404 for a challenge that does not exist or that the caller may not read', async () => {
    expect((await call(t, null, 'GET', '/api/challenges/no-such-challenge/similar')).statusCode).toBe(404);
    await addChallenge(hidden, {
      id: 'sim-hidden-only',
      language: 'en',
      regionId: 'kokkola',
      organisationId: 'hidden-kokkola',
      isPublic: false,
      title: 'A private challenge',
      description: 'Something only Hidden Kokkola Oy and the Kokkola coordinator may read.',
    });
    expect((await call(t, centria, 'GET', '/api/challenges/sim-hidden-only/similar')).statusCode).toBe(404);
    expect((await call(t, hidden, 'GET', '/api/challenges/sim-hidden-only/similar')).statusCode).toBe(200);
  });
});

describe('private challenges', () => {
  beforeAll(async () => {
    // A private paraphrase in Kuopio (UEF) of a public one in Kokkola.
    await addChallenge(centria, {
      id: 'sim-priv-a-public',
      language: 'en',
      regionId: 'kokkola',
      organisationId: 'centria',
      title: 'Cooling the battery rooms of electric ferries',
      description:
        'Battery rooms on electric car ferries heat up during fast charging in port. We want to test liquid cooling of the battery modules with a seawater heat exchanger and compare it with air cooling on a 4 MWh ferry battery.',
    });
    await addChallenge(uef, {
      id: 'sim-priv-b-private',
      language: 'fi',
      regionId: 'kuopio',
      organisationId: 'uef',
      isPublic: false,
      title: 'Sähkölauttojen akkuhuoneiden jäähdytys',
      description:
        'Sähkökäyttöisten autolauttojen akkuhuoneet kuumenevat pikalatauksessa satamassa. Haluamme testata akkumoduulien nestejäähdytystä merivesilämmönvaihtimella ja verrata sitä ilmajäähdytykseen 4 MWh:n lauttakäyttöisessä akussa.',
    });
  });

  it('never shows them to those who may not read them, neither as similar nor in a cluster', async () => {
    for (const who of [null, centria, hidden, coordKokkola]) {
      expect((await similar(who, 'sim-priv-a-public')).map((s) => s.challenge.id)).not.toContain(
        'sim-priv-b-private',
      );
      const clusters = await common(who);
      expect(clusters.flatMap((c) => c.challenges.map((m) => m.id))).not.toContain('sim-priv-b-private');
      // Without its private member the cluster spans one region, so it is not a common challenge.
      expect(clusterWith(clusters, 'sim-priv-a-public')).toBeUndefined();
    }
  });

  it('shows them to their own organisation and to admins, as a common challenge of two regions', async () => {
    for (const who of [uef, admin]) {
      expect((await similar(who, 'sim-priv-a-public')).map((s) => s.challenge.id)).toContain(
        'sim-priv-b-private',
      );
      const cluster = clusterWith(await common(who), 'sim-priv-a-public');
      expect(cluster?.challenges.map((m) => m.id).sort()).toEqual([
        'sim-priv-a-public',
        'sim-priv-b-private',
      ]);
      expect(cluster?.regions).toEqual(['kokkola', 'kuopio']);
      expect(cluster?.clusterId).toBe('cc-sim-priv-a-public');
    }
    const one = await call(t, uef, 'GET', '/api/challenges/common/cc-sim-priv-a-public');
    expect(one.statusCode).toBe(200);
    expect((await call(t, centria, 'GET', '/api/challenges/common/cc-sim-priv-a-public')).statusCode).toBe(
      404,
    );
  });
});

describe('common challenges', () => {
  it('are clusters of at least two challenges from at least two regions, demo data included', async () => {
    const clusters = await common(null);
    expect(clusters.length).toBeGreaterThanOrEqual(5);
    for (const c of clusters) {
      expect(c.challenges.length).toBeGreaterThanOrEqual(2);
      expect(c.regions.length).toBeGreaterThanOrEqual(2);
      expect(new Set(c.challenges.map((m) => m.regionId)).size).toBe(c.regions.length);
      expect(c.clusterId).toBe(`cc-${c.challenges[0]!.id}`);
      expect(c.cohesion).toBeGreaterThan(0);
      expect(c.cohesion).toBeLessThanOrEqual(1);
    }
    // The demo's battery-fire challenges from Vaasa (sv), Kymenlaakso (fi) and Turku (en) are one.
    const fire = clusterWith(clusters, 'demo-fire-vaasa');
    expect(fire?.challenges.map((m) => m.id)).toEqual(
      expect.arrayContaining(['demo-fire-xamk', 'demo-fire-turku']),
    );
    expect(fire?.languages).toEqual(['en', 'fi', 'sv']);
    expect(fire?.concepts.map((c) => c.id)).toContain('cross.safety.thermal-runaway');
    expect(fire?.concepts[0]?.label.fi).toBeTruthy();
    expect(fire?.challenges.find((m) => m.id === 'demo-fire-xamk')?.organisationName).toContain('Xamk');
  });

  it('filters by region and by concept (a concept includes its narrower ones)', async () => {
    const inKuopio = await common(null, '?region=kuopio');
    expect(inKuopio.length).toBeGreaterThan(0);
    for (const c of inKuopio) expect(c.regions).toContain('kuopio');
    const safety = await common(null, '?concept=cross.safety');
    expect(clusterWith(safety, 'demo-fire-vaasa')).toBeDefined();
    expect(await common(null, '?concept=no.such.concept')).toEqual([]);
  });

  it('takes in a new challenge at once, and lets it go when it is rejected or deleted', async () => {
    const before = clusterWith(await common(null), 'demo-fire-vaasa')!;
    const created = await submitChallenge(t, uef, {
      title: 'Akkupalojen sammutus ja lämpökarkaamisen varhainen havaitseminen',
      description:
        'Akkuvarastojen palot ovat vaikeita sammuttaa, ja lämpökarkaaminen leviää kennosta toiseen. Haluamme testata kaasuantureihin perustuvaa varhaista havaitsemista ja sammutusmenetelmiä pelastuslaitoksen kanssa.',
      language: 'fi',
    });
    const after = clusterWith(await common(null), created.id);
    expect(after?.clusterId).toBe(before.clusterId);
    expect(after?.regions).toContain('kuopio');
    const reject = await call(t, admin, 'PATCH', `/api/challenges/${created.id}`, { status: 'rejected' });
    expect(reject.statusCode, reject.body).toBe(200);
    expect(clusterWith(await common(null), created.id)).toBeUndefined();
    const back = await call(t, admin, 'PATCH', `/api/challenges/${created.id}`, { status: 'new' });
    expect(back.statusCode, back.body).toBe(200);
    expect(clusterWith(await common(null), created.id)?.clusterId).toBe(before.clusterId);
    expect((await call(t, admin, 'DELETE', `/api/challenges/${created.id}`)).statusCode).toBe(204);
    expect(clusterWith(await common(null), created.id)).toBeUndefined();
  });

  it('answers 404 for a cluster id nobody has', async () => {
    expect((await call(t, null, 'GET', '/api/challenges/common/cc-nothing')).statusCode).toBe(404);
  });

  it('keeps the same clusters through incremental updates as a full recomputation', async () => {
    const model = similarityReadModelFor(t.database.db);
    const incremental = (await model.current()).engine.clusters().map((c) => c.members.join(' '));
    const full = (await model.rebuild()).engine.clusters().map((c) => c.members.join(' '));
    expect(incremental.sort()).toEqual(full.sort());
  });
});

describe('the workshop export', () => {
  beforeAll(async () => {
    // A title a spreadsheet would run as a formula, in a cluster of two regions.
    await addChallenge(centria, {
      id: 'sim-formula-a',
      language: 'en',
      regionId: 'kokkola',
      organisationId: 'centria',
      title: '=HYPERLINK("http://example.org") vanadium redox flow electrolyte ageing',
      description:
        'Vanadium redox flow battery electrolyte ages and vanadium precipitates at high temperature. We want to test stabilising additives for the vanadium electrolyte in flow battery stacks.',
    });
    await addChallenge(admin, {
      id: 'sim-formula-b',
      language: 'fi',
      regionId: 'pori',
      organisationId: 'prizztech',
      title: 'Vanadiinivirtausakun elektrolyytin ikääntyminen',
      description:
        'Vanadiinivirtausakun elektrolyytti ikääntyy ja vanadiini saostuu korkeassa lämpötilassa. Haluamme testata stabiloivia lisäaineita vanadiinielektrolyytille virtausakun kennostoissa, esimerkiksi Pörin ja Åbon kokeissa.',
    });
  });

  it('gives an XLSX with a sheet of clusters and a sheet of challenges, formulas neutralised', async () => {
    const response = await call(t, null, 'GET', '/api/challenges/common/export?format=xlsx&lang=fi');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Yhteiset haasteet', 'Haasteet']);
    const clusterIds = workbook.worksheets[0]!.getColumn(1).values.slice(2);
    const visible = await common(null);
    expect(clusterIds).toEqual(visible.map((c) => c.clusterId));
    const members = workbook.worksheets[1]!;
    const titles = members.getColumn(3).values.slice(2) as string[];
    expect(titles.length).toBe(visible.reduce((n, c) => n + c.challenges.length, 0));
    expect(titles).toContain('\'=HYPERLINK("http://example.org") vanadium redox flow electrolyte ageing');
    expect(titles.every((v) => !/^[=+\-@]/.test(v))).toBe(true);
    expect(members.getRow(1).getCell(11).value).toBe('Kuvaus');
  });

  it('gives a PDF of one cluster with its regions and the challenges in their own words', async () => {
    const cluster = clusterWith(await common(null), 'sim-formula-b')!;
    expect(cluster.regions).toEqual(['kokkola', 'pori']);
    const response = await call(
      t,
      null,
      'GET',
      `/api/challenges/common/export?format=pdf&clusterId=${cluster.clusterId}&lang=sv`,
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Gemensamma utmaningar');
    expect(text).toContain('Vanadiinivirtausakun elektrolyytin ikääntyminen');
    expect(text).toContain('esimerkiksi Pörin ja Åbon kokeissa');
    expect(text).toContain('Karleby');
    expect(text).toContain(cluster.clusterId);
  });

  it('answers 404 for a cluster the caller cannot see', async () => {
    const response = await call(
      t,
      centria,
      'GET',
      '/api/challenges/common/export?format=pdf&clusterId=cc-sim-priv-a-public',
    );
    expect(response.statusCode).toBe(404);
  });
});
