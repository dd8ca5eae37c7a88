import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { backupDatabase, headerFingerprint } from '../../db/backup.ts';
import { isAdmin } from '../../domain/auth/roles.ts';
import { AppError } from '../../domain/errors.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { requireUser } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';

/**
 * `GET /api/admin/backup`: the same file as `kenno backup`, from a running server (the embedded
 * database's folder is locked while the server runs, so the CLI cannot open it then). The
 * snapshot is written to a temporary file first, so a slow download never holds the database.
 */
export async function adminBackupRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    '/api/admin/backup',
    {
      schema: {
        tags: ['admin'],
        summary: 'Download a backup of every table (gzip-compressed JSON lines, as kenno backup writes)',
      },
    },
    async (request, reply) => {
      const user = requireUser(request.actor);
      if (!isAdmin(user)) throw new AppError('forbidden', 'Only admins may download backups');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kenno-backup-'));
      const file = path.join(dir, 'backup.jsonl.gz');
      const gzip = zlib.createGzip();
      const written = pipeline(gzip, fs.createWriteStream(file));
      const header = await backupDatabase(ctx.database.db, gzip);
      gzip.end();
      await written;
      await recordAudit(ctx.database.db, {
        actor: user,
        action: 'backup',
        entity: 'database',
        entityId: null,
        changes: { fingerprint: headerFingerprint(header) },
      });
      const stream = fs.createReadStream(file);
      stream.on('close', () => fs.rmSync(dir, { recursive: true, force: true }));
      const name = `kenno-backup-${header.createdAt.replace(/[:.]/g, '-')}.jsonl.gz`;
      return reply
        .header('content-type', 'application/gzip')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );
}
