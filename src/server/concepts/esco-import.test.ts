import fs from 'node:fs';
import path from 'node:path';
import { count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitEscoBroaderRelations, commitEscoConcepts, findConcept } from '../../db/queries/concepts.ts';
import { conceptHistory, concepts } from '../../db/schema/index.ts';
import { escoKindForFileName } from '../../domain/taxonomy/esco/esco-csv.ts';
import type { EscoConceptRow } from '../../domain/taxonomy/esco/esco-records.ts';
import { type ImportRunner, startImportRunner } from '../../jobs/imports/import-runner.ts';
import { buildUser, createTestApp, signIn, type TestApp } from '../../../test/support/test-app.ts';

/**
 * The ESCO fixture (official CSV layout: BOM, CRLF, multi-line cells) imported end to end
 * through the import API and the job runner, on PGlite and PostgreSQL.
 */
const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/esco');
const ENGINEER = 'esco:occupation:7648d5d9-cfab-4981-ba82-b66a9a41d37e';
const ENGINEER_URI = 'http://data.europa.eu/esco/occupation/7648d5d9-cfab-4981-ba82-b66a9a41d37e';
const ASSEMBLER = 'esco:occupation:718bba63-75b7-4b3a-9912-e201b729fe4c';
const STORAGE = 'esco:skill:6c6daac0-80f5-431f-a33f-c5b722094657';

let t: TestApp;
let runner: ImportRunner;
type Client = Awaited<ReturnType<typeof signIn>>;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  runner = startImportRunner(t.database.db, { pollMs: 50 });
  admin = await signIn(t.app, (await buildUser(t.database, 'admin')).email);
});
afterAll(async () => {
  await runner.stop();
  await t.close();
});

type ImportView = {
  status: string;
  summary: Record<string, number> | null;
  errors: { row: number; message: string }[];
  failure: { message: string } | null;
  suggestedMapping: Record<string, string>;
};

function upload(client: Client, name: string, data: Buffer, kind = escoKindForFileName(name)!) {
  const body = new FormData();
  body.append('kind', kind);
  body.append('file', new Blob([new Uint8Array(data)]), name);
  return t.app.inject({ method: 'POST', url: '/api/imports', headers: client.headers(true), payload: body });
}

async function importEsco(
  name: string,
  data = fs.readFileSync(path.join(FIXTURES, name)),
): Promise<ImportView> {
  const uploaded = await upload(admin, name, data);
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  const { id } = uploaded.json() as { id: string };
  const view = async () =>
    (await t.app.inject({ url: `/api/imports/${id}`, headers: admin.headers(false) })).json() as ImportView;
  const first = await view();
  // The official column names map themselves.
  const queued = await t.app.inject({
    method: 'POST',
    url: `/api/imports/${id}/commit`,
    headers: admin.headers(true),
    payload: { mapping: first.suggestedMapping },
  });
  expect(queued.statusCode, queued.body).toBeLessThan(300);
  const started = Date.now();
  for (;;) {
    const current = await view();
    if (current.status === 'done' || current.status === 'failed') return current;
    if (Date.now() - started > 25_000) throw new Error(`${name} still ${current.status}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

type Detail = {
  labels: Record<string, string>;
  altLabels: Record<string, string[]>;
  description: Record<string, string>;
  notation: string | null;
  uri: string | null;
  relations: {
    outgoing: { kind: string; concept: { id: string } }[];
    incoming: { kind: string; concept: { id: string } }[];
  };
};
const detail = async (id: string) =>
  (await t.app.inject({ url: `/api/concepts/${encodeURIComponent(id)}` })).json() as Detail;
const historyCount = async () =>
  Number(
    (
      await t.database.db
        .select({ n: count() })
        .from(conceptHistory)
        .where(like(conceptHistory.conceptId, 'esco:%'))
    )[0]!.n,
  );

describe('ESCO import through the import API', () => {
  it('merges the three language files of occupations into one concept each', async () => {
    const en = await importEsco('occupations_en.csv');
    expect(en.status, JSON.stringify(en)).toBe('done');
    expect(en.summary).toMatchObject({ created: 3, updated: 0, unchanged: 0, linkedJobRoles: 3 });
    expect((await importEsco('occupations_fi.csv')).summary).toMatchObject({ created: 0, updated: 3 });
    expect((await importEsco('occupations_sv.csv')).summary).toMatchObject({ created: 0, updated: 3 });

    const engineer = await detail(ENGINEER);
    expect(engineer.labels).toEqual({
      fi: 'akkujärjestelmäinsinööri',
      sv: 'batterisystemingenjör',
      en: 'battery system engineer',
    });
    expect(engineer.altLabels.en).toContain('battery cell module engineer');
    expect(engineer.altLabels.fi).toEqual(['akkujärjestelmien suunnittelija', 'energiavarastoinsinööri']);
    expect(engineer.description.en).toContain('design, test and develop battery systems');
    expect(engineer.notation).toBe('2151.4');
    expect(engineer.uri).toBe(ENGINEER_URI);
    // The battery job role is now linked to it.
    expect(engineer.relations.incoming).toContainEqual(
      expect.objectContaining({
        kind: 'exact-match',
        concept: expect.objectContaining({ id: 'job-role.battery-system-engineer' }),
      }),
    );
  });

  it('changes nothing when the same file comes again', async () => {
    const before = await historyCount();
    const [row] = await t.database.db.select().from(concepts).where(eq(concepts.id, ASSEMBLER));
    const again = await importEsco('occupations_fi.csv');
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 3, linkedJobRoles: 0 });
    expect(await historyCount()).toBe(before);
    const [after] = await t.database.db.select().from(concepts).where(eq(concepts.id, ASSEMBLER));
    expect(after).toEqual(row);
  });

  it('imports skills and the occupation–skill relations, skipping skills that are not imported', async () => {
    expect((await importEsco('skills_en.csv')).summary).toMatchObject({ created: 2 });
    expect((await importEsco('skills_fi.csv')).summary).toMatchObject({ updated: 2 });
    expect((await importEsco('skills_sv.csv')).summary).toMatchObject({ updated: 2 });
    const relations = await importEsco('occupationSkillRelations_en.csv');
    expect(relations.summary).toMatchObject({ created: 2, unchanged: 0, skipped: 1 });
    expect((await importEsco('occupationSkillRelations_en.csv')).summary).toMatchObject({
      created: 0,
      unchanged: 2,
    });

    const engineer = await detail(ENGINEER);
    expect(engineer.relations.outgoing).toContainEqual(
      expect.objectContaining({ kind: 'essential', concept: expect.objectContaining({ id: STORAGE }) }),
    );
    const storage = await detail(STORAGE);
    expect(storage.labels.sv).toBe('energilagringssystem');
    expect(storage.relations.incoming.map((r) => r.concept.id)).toEqual([ENGINEER]);
  });

  it('skips broader links to ISCO and skill groups, which Kenno does not import', async () => {
    const occ = await importEsco('broaderRelationsOccPillar_en.csv');
    expect(occ.summary).toMatchObject({ created: 0, updated: 0, skipped: 3 });
    const skills = await importEsco('broaderRelationsSkillPillar_en.csv');
    expect(skills.summary).toMatchObject({ created: 0, updated: 0, skipped: 3 });
  });

  it('finds imported concepts by any language’s label or alternative label, and exports them as SKOS', async () => {
    const search = async (q: string) =>
      (
        (
          await t.app.inject({ url: `/api/concepts?scheme=esco-occupations&q=${encodeURIComponent(q)}` })
        ).json() as { id: string }[]
      ).map((c) => c.id);
    expect(await search('akkujen kokoonpanija')).toEqual([ASSEMBLER]);
    expect(await search('battery welder')).toEqual([ASSEMBLER]);
    expect(await search('batterimontör')).toEqual([ASSEMBLER]);
    const schemes = (await t.app.inject({ url: '/api/concept-schemes' })).json() as {
      id: string;
      conceptCount: number;
    }[];
    expect(schemes.find((s) => s.id === 'esco-occupations')!.conceptCount).toBe(3);

    const doc = (await t.app.inject({ url: '/api/concept-schemes/esco-occupations/skos' })).json() as {
      '@graph': Record<string, unknown>[];
    };
    expect(doc['@graph'][0]!['@id']).toBe('http://data.europa.eu/esco/concept-scheme/occupations');
    const engineer = doc['@graph'].find((n) => n['@id'] === ENGINEER_URI)!;
    expect(engineer['skos:prefLabel']).toContainEqual({
      '@value': 'akkujärjestelmäinsinööri',
      '@language': 'fi',
    });
    expect(engineer['skos:notation']).toBe('2151.4');
  });

  it('refuses a language Kenno does not keep, storing nothing, and non-admins', async () => {
    const text = fs
      .readFileSync(path.join(FIXTURES, 'occupations_en.csv'), 'utf8')
      .replace('718bba63-75b7-4b3a-9912-e201b729fe4c', '00000000-0000-4000-8000-000000000001');
    const german = await importEsco('occupations_de.csv', Buffer.from(text, 'utf8'));
    expect(german.status).toBe('failed');
    expect(german.errors[0]!.message).toContain('language "de"');
    expect(
      await findConcept(t.database.db, 'esco:occupation:00000000-0000-4000-8000-000000000001'),
    ).toBeUndefined();

    const coordinator = await signIn(
      t.app,
      (await buildUser(t.database, 'coordinator', { regionId: 'vaasa' })).email,
    );
    const refused = await upload(
      coordinator,
      'skills_en.csv',
      fs.readFileSync(path.join(FIXTURES, 'skills_en.csv')),
    );
    expect(refused.statusCode).toBe(403);
  });
});

describe('ESCO hierarchy', () => {
  it('sets the parent from the first broader occupation, levels following, once', async () => {
    // Synthetic concepts (not ESCO data): an occupation narrower than another.
    const row = (uri: string, label: string): EscoConceptRow => ({
      kind: 'occupation',
      uri,
      language: 'en',
      preferredLabel: label,
      altLabels: [],
      hiddenLabels: [],
      status: 'released',
      description: '',
      definition: '',
      scopeNote: '',
      code: null,
      iscoGroup: null,
      skillType: null,
      reuseLevel: null,
      modifiedDate: null,
    });
    const parent = 'http://data.europa.eu/esco/occupation/test-parent';
    const child = 'http://data.europa.eu/esco/occupation/test-child';
    const actor = { kind: 'system' } as const;
    await commitEscoConcepts(
      t.database.db,
      [
        { row: 2, value: row(parent, 'test parent occupation') },
        { row: 3, value: row(child, 'test child occupation') },
      ],
      { actor },
    );
    const rows = [
      {
        row: 2,
        value: {
          conceptType: 'Occupation',
          conceptUri: child,
          broaderType: 'Occupation',
          broaderUri: parent,
        },
      },
      {
        row: 3,
        value: {
          conceptType: 'Occupation',
          conceptUri: child,
          broaderType: 'ISCOGroup',
          broaderUri: 'http://data.europa.eu/esco/isco/C2151',
        },
      },
    ];
    expect(await commitEscoBroaderRelations(t.database.db, rows, { actor })).toMatchObject({
      updated: 1,
      skipped: 1,
    });
    const stored = await findConcept(t.database.db, 'esco:occupation:test-child');
    expect(stored).toMatchObject({ parentId: 'esco:occupation:test-parent', level: 2 });
    expect(await commitEscoBroaderRelations(t.database.db, rows, { actor })).toMatchObject({
      updated: 0,
      unchanged: 1,
    });
    const [last] = await t.database.db
      .select()
      .from(conceptHistory)
      .where(eq(conceptHistory.conceptId, 'esco:occupation:test-child'))
      .orderBy(conceptHistory.id);
    expect(last!.action).toBe('import');
  });
});
