import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const WEB_DIST = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/** Serves the built React app; every non-API GET that is not a file gets index.html. */
export async function registerWebApp(app: FastifyInstance, webDir = WEB_DIST): Promise<void> {
  const indexFile = path.join(webDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    app.log.warn(`No built web app in ${webDir}: run "npm run build". The API still works.`);
    app.get('/', async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('Kenno API is running. Build the web app with "npm run build".'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    index: false,
    maxAge: '1h',
    // The build writes .br and .gz beside each asset (vite.config.ts); send those when accepted.
    preCompressed: true,
    setHeaders(reply, filePath) {
      // Vite puts a content hash in every asset name: those never change.
      if (filePath.includes(`${path.sep}assets${path.sep}`))
        reply.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  const indexHtml = fs.readFileSync(indexFile, 'utf8');
  const sendIndex = (_request: unknown, reply: import('fastify').FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
  app.get('/', sendIndex);
  app.get('/*', async (request, reply) => {
    const url = request.url.split('?')[0]!;
    if (url.startsWith('/api/')) return reply.callNotFound();
    const file = path.join(webDir, path.normalize(url));
    if (file.startsWith(webDir) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return reply.sendFile(path.relative(webDir, file));
    }
    if (path.extname(url)) return reply.callNotFound();
    // A personal survey link carries the respondent's secret in its path: never send it on.
    if (url.startsWith('/survey/')) reply.header('referrer-policy', 'no-referrer');
    return sendIndex(request, reply);
  });
}
