// The baseline of the HTTP benchmark: a bare Fastify JSON route answering a page of 20
// organisation-shaped objects, with no database, auth or validation. Prints its URL.
import Fastify from 'fastify';

const items = Array.from({ length: 20 }, (_, i) => ({
  id: `organisation-${i}`,
  name: `Organisation ${i} Oy`,
  nameEn: `Organisation ${i}`,
  type: 'company',
  regionId: 'kokkola',
  municipality: 'Kokkola',
  website: 'https://example.org',
  isPublic: true,
  conceptIds: ['cam', 'pcam', 'refining.battery-chemicals'],
}));
const body = { items, total: 74, page: 1, pageSize: 20 };

const app = Fastify({ logger: false });
app.get('/json', async () => body);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
console.log(`listening http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
