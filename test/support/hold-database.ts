// A second process for the lock tests: opens an embedded data folder, writes one audit row,
// prints "ready" and waits to be killed.
import { sql } from 'drizzle-orm';
import { createDb } from '../../src/db/create-db.ts';

const dataDir = process.argv[2]!;
const database = await createDb({ dataDir });
await database.db.execute(sql`insert into meta (key, value) values ('held-by', ${JSON.stringify(process.pid)}::jsonb)
  on conflict (key) do update set value = excluded.value`);
process.stdout.write('ready\n');
setInterval(() => {}, 1000);
