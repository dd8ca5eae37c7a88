import path from 'node:path';
import { z } from 'zod';

/** Configuration comes from the environment only; the README documents every variable. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  KENNO_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().url().optional(),
  KENNO_ADMIN_EMAIL: z.string().email().optional(),
  KENNO_ADMIN_PASSWORD: z.string().min(12).optional(),
  SMTP_URL: z.string().url().optional(),
  /** The address people reach Kenno at, for links in e-mails (e.g. https://kenno.example.org). */
  KENNO_PUBLIC_URL: z.string().url().optional(),
  KENNO_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KENNO_TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  KENNO_DEMO: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  smtpUrl: string | undefined;
  publicUrl: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['KENNO_LOG_LEVEL'];
  trustProxy: boolean;
  loadDemo: boolean;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.KENNO_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    adminEmail: e.KENNO_ADMIN_EMAIL,
    adminPassword: e.KENNO_ADMIN_PASSWORD,
    smtpUrl: e.SMTP_URL,
    publicUrl: e.KENNO_PUBLIC_URL?.replace(/\/+$/, ''),
    logLevel: e.KENNO_LOG_LEVEL,
    trustProxy: e.KENNO_TRUST_PROXY,
    // The demo network loads on the embedded default; on a PostgreSQL server only when asked.
    loadDemo: e.KENNO_DEMO ?? e.DATABASE_URL === undefined,
  };
}
