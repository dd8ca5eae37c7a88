import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { Command, Option } from 'commander';
import { loadConfig } from '../config.ts';
import { backupDatabase, headerFingerprint, restoreDatabase } from '../db/backup.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { loadDemoNetwork } from '../db/demo/load-demo.ts';
import { createApiToken, createUser, findUserByEmail } from '../db/queries/users.ts';
import { ROLES, type Role } from '../domain/auth/roles.ts';
import { MIN_PASSWORD_LENGTH } from '../domain/auth/secrets.ts';
import { AppError } from '../domain/errors.ts';
import { openDatabase, startServer } from '../server/start-server.ts';
import { WEB_DIST } from '../server/web-app.ts';
import { VERSION } from '../version.ts';

const program = new Command('kenno')
  .description('Kenno — the battery value-chain network platform')
  .version(VERSION);

program
  .command('start')
  .description('Start the server (embedded database in KENNO_DATA_DIR, or DATABASE_URL)')
  .option('--port <port>', 'port to listen on (default PORT or 3000)')
  .action(async (options: { port?: string }) => {
    const config = loadConfig(options.port ? { ...process.env, PORT: options.port } : process.env);
    ensureWebAppBuilt();
    const server = await startServer(config);
    console.log(`Kenno ${VERSION} is running at ${server.url} (database: ${server.database.kind}).`);
  });

const users = program.command('users').description('Manage user accounts');
users
  .command('add')
  .description('Add a user')
  .requiredOption('--email <email>', 'e-mail address (the sign-in name)')
  .requiredOption('--password <password>', `password, at least ${MIN_PASSWORD_LENGTH} characters`)
  .addOption(new Option('--role <role>', 'role').choices([...ROLES]).makeOptionMandatory())
  .option('--organisation <id>', 'organisation id (members)')
  .option('--region <id>', 'region id (coordinators)')
  .option('--name <name>', 'display name')
  .action(
    async (o: {
      email: string;
      password: string;
      role: Role;
      organisation?: string;
      region?: string;
      name?: string;
    }) => {
      if (o.password.length < MIN_PASSWORD_LENGTH)
        throw new AppError(
          'validation_failed',
          `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`,
        );
      await withDatabase(async (database) => {
        const user = await createUser(
          database.db,
          { kind: 'cli' },
          {
            email: o.email,
            password: o.password,
            role: o.role,
            organisationId: o.organisation ?? null,
            regionId: o.region ?? null,
            displayName: o.name,
          },
        );
        console.log(
          `Added ${user.email} as ${user.role}${user.organisationId ? ` of ${user.organisationId}` : ''}${user.regionId ? ` for ${user.regionId}` : ''}.`,
        );
      });
    },
  );

const tokens = program.command('tokens').description('Personal API tokens');
tokens
  .command('create')
  .description('Create a personal API token for a user and print it (shown once)')
  .requiredOption('--email <email>', 'the user')
  .requiredOption('--name <name>', 'what the token is for')
  .action(async (o: { email: string; name: string }) => {
    await withDatabase(async (database) => {
      const user = await findUserByEmail(database.db, o.email);
      if (!user) throw new AppError('not_found', `No user with e-mail ${o.email}`);
      const { token } = await createApiToken(database.db, { kind: 'cli' }, user.id, o.name);
      console.log(token);
    });
  });

program
  .command('demo')
  .description('Load the demo network (8 regions, value-chain taxonomy, organisations)')
  .option('--reset', 'replace the regions, taxonomy and organisations with the shipped demo data')
  .action(async (o: { reset?: boolean }) => {
    await withDatabase(async (database) => {
      const result = await loadDemoNetwork(database.db, { reset: Boolean(o.reset) });
      console.log(
        result.loaded
          ? `Demo network loaded: ${result.regions} regions, ${result.concepts} concepts, ${result.organisations} organisations, ${result.competences} competences.`
          : 'The demo network is already loaded (use --reset to reload it).',
      );
    });
  });

program
  .command('migrate')
  .description('Apply database migrations and exit')
  .action(async () => {
    await withDatabase(async () => console.log('The database schema is up to date.'));
  });

program
  .command('backup')
  .description('Write every table to a backup file (gzip-compressed when the name ends in .gz)')
  .argument('[file]', 'where to write it (default: kenno-backup-<time>.jsonl.gz)')
  .action(async (file?: string) => {
    const target = file ?? `kenno-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl.gz`;
    await withDatabase(async (database) => {
      const partial = `${target}.partial`;
      const out = fs.createWriteStream(partial);
      const gzip = target.endsWith('.gz') ? zlib.createGzip() : null;
      const done = gzip
        ? pipeline(gzip, out)
        : new Promise<void>((resolve, reject) => out.on('finish', () => resolve()).on('error', reject));
      const header = await backupDatabase(database.db, gzip ?? out);
      (gzip ?? out).end();
      await done;
      fs.renameSync(partial, target);
      const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
      console.log(
        `Backup written to ${target}: ${header.tables.length} tables, ${rows} rows (fingerprint ${headerFingerprint(header)}).`,
      );
    });
  });

program
  .command('restore')
  .description('Replace all data with a backup file, checking every table against its content hash')
  .argument('<file>', 'a file written by kenno backup')
  .option('--yes', 'confirm that the current data is replaced')
  .action(async (file: string, o: { yes?: boolean }) => {
    if (!fs.existsSync(file)) throw new AppError('not_found', `No such file: ${file}`);
    if (!o.yes) {
      throw new AppError(
        'bad_request',
        'Restoring replaces all current data. Run again with --yes to confirm.',
      );
    }
    await withDatabase(async (database) => {
      const raw = fs.createReadStream(file);
      const input = file.endsWith('.gz') ? raw.pipe(zlib.createGunzip()) : raw;
      const header = await restoreDatabase(database.db, input);
      const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
      console.log(
        `Restored ${header.tables.length} tables, ${rows} rows from ${file} (backup of ${header.createdAt}, fingerprint ${headerFingerprint(header)}); every table matches its content hash.`,
      );
    });
  });

/** `npm install` builds the web app (the `prepare` script); build it here if that was skipped. */
function ensureWebAppBuilt(): void {
  if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) return;
  const vite = fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url));
  if (!fs.existsSync(vite)) return; // the server still serves the API and says how to build
  console.log('Building the web app (first start) …');
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: 'inherit',
  });
}

async function withDatabase(
  work: (database: Awaited<ReturnType<typeof openDatabase>>) => Promise<void>,
): Promise<void> {
  const database = await openDatabase(loadConfig());
  try {
    await work(database);
  } finally {
    await database.close();
  }
}

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof DataDirLockedError || error instanceof AppError) {
    console.error(`kenno: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(error instanceof DataDirLockedError ? 75 : 1);
});
