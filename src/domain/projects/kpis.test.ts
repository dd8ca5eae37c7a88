import { describe, expect, it } from 'vitest';
import { computeKpis, type KpiPartner, type KpiProject } from './kpis.ts';

const partner = (over: Partial<KpiPartner>): KpiPartner => ({
  organisationId: null,
  cordisOrganisationId: null,
  name: 'Partner',
  country: 'FI',
  regionId: null,
  isSme: false,
  ...over,
});

let seq = 0;
const project = (over: Partial<KpiProject>): KpiProject => ({
  id: `p${++seq}`,
  title: 'P',
  stage: 'idea',
  track: 'national',
  regionIds: ['kokkola', 'vaasa'],
  partners: [],
  appliedEur: null,
  grantedEur: null,
  ...over,
});

describe('KPIs against the network targets', () => {
  it('count submitted and funded projects toward 1–2, national ones only when joint', () => {
    const k = computeKpis([
      project({ stage: 'submitted' }),
      project({ stage: 'funded', regionIds: ['kokkola'] }),
      project({
        stage: 'funded',
        regionIds: ['kokkola'],
        partners: [partner({ organisationId: 'abb', regionId: 'vaasa' })],
      }),
      project({ stage: 'not_funded' }),
      project({ stage: 'proposal', track: 'horizon_europe' }),
    ]);
    const national = k.tracks.find((t) => t.track === 'national')!;
    expect(national).toMatchObject({ reached: 2, funded: 2, status: 'reached', notJoint: 1 });
    const he = k.tracks.find((t) => t.track === 'horizon_europe')!;
    expect(he).toMatchObject({ reached: 0, status: 'in_progress', target: { min: 1, max: 2 } });
    expect(he.byStage.proposal).toBe(1);
  });

  it('say when a target is exceeded or not started', () => {
    const three = [1, 2, 3].map(() => project({ stage: 'submitted', track: 'horizon_europe' }));
    const k = computeKpis(three);
    expect(k.tracks.find((t) => t.track === 'horizon_europe')!.status).toBe('exceeded');
    expect(k.tracks.find((t) => t.track === 'national')!.status).toBe('not_started');
  });

  it('sum money applied for, in preparation and won, and the success rate of decided proposals', () => {
    const k = computeKpis([
      project({ stage: 'funded', appliedEur: 800_000, grantedEur: 750_000 }),
      project({ stage: 'not_funded', appliedEur: 400_000 }),
      project({ stage: 'submitted', appliedEur: 300_000 }),
      project({ stage: 'consortium', appliedEur: 2_000_000 }),
      project({ stage: 'idea', appliedEur: null, track: null }),
    ]);
    expect(k.money).toEqual({
      appliedEur: 1_500_000,
      preparingEur: 2_000_000,
      grantedEur: 750_000,
      successRate: 0.5,
    });
    expect(k.unclassified).toBe(1);
    expect(k.projects).toBe(5);
  });

  it('count each partner and region once however many projects they are in', () => {
    const centria = partner({ organisationId: 'centria', regionId: 'kokkola', isSme: false });
    const basf = partner({ name: 'BASF SE', country: 'DE', isSme: false });
    const k = computeKpis([
      project({ partners: [centria, basf], regionIds: ['kokkola'] }),
      project({
        partners: [centria, { ...basf, name: ' basf se ' }, partner({ name: 'Tiny Oy', isSme: true })],
        regionIds: ['vaasa'],
      }),
    ]);
    expect(k.partners).toEqual({ total: 3, network: 1, foreign: 1, smes: 1, countries: ['DE', 'FI'] });
    expect(k.regions).toEqual([
      { id: 'kokkola', projects: 2 },
      { id: 'vaasa', projects: 1 },
    ]);
  });
});
