import { eq, sql } from 'drizzle-orm';
import type { Db } from '../create-db.ts';
import { recordAudit } from '../queries/audit.ts';
import {
  conceptSchemes,
  concepts,
  meta,
  organisationCompetences,
  organisations,
  regionMunicipalities,
  regions,
  users,
} from '../schema/index.ts';
import { readDemoFiles } from './demo-files.ts';
import { loadDemoChallenges } from './load-demo-challenges.ts';
import { loadDemoProjects } from './load-demo-projects.ts';
import { loadConceptSchemes } from './load-schemes.ts';
import { loadDemoSkills } from './load-demo-skills.ts';
import { loadDemoSites } from './load-demo-sites.ts';
import { loadDemoTraining } from './load-demo-training.ts';
import { loadDemoWorkingLife } from './load-demo-working-life.ts';

export const VALUE_CHAIN_SCHEME = 'value-chain';

/** True once the demo network (or a reset of it) has been loaded into this database. */
export async function isDemoLoaded(db: Db): Promise<boolean> {
  const rows = await db.select().from(meta).where(eq(meta.key, 'demo_loaded_at'));
  return rows.length > 0;
}

/**
 * Loads the 8 regions, the value-chain taxonomy and the demo organisations in one
 * transaction. With `reset`, the previous regions, concepts and organisations are replaced;
 * users keep their links to organisations and regions whose ids still exist.
 */
export async function loadDemoNetwork(db: Db, options: { reset: boolean }) {
  const files = readDemoFiles();
  return db.transaction(async (tx) => {
    if (!options.reset && (await isDemoLoaded(tx))) {
      // Concept schemes shipped since this database was loaded are added (missing ones only).
      await loadConceptSchemes(tx, { reset: false });
      // Sites, services and symbiosis streams shipped since then are added once.
      await loadDemoSites(tx, { reset: false });
      await loadDemoWorkingLife(tx, { reset: false });
      await loadDemoTraining(tx, { reset: false });
      await loadDemoProjects(tx, { reset: false });
      return { loaded: false as const };
    }
    const links = await tx
      .select({ id: users.id, organisationId: users.organisationId, regionId: users.regionId })
      .from(users);
    if (options.reset) {
      await tx.delete(organisations);
      await tx.delete(concepts).where(eq(concepts.scheme, VALUE_CHAIN_SCHEME));
      await tx.delete(regions);
    }

    await tx.insert(regions).values(
      files.regions.regions.map((r, i) => ({
        id: r.id,
        maakuntaCode: r.maakunta.code,
        maakuntaName: { fi: r.maakunta.fi, sv: r.maakunta.sv, en: r.maakunta.en },
        nuts3: r.nuts3.nuts2024,
        name: r.city_region,
        specialisationStated: r.specialisation.stated_i18n ?? { fi: '', sv: '', en: r.specialisation.stated },
        specialisationConceptIds: r.specialisation.concept_ids,
        sources: r.source,
        sortOrder: i,
      })),
    );
    const municipalities = files.regions.regions.flatMap((r) =>
      (r.municipalities ?? []).map((m) => ({ regionId: r.id, code: m.code, nameFi: m.fi, nameSv: m.sv })),
    );
    if (municipalities.length) await tx.insert(regionMunicipalities).values(municipalities);

    await tx
      .insert(conceptSchemes)
      .values({
        id: VALUE_CHAIN_SCHEME,
        title: { fi: 'Akkualan arvoketju', sv: 'Batterivärdekedjan', en: 'Battery value chain' },
        description: {
          fi: 'Kennon jaettu akkualan arvoketjun luokitus: raaka-aineista kierrätykseen ja läpileikkaaviin teemoihin.',
          sv: 'Kennos gemensamma klassificering av batterivärdekedjan: från råvaror till återvinning och tvärgående teman.',
          en: "Kenno's shared battery value-chain taxonomy: from raw materials to recycling and cross-cutting themes.",
        },
        source: 'data/reference/value-chain.json',
        sortOrder: 0,
      })
      .onConflictDoNothing();
    await tx.insert(concepts).values(
      files.valueChain.concepts.map((c, i) => ({
        id: c.id,
        scheme: VALUE_CHAIN_SCHEME,
        parentId: c.parent,
        level: c.level,
        labels: c.labels,
        altLabels: { fi: c.alt_labels?.fi ?? [], sv: c.alt_labels?.sv ?? [], en: c.alt_labels?.en ?? [] },
        sources: c.source,
        sortOrder: i,
      })),
    );
    const conceptIds = new Set(files.valueChain.concepts.map((c) => c.id));
    // Education levels, regions, funding instruments, job roles (data/taxonomy/schemes).
    await loadConceptSchemes(tx, { reset: options.reset });
    const regionIds = new Set(files.regions.regions.map((r) => r.id));

    await tx.insert(organisations).values(
      files.organisations.map((o) => ({
        id: o.id,
        name: o.name,
        nameEn: o.nameEn,
        type: o.type,
        regionId: o.regionId && regionIds.has(o.regionId) ? o.regionId : null,
        maakuntaCode: o.maakuntaCode,
        municipality: o.municipality,
        businessId: o.businessId,
        website: o.website,
        description: o.description,
        isPublic: true,
        sources: o.sources,
      })),
    );
    // The reference lists each organisation's value-chain activities without a strength;
    // the first listed is taken as its core competence, the rest as active.
    const competences = files.organisations.flatMap((o) =>
      o.valueChainIds
        .filter((id) => conceptIds.has(id))
        .map((conceptId, i) => ({
          organisationId: o.id,
          conceptId,
          strength: i === 0 ? ('core' as const) : ('active' as const),
          evidence: 'Reference data (data/demo/organisations.json sources)',
          source: 'reference' as const,
        })),
    );
    if (competences.length) await tx.insert(organisationCompetences).values(competences);

    // Survey rounds, answers and training programmes of the skills module (data/demo/skills.json).
    await loadDemoSkills(tx, { reset: options.reset });
    // Training paths over those programmes (data/demo/training.json).
    await loadDemoTraining(tx, { reset: options.reset });

    await loadDemoChallenges(tx, options);

    // Restore user links whose targets exist again after a reset.
    const orgIds = new Set(files.organisations.map((o) => o.id));
    for (const link of links) {
      const organisationId =
        link.organisationId && orgIds.has(link.organisationId) ? link.organisationId : null;
      const regionId = link.regionId && regionIds.has(link.regionId) ? link.regionId : null;
      if (organisationId !== link.organisationId || regionId !== link.regionId || options.reset) {
        await tx.update(users).set({ organisationId, regionId }).where(eq(users.id, link.id));
      }
    }

    // Sites, services, supply links and symbiosis streams (they refer to the organisations).
    await loadDemoSites(tx, { reset: options.reset });
    await loadDemoWorkingLife(tx, { reset: options.reset });
    await loadDemoProjects(tx, { reset: options.reset });
    await tx
      .insert(meta)
      .values({ key: 'demo_loaded_at', value: new Date().toISOString() })
      .onConflictDoUpdate({ target: meta.key, set: { value: sql`excluded.value`, updatedAt: new Date() } });
    await recordAudit(tx, {
      actor: { kind: 'system' },
      action: options.reset ? 'demo_reset' : 'demo_load',
      entity: 'demo_network',
      changes: { regions: regionIds.size, concepts: conceptIds.size, organisations: orgIds.size },
    });
    return {
      loaded: true as const,
      regions: regionIds.size,
      concepts: conceptIds.size,
      organisations: orgIds.size,
      competences: competences.length,
    };
  });
}
