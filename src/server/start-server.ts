import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { createDb, type Database } from '../db/create-db.ts';
import { loadDemoNetwork } from '../db/demo/load-demo.ts';
import { countAdmins, createUser } from '../db/queries/users.ts';
import { startDeadlineReminders } from '../jobs/deadlines/deadline-reminders.ts';
import { startEmailSender } from '../jobs/email/email-sender.ts';
import { startImportRunner } from '../jobs/imports/import-runner.ts';
import { sharedSkillsReadModel } from './skills/skills.ts';
import { VERSION } from '../version.ts';
import { buildApp } from './app.ts';

export type RunningServer = { app: FastifyInstance; database: Database; url: string; stop(): Promise<void> };

export function openDatabase(config: Config): Promise<Database> {
  return config.databaseUrl ? createDb({ url: config.databaseUrl }) : createDb({ dataDir: config.dataDir });
}

/** Opens the database (migrations run), loads the demo network on first start, makes the
 * first admin, and listens. SIGTERM/SIGINT close the server and the database cleanly. */
export async function startServer(
  config: Config,
  options: { handleSignals?: boolean } = {},
): Promise<RunningServer> {
  const database = await openDatabase(config);
  try {
    if (config.loadDemo) {
      const result = await loadDemoNetwork(database.db, { reset: false });
      if (result.loaded) {
        console.log(
          `Loaded the demo network: ${result.regions} regions, ${result.concepts} concepts, ${result.organisations} organisations.`,
        );
      }
    }
    await ensureFirstAdmin(database, config);
  } catch (error) {
    await database.close();
    throw error;
  }
  const app = await buildApp({ database, config, version: VERSION });
  // Imports run in the background of every server; on the embedded database no other process
  // can be running one, so an import left "running" by a killed process is taken over at once.
  const importRunner = startImportRunner(database.db, {
    log: app.log,
    expireRunningAtStart: database.kind === 'pglite',
  });
  // E-mails of notifications go out through SMTP_URL, or to the log when it is not set.
  const emailSender = startEmailSender(database.db, {
    smtpUrl: config.smtpUrl,
    publicUrl: config.publicUrl,
    log: app.log,
  });
  // Call-deadline reminders (30, 7, 1 days before) for projects still in preparation.
  const deadlineReminders = startDeadlineReminders(database.db, { log: app.log });
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      await importRunner.stop();
      await emailSender.stop();
      await deadlineReminders.stop();
      await app.close();
      await database.close();
    })();
    return stopping;
  };
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await stop();
    throw error;
  }
  // Build the gap cube now rather than on the first gap request (≈ 20 s at a million answers).
  sharedSkillsReadModel(database.db)
    .current()
    .catch((error: unknown) => app.log.warn({ err: error }, 'warming the skills read model failed'));
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  if (options.handleSignals !== false) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        app.log.info({ signal }, 'shutting down');
        stop().then(
          () => process.exit(0),
          (error) => {
            console.error(error);
            process.exit(1);
          },
        );
      });
    }
  }
  return { app, database, url, stop };
}

async function ensureFirstAdmin(database: Database, config: Config): Promise<void> {
  if ((await countAdmins(database.db)) > 0) return;
  if (config.adminEmail && config.adminPassword) {
    await createUser(
      database.db,
      { kind: 'system' },
      {
        email: config.adminEmail,
        password: config.adminPassword,
        role: 'admin',
        displayName: 'Administrator',
      },
    );
    console.log(`Created the first admin ${config.adminEmail} (from KENNO_ADMIN_EMAIL).`);
    return;
  }
  const email = config.adminEmail ?? 'admin@kenno.local';
  const password = randomBytes(12).toString('base64url');
  await createUser(
    database.db,
    { kind: 'system' },
    { email, password, role: 'admin', displayName: 'Administrator' },
  );
  console.log(
    [
      '',
      '  ┌─ First admin created — this password is shown only once ─────────────',
      `  │  e-mail:   ${email}`,
      `  │  password: ${password}`,
      '  │  Sign in and keep it safe, or set KENNO_ADMIN_EMAIL/KENNO_ADMIN_PASSWORD',
      '  │  before the first start next time.',
      '  └──────────────────────────────────────────────────────────────────────',
      '',
    ].join('\n'),
  );
}
