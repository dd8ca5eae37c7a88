import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-db.ts';
import { type Database, type Db, isEmbedded } from '../create-db.ts';
import {
  BULK_LOAD_MIN_ROWS,
  isBulkLoad,
  type MergeSpec,
  mergeStagedUnindexed,
  copyData,
  createStage,
  type UpsertCounts,
  upsertStaged,
  withoutIndexes,
} from './bulk-write.ts';
import { copyBinary, type StageColumn } from '../copy-binary.ts';
import { rowsOf } from '../rows.ts';

/**
 * src/db/queries/bulk-write.ts on PGlite and PostgreSQL: staged values come back exactly, the
 * upsert and the unindexed merge store the same rows with the same counts, and a bulk load puts
 * back every key and index as it was — or, when the data breaks a key, nothing at all.
 */

type Row = { id: string; parent: string; label: string | null; amount: number | null; flag: boolean | null };

const COLUMNS: StageColumn<Row>[] = [
  { name: 'id', type: 'text', value: (r) => r.id },
  { name: 'parent', type: 'text', value: (r) => r.parent },
  { name: 'label', type: 'text', value: (r) => r.label },
  { name: 'amount', type: 'float8', value: (r) => r.amount },
  { name: 'flag', type: 'boolean', value: (r) => r.flag },
];

const SPEC: MergeSpec = {
  table: 'bulk_child',
  stage: 'bulk_stage',
  key: ['id'],
  columns: ['parent', 'label', 'amount', 'flag'],
  stamp: [{ column: 'batch', value: sql`${'b1'}` }],
};

let database: Database;
let db: Db;
const query = async <T>(text: string) => rowsOf<T>(await db.execute(sql.raw(text)));

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(async () => database?.close());

beforeEach(async () => {
  await db.execute(sql.raw('drop table if exists bulk_child, bulk_parent'));
  await db.execute(sql.raw('create table bulk_parent (id text primary key)'));
  await db.execute(
    sql.raw(`create table bulk_child (
      id text constraint bulk_child_pk primary key,
      parent text not null constraint bulk_child_parent_fk references bulk_parent(id) on delete cascade,
      label text, amount float8, flag boolean, batch text,
      constraint bulk_child_label_unique unique (label))`),
  );
  await db.execute(sql.raw('create index bulk_child_parent_idx on bulk_child (parent)'));
  await db.execute(sql.raw(`create index bulk_child_lower_idx on bulk_child (lower(label)) where flag`));
  await db.execute(sql.raw(`insert into bulk_parent values ('p1'), ('p2')`));
});

/** Everything the catalog says about the table's keys and indexes. */
async function catalog() {
  return query<{ name: string; definition: string }>(`
    select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
      where conrelid = 'bulk_child'::regclass
    union all
    select indexname, indexdef from pg_indexes where tablename = 'bulk_child'
    order by 1, 2`);
}

/** Rows into a new staging table, as the CORDIS store stages a file. */
async function stageRows(t: Db, rows: Row[]): Promise<void> {
  await createStage(t, 'bulk_stage', COLUMNS);
  await copyData(
    t,
    'bulk_stage',
    COLUMNS.map((c) => c.name),
    copyBinary(COLUMNS, rows),
  );
}

async function write(rows: Row[], bulk: boolean): Promise<UpsertCounts> {
  return db.transaction(async (t) => {
    await stageRows(t, rows);
    const counts = bulk
      ? await withoutIndexes(t, ['bulk_child'], () => mergeStagedUnindexed(t, SPEC, rows.length))
      : await upsertStaged(t, SPEC, rows.length);
    await t.execute(sql.raw('drop table bulk_stage'));
    return counts;
  });
}

const stored = () => query<Row & { batch: string }>('select * from bulk_child order by id');

describe('staged rows (createStage, copyData of copyBinary)', () => {
  it('carries text, numbers, booleans and nulls exactly', async () => {
    const rows: Row[] = [
      {
        id: 'a',
        parent: 'p1',
        label: 'tab\there\nnew line\r\\ back "quoted" ;,',
        amount: 0.1 + 0.2,
        flag: true,
      },
      { id: 'b', parent: 'p1', label: 'Åbo Akademi — Jyväskylä 电池 🔋', amount: -1234567.5, flag: false },
      { id: 'c', parent: 'p2', label: null, amount: null, flag: null },
      { id: 'd', parent: 'p2', label: '', amount: 999_999_999_999_999, flag: true },
      { id: 'e', parent: 'p2', label: '\\N', amount: 0, flag: false },
    ];
    const back = await db.transaction(async (t) => {
      await stageRows(t, rows);
      return rowsOf<Row>(await t.execute(sql.raw('select * from bulk_stage order by id')));
    });
    expect(back).toEqual(rows);
  });
});

describe('upsert and unindexed merge', () => {
  const first: Row[] = [
    { id: '1', parent: 'p1', label: 'one', amount: 1, flag: true },
    { id: '2', parent: 'p1', label: 'two', amount: 2, flag: false },
    { id: '3', parent: 'p2', label: null, amount: null, flag: null },
  ];
  const second: Row[] = [
    { id: '1', parent: 'p1', label: 'one', amount: 1, flag: true }, // unchanged
    { id: '2', parent: 'p2', label: 'two', amount: 2.5, flag: false }, // changed
    { id: '3', parent: 'p2', label: null, amount: null, flag: null }, // unchanged, nulls alike
    { id: '4', parent: 'p1', label: 'four', amount: 4, flag: true }, // new
  ];

  for (const bulk of [false, true]) {
    it(`counts created, updated and unchanged rows (${bulk ? 'merge without indexes' : 'upsert'})`, async () => {
      expect(await write(first, bulk)).toEqual({ created: 3, updated: 0, unchanged: 0 });
      expect(await write(second, bulk)).toEqual({ created: 1, updated: 1, unchanged: 2 });
      expect(await write(second, bulk)).toEqual({ created: 0, updated: 0, unchanged: 4 });
      expect((await stored()).map(({ batch, ...row }) => row)).toEqual(second);
      expect((await stored()).every((r) => r.batch === 'b1')).toBe(true);
    });
  }

  it('stores the same table either way', async () => {
    await write(first, false);
    await write(second, false);
    const upserted = await stored();
    await db.execute(sql.raw('delete from bulk_child'));
    await write(first, true);
    await write(second, true);
    expect(await stored()).toEqual(upserted);
  });
});

describe('withoutIndexes', () => {
  it('puts every key and index back exactly as it was, and they hold again', async () => {
    const before = await catalog();
    expect(before.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'bulk_child_pk',
        'bulk_child_parent_fk',
        'bulk_child_label_unique',
        'bulk_child_parent_idx',
        'bulk_child_lower_idx',
      ]),
    );
    await write([{ id: '1', parent: 'p1', label: 'x', amount: 1, flag: true }], true);
    expect(await catalog()).toEqual(before);
    await expect(
      db.execute(sql.raw(`insert into bulk_child (id, parent) values ('1', 'p1')`)),
    ).rejects.toThrow();
    await expect(
      db.execute(sql.raw(`insert into bulk_child (id, parent) values ('9', 'nobody')`)),
    ).rejects.toThrow();
    await db.execute(sql.raw(`delete from bulk_parent where id = 'p1'`));
    expect(await stored()).toEqual([]); // the cascade came back too
  });

  it('builds a table’s plain indexes early on request, and puts the keys back at the end as before', async () => {
    const before = await catalog();
    const plainIndexes = async (t: Db) =>
      rowsOf<{ name: string }>(
        await t.execute(
          sql.raw(`select indexname as name from pg_indexes where tablename = 'bulk_child' order by 1`),
        ),
      ).map((r) => r.name);
    const row = (id: string, parent: string, label: string): Row => ({
      id,
      parent,
      label,
      amount: 1,
      flag: true,
    });
    await db.transaction(async (t) => {
      await withoutIndexes(t, ['bulk_child'], async (dropped) => {
        await copyData(
          t,
          'bulk_child',
          COLUMNS.map((c) => c.name),
          copyBinary(COLUMNS, [row('1', 'p1', 'a')]),
        );
        expect(await plainIndexes(t)).toEqual([]);
        await dropped.restoreIndexesOf('bulk_child');
        // The plain indexes only: the primary and unique keys (and their indexes) wait for the end.
        expect(await plainIndexes(t)).toEqual(['bulk_child_lower_idx', 'bulk_child_parent_idx']);
        await copyData(
          t,
          'bulk_child',
          COLUMNS.map((c) => c.name),
          copyBinary(COLUMNS, [row('2', 'p2', 'B')]),
        );
        await dropped.restoreIndexesOf('bulk_child'); // twice: nothing more
      });
    });
    expect(await catalog()).toEqual(before);
    expect((await stored()).map((r) => r.id)).toEqual(['1', '2']);
  });

  it('builds a table’s keys early when its rows are unique, and at the end when they are not yet', async () => {
    const before = await catalog();
    const keys = async (t: Db) =>
      rowsOf<{ name: string }>(
        await t.execute(
          sql.raw(
            `select conname as name from pg_constraint where conrelid = 'bulk_child'::regclass and contype in ('p', 'u') order by 1`,
          ),
        ),
      ).map((r) => r.name);
    const row = (id: string, label: string): Row => ({ id, parent: 'p1', label, amount: 1, flag: true });
    const names = COLUMNS.map((c) => c.name);
    await db.transaction(async (t) => {
      await withoutIndexes(t, ['bulk_child'], async (dropped) => {
        await copyData(t, 'bulk_child', names, copyBinary(COLUMNS, [row('1', 'a'), row('1', 'b')]));
        // One id twice: the savepoint rolls back and the transaction goes on without the keys.
        expect(await dropped.tryRestoreKeysOf('bulk_child')).toBe(false);
        expect(await keys(t)).toEqual([]);
        await t.execute(sql.raw(`delete from bulk_child where label = 'b'`));
        expect(await dropped.tryRestoreKeysOf('bulk_child')).toBe(true);
        expect(await keys(t)).toEqual(['bulk_child_label_unique', 'bulk_child_pk']);
        // Rows written after are checked by the keys at once.
        await expect(
          t.transaction((s) => copyData(s, 'bulk_child', names, copyBinary(COLUMNS, [row('1', 'c')]))),
        ).rejects.toThrow();
        await copyData(t, 'bulk_child', names, copyBinary(COLUMNS, [row('2', 'c')]));
        expect(await dropped.tryRestoreKeysOf('bulk_child')).toBe(true); // again: nothing more
      });
    });
    expect(await catalog()).toEqual(before);
    expect((await stored()).map((r) => r.id)).toEqual(['1', '2']);
  });

  it('stores nothing and keeps the keys when the loaded rows break one', async () => {
    await write([{ id: '1', parent: 'p1', label: 'x', amount: 1, flag: true }], false);
    const before = await catalog();
    // A parent that does not exist: the foreign key, built again at the end, refuses the load.
    await expect(
      write([{ id: '2', parent: 'nobody', label: 'y', amount: 2, flag: true }], true),
    ).rejects.toThrow();
    // The same label twice: the unique key refuses it.
    await expect(
      write(
        [
          { id: '3', parent: 'p1', label: 'same', amount: 3, flag: true },
          { id: '4', parent: 'p1', label: 'same', amount: 4, flag: true },
        ],
        true,
      ),
    ).rejects.toThrow();
    expect(await catalog()).toEqual(before);
    expect((await stored()).map((r) => r.id)).toEqual(['1']);
  });
});

describe('isEmbedded', () => {
  it('tells the embedded database from a server, in a transaction too', async () => {
    const embedded = database.kind === 'pglite';
    expect(isEmbedded(db)).toBe(embedded);
    expect(await db.transaction(async (t) => isEmbedded(t))).toBe(embedded);
  });
});

describe('isBulkLoad', () => {
  it('takes the bulk way for a large load that at least doubles the table', () => {
    expect(isBulkLoad(BULK_LOAD_MIN_ROWS, 0)).toBe(true);
    expect(isBulkLoad(BULK_LOAD_MIN_ROWS - 1, 0)).toBe(false);
    expect(isBulkLoad(1_000_000, 500_000)).toBe(true);
    expect(isBulkLoad(1_000_000, 500_001)).toBe(false);
  });
});
