import { hostOffers, teachers, workingLifePeriods } from '../../db/schema/index.ts';
import { all, type ModuleMatrix, signedIn } from '../../../test/support/permission-matrix.ts';

/**
 * Teachers, host offers and working-life periods × every caller. `matrix-teacher` is
 * memberCentria's own profile (Centria, Kokkola) with periods hosted by the private
 * `hidden-kokkola` (so memberHidden, a host member, sees the teacher and the period);
 * `matrix-teacher-uef` belongs to UEF in Kuopio (another organisation, another region).
 * `matrix-offer-hidden` is the private host's active offer: seen by its members, the Kokkola
 * coordinator and admins only. Rows a caller may not read answer 404.
 */
const editorsOfKokkolaTeacher = { memberCentria: 200, coordKokkola: 200, admin: 200, adminToken: 200 };
const readersOfKokkolaTeacher = { ...editorsOfKokkolaTeacher, memberHidden: 200 };
const hiddenOfferEditors = { memberHidden: 200, coordKokkola: 200, admin: 200, adminToken: 200 };

export const workingLifeMatrix: ModuleMatrix = {
  name: 'working-life',
  async setup({ t, users }) {
    const { db } = t.database;
    await db.insert(teachers).values([
      {
        id: 'matrix-teacher',
        userId: users.memberCentria.id,
        name: 'Matrix Teacher',
        organisationId: 'centria',
        regionId: 'kokkola',
        conceptIds: ['recycling.hydromet'],
        languages: ['fi'],
      },
      { id: 'matrix-teacher-uef', name: 'Matrix UEF Teacher', organisationId: 'uef', regionId: 'kuopio' },
    ]);
    await db.insert(hostOffers).values({
      id: 'matrix-offer-hidden',
      organisationId: 'hidden-kokkola',
      regionId: 'kokkola',
      title: { fi: 'Matriisijakso', sv: '', en: '' },
      description: { fi: '', sv: '', en: '' },
      conceptIds: ['recycling.hydromet'],
      languages: ['fi'],
      capacity: 100,
    });
    await db.insert(workingLifePeriods).values([
      {
        id: 'matrix-period',
        teacherId: 'matrix-teacher',
        offerId: 'matrix-offer-hidden',
        hostOrganisationId: 'hidden-kokkola',
        startDate: '2027-05-03',
        endDate: '2027-05-28',
      },
      {
        id: 'matrix-period-ended',
        teacherId: 'matrix-teacher',
        hostOrganisationId: 'hidden-kokkola',
        startDate: '2025-05-05',
        endDate: '2025-05-30',
      },
    ]);
  },
  cases: [
    // ── Teachers: personal data, signed-in only ──
    { method: 'GET', url: '/api/teachers', route: '/api/teachers', expect: signedIn(200) },
    {
      method: 'GET',
      url: '/api/teachers/matrix-teacher',
      route: '/api/teachers/:id',
      expect: signedIn(404, readersOfKokkolaTeacher),
    },
    {
      method: 'GET',
      url: '/api/teachers/matrix-teacher-uef',
      route: '/api/teachers/:id',
      expect: signedIn(404, { memberUef: 200, admin: 200, adminToken: 200 }),
    },
    {
      method: 'GET',
      url: '/api/teachers/matrix-teacher/matches?from=2027-01-01&to=2027-06-30',
      route: '/api/teachers/:id/matches',
      expect: signedIn(404, readersOfKokkolaTeacher),
    },
    {
      method: 'POST',
      url: '/api/teachers',
      route: '/api/teachers',
      body: (who) => ({ name: `Matrix new ${who}`, organisationId: 'centria', regionId: 'kokkola' }),
      expect: signedIn(403, { coordKokkola: 201, admin: 201, adminToken: 201 }),
    },
    {
      method: 'PATCH',
      url: '/api/teachers/matrix-teacher',
      route: '/api/teachers/:id',
      body: (who) => ({ subjects: `Matrix ${who}` }),
      // The host's member reads the profile but does not change it.
      expect: signedIn(404, { ...editorsOfKokkolaTeacher, memberHidden: 403 }),
    },
    {
      method: 'PATCH',
      url: '/api/teachers/matrix-teacher-uef',
      route: '/api/teachers/:id',
      body: (who) => ({ subjects: `Matrix ${who}` }),
      expect: signedIn(404, { memberUef: 403, admin: 200, adminToken: 200 }),
    },
    {
      method: 'DELETE',
      url: '/api/teachers/:fresh',
      route: '/api/teachers/:id',
      fresh: async (who, { t }) => {
        const id = `matrix-fresh-teacher-${who}`;
        await t.database.db
          .insert(teachers)
          .values({ id, name: id, organisationId: 'centria', regionId: 'kokkola' });
        return id;
      },
      // A colleague reads the profile but does not remove it.
      expect: signedIn(404, { memberCentria: 403, coordKokkola: 204, admin: 204, adminToken: 204 }),
    },
    // ── Host offers: active ones of public organisations are public ──
    { method: 'GET', url: '/api/host-offers', route: '/api/host-offers', expect: all(200) },
    {
      method: 'GET',
      url: '/api/host-offers/demo-offer-umicore-kokkola',
      route: '/api/host-offers/:id',
      expect: all(200),
    },
    {
      method: 'GET',
      url: '/api/host-offers/matrix-offer-hidden',
      route: '/api/host-offers/:id',
      expect: all(404, hiddenOfferEditors),
    },
    {
      method: 'POST',
      url: '/api/host-offers',
      route: '/api/host-offers',
      body: (who) => ({ organisationId: 'centria', title: { fi: `Matriisi ${who}` } }),
      expect: signedIn(403, { memberCentria: 201, coordKokkola: 201, admin: 201, adminToken: 201 }),
    },
    {
      method: 'POST',
      url: '/api/host-offers',
      route: '/api/host-offers',
      body: (who) => ({ organisationId: 'hidden-kokkola', title: { fi: `Matriisi ${who}` } }),
      // Those who cannot see the private organisation cannot name it.
      expect: signedIn(400, { memberHidden: 201, coordKokkola: 201, admin: 201, adminToken: 201 }),
    },
    {
      method: 'PATCH',
      url: '/api/host-offers/demo-offer-umicore-kokkola',
      route: '/api/host-offers/:id',
      body: () => ({ durationWeeks: 4 }),
      expect: signedIn(403, { coordKokkola: 200, admin: 200, adminToken: 200 }),
    },
    {
      method: 'PATCH',
      url: '/api/host-offers/matrix-offer-hidden',
      route: '/api/host-offers/:id',
      body: () => ({ capacity: 100 }),
      expect: signedIn(404, hiddenOfferEditors),
    },
    {
      method: 'DELETE',
      url: '/api/host-offers/:fresh',
      route: '/api/host-offers/:id',
      fresh: async (who, { t }) => {
        const id = `matrix-fresh-offer-${who}`;
        await t.database.db.insert(hostOffers).values({
          id,
          organisationId: 'centria',
          regionId: 'kokkola',
          title: { fi: id, sv: '', en: '' },
          description: { fi: '', sv: '', en: '' },
        });
        return id;
      },
      expect: signedIn(403, { memberCentria: 204, coordKokkola: 204, admin: 204, adminToken: 204 }),
    },
    // ── Periods ──
    {
      method: 'GET',
      url: '/api/working-life-periods',
      route: '/api/working-life-periods',
      expect: signedIn(200),
    },
    {
      method: 'POST',
      url: '/api/working-life-periods',
      route: '/api/working-life-periods',
      body: () => ({
        teacherId: 'matrix-teacher',
        hostOrganisationId: 'umicore-finland',
        startDate: '2027-09-06',
        endDate: '2027-09-24',
      }),
      // The host's member sees the teacher but does not plan for them; others do not see the teacher.
      expect: signedIn(400, {
        memberCentria: 201,
        coordKokkola: 201,
        admin: 201,
        adminToken: 201,
        memberHidden: 403,
      }),
    },
    {
      method: 'GET',
      url: '/api/working-life-periods/matrix-period',
      route: '/api/working-life-periods/:id',
      expect: signedIn(404, readersOfKokkolaTeacher),
    },
    {
      method: 'PATCH',
      url: '/api/working-life-periods/matrix-period',
      route: '/api/working-life-periods/:id',
      body: (who) => ({ goals: `Matrix goals ${who}` }),
      expect: signedIn(404, { ...editorsOfKokkolaTeacher, memberHidden: 403 }),
    },
    {
      method: 'PATCH',
      url: '/api/working-life-periods/matrix-period',
      route: '/api/working-life-periods/:id',
      body: (who) => ({ supervisorName: `Supervisor ${who}` }),
      expect: signedIn(404, readersOfKokkolaTeacher),
    },
    {
      method: 'POST',
      url: '/api/working-life-periods/matrix-period-ended/follow-up',
      route: '/api/working-life-periods/:id/follow-up',
      body: (who) => ({ goalsAchieved: `Matrix ${who}`, days: 10 }),
      // The follow-up is the teacher's: the host and the coordinator read it, nothing more.
      expect: signedIn(404, {
        memberCentria: 200,
        memberHidden: 403,
        coordKokkola: 403,
        admin: 200,
        adminToken: 200,
      }),
    },
    { method: 'GET', url: '/api/working-life/summary', route: '/api/working-life/summary', expect: all(200) },
  ],
};

export { continuingEducationMatrix } from './continuing-education.permissions.ts';
