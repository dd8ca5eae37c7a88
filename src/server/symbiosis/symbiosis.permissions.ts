import { createStream } from '../../db/queries/symbiosis.ts';
import { symbiosisStreams } from '../../db/schema/index.ts';
import { all, type ModuleMatrix, signedIn } from '../../../test/support/permission-matrix.ts';

/**
 * Symbiosis streams × every caller. A stream follows its organisation (Hycamite's are edited
 * by Kokkola's coordinator; the private `hidden-kokkola`'s are seen only by its member, that
 * coordinator and admins); a stream of a site without an organisation follows the site.
 */
const system = { kind: 'system' } as never;
const hiddenEditors = { memberHidden: 200, coordKokkola: 200, admin: 200, adminToken: 200 };
const centriaCreators = { memberCentria: 201, coordKokkola: 201, admin: 201, adminToken: 201 };

export const symbiosisMatrix: ModuleMatrix = {
  name: 'symbiosis',
  async setup({ t }) {
    await t.database.db.insert(symbiosisStreams).values({
      id: 'matrix-hidden-stream',
      organisationId: 'hidden-kokkola',
      direction: 'need',
      streamType: 'steam',
      quantity: 5,
      unit: 't/h',
      label: { fi: '', sv: '', en: 'Hidden steam need' },
    });
  },
  cases: [
    {
      method: 'GET',
      url: '/api/symbiosis/stream-types',
      route: '/api/symbiosis/stream-types',
      expect: all(200),
    },
    {
      method: 'GET',
      url: '/api/symbiosis/streams?type=steam&direction=offer',
      route: '/api/symbiosis/streams',
      expect: all(200),
    },
    { method: 'GET', url: '/api/symbiosis/matches', route: '/api/symbiosis/matches', expect: all(200) },
    {
      method: 'GET',
      url: '/api/symbiosis/matches?streamId=hycamite-hydrogen',
      route: '/api/symbiosis/matches',
      expect: all(200),
    },
    {
      method: 'GET',
      url: '/api/symbiosis/matches?streamId=matrix-hidden-stream',
      route: '/api/symbiosis/matches',
      expect: all(404, hiddenEditors),
    },
    {
      method: 'POST',
      url: '/api/symbiosis/streams',
      route: '/api/symbiosis/streams',
      body: () => ({
        organisationId: 'centria',
        direction: 'offer',
        streamType: 'waste_heat',
        quantity: 2,
        unit: 'GWh/a',
      }),
      expect: signedIn(403, centriaCreators),
    },
    {
      method: 'POST',
      url: '/api/symbiosis/streams',
      route: '/api/symbiosis/streams',
      body: () => ({
        siteId: 'kip',
        direction: 'need',
        streamType: 'process_water',
        quantity: 10,
        unit: 'm³/h',
      }),
      expect: signedIn(403, { coordKokkola: 201, admin: 201, adminToken: 201 }),
    },
    {
      method: 'PATCH',
      url: '/api/symbiosis/streams/hycamite-hydrogen',
      route: '/api/symbiosis/streams/:id',
      body: () => ({ quality: '99.9 %' }),
      expect: signedIn(403, { coordKokkola: 200, admin: 200, adminToken: 200 }),
    },
    {
      method: 'PATCH',
      url: '/api/symbiosis/streams/matrix-hidden-stream',
      route: '/api/symbiosis/streams/:id',
      body: () => ({ quantity: 6 }),
      expect: signedIn(404, hiddenEditors),
    },
    {
      method: 'DELETE',
      url: '/api/symbiosis/streams/:fresh',
      route: '/api/symbiosis/streams/:id',
      fresh: async (who, { t }) =>
        (
          await createStream(t.database.db, system, {
            organisationId: 'centria',
            direction: 'need',
            streamType: 'process_water',
            label: { en: `Fresh ${who}` },
          })
        ).id,
      expect: signedIn(403, { memberCentria: 204, coordKokkola: 204, admin: 204, adminToken: 204 }),
    },
  ],
};
