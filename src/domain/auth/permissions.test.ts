import { describe, expect, it } from 'vitest';
import {
  canCreateOrganisation,
  canDeleteOrganisation,
  canEditOrganisation,
  canReadOrganisation,
  forbiddenOrganisationFields,
} from './permissions.ts';
import { type Actor, VISITOR } from './roles.ts';

const admin: Actor = {
  kind: 'user',
  userId: 'a',
  role: 'admin',
  organisationId: null,
  regionId: null,
  via: 'session',
};
const kokkolaCoordinator: Actor = {
  kind: 'user',
  userId: 'c',
  role: 'coordinator',
  organisationId: null,
  regionId: 'kokkola',
  via: 'session',
};
const centriaMember: Actor = {
  kind: 'user',
  userId: 'm',
  role: 'member',
  organisationId: 'centria',
  regionId: null,
  via: 'session',
};

const centria = { id: 'centria', regionId: 'kokkola', isPublic: true };
const hiddenVaasa = { id: 'hidden', regionId: 'vaasa', isPublic: false };
const hiddenKokkola = { id: 'hidden-k', regionId: 'kokkola', isPublic: false };

describe('organisation permissions', () => {
  it('lets everyone read public rows and only the right people read private ones', () => {
    expect(canReadOrganisation(VISITOR, centria)).toBe(true);
    expect(canReadOrganisation(VISITOR, hiddenVaasa)).toBe(false);
    expect(canReadOrganisation(kokkolaCoordinator, hiddenKokkola)).toBe(true);
    expect(canReadOrganisation(kokkolaCoordinator, hiddenVaasa)).toBe(false);
    expect(canReadOrganisation(centriaMember, hiddenKokkola)).toBe(false);
    expect(canReadOrganisation(admin, hiddenVaasa)).toBe(true);
  });

  it('lets a member edit only their own organisation, a coordinator only their region', () => {
    expect(canEditOrganisation(centriaMember, centria)).toBe(true);
    expect(canEditOrganisation(centriaMember, hiddenKokkola)).toBe(false);
    expect(canEditOrganisation(kokkolaCoordinator, centria)).toBe(true);
    expect(canEditOrganisation(kokkolaCoordinator, hiddenVaasa)).toBe(false);
    expect(canEditOrganisation(VISITOR, centria)).toBe(false);
  });

  it('keeps members from moving or retyping their organisation, coordinators from moving it out', () => {
    expect(
      forbiddenOrganisationFields(centriaMember, centria, { regionId: 'vaasa', type: 'company' }),
    ).toEqual(['regionId', 'type']);
    expect(forbiddenOrganisationFields(centriaMember, centria, { regionId: 'kokkola' })).toEqual([]);
    expect(forbiddenOrganisationFields(kokkolaCoordinator, centria, { regionId: 'vaasa' })).toEqual([
      'regionId',
    ]);
    expect(forbiddenOrganisationFields(admin, centria, { regionId: 'vaasa', type: 'company' })).toEqual([]);
  });

  it('lets only admins and the region coordinator create and delete', () => {
    expect(canCreateOrganisation(admin, null)).toBe(true);
    expect(canCreateOrganisation(kokkolaCoordinator, 'kokkola')).toBe(true);
    expect(canCreateOrganisation(kokkolaCoordinator, 'vaasa')).toBe(false);
    expect(canCreateOrganisation(centriaMember, 'kokkola')).toBe(false);
    expect(canDeleteOrganisation(kokkolaCoordinator, centria)).toBe(true);
    expect(canDeleteOrganisation(centriaMember, centria)).toBe(false);
  });
});
