import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const OUT_DIR = path.resolve(import.meta.dirname, 'dist/web');

/**
 * Writes a Brotli (.br) and a gzip (.gz) copy beside every text asset of the build, which the
 * server sends to browsers that accept them (@fastify/static preCompressed): the app's code goes
 * over the wire at about a third of its size without compressing on every request.
 */
function precompress(): Plugin {
  return {
    name: 'kenno-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
          const full = path.join(dir, entry.name);
          return entry.isDirectory() ? walk(full) : [full];
        });
      for (const file of walk(OUT_DIR)) {
        if (!/\.(js|css|html|svg|json)$/.test(file)) continue;
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
      }
    },
  };
}

// The web app lives in web/ and is built to dist/web, which the Kenno server serves.
export default defineConfig({
  root: 'web',
  plugins: [react(), precompress()],
  build: { outDir: OUT_DIR, emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
