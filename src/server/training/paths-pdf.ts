import { createPdf } from '../pdf-document.ts';
import type { PathWithSteps } from '../../db/queries/training-paths.ts';
import type { ProgrammeWithOrganisation } from '../../db/queries/training-programmes.ts';
import { type Language, type Localized, pickLocalized } from '../../domain/i18n/localized.ts';
import { LEVEL_ORDER, type PathValidation } from '../../domain/training/path-validation.ts';

/**
 * The printable training path (A4 PDF, DejaVu Sans for every script people type): title and
 * summary, then the modules level by level — vocational, applied sciences, university,
 * continuing — with credits, EQF level, provider, delivery, language, work-based share,
 * prerequisites and learning outcomes, and the credit totals per level.
 */

type Words = Record<string, Localized>;
const WORDS: Words = {
  subtitle: { fi: 'Koulutuspolku', sv: 'Utbildningsväg', en: 'Training path' },
  vocational: { fi: 'Ammatillinen koulutus', sv: 'Yrkesutbildning', en: 'Vocational education' },
  applied_sciences: { fi: 'Ammattikorkeakoulu', sv: 'Yrkeshögskola', en: 'University of applied sciences' },
  university: { fi: 'Yliopisto', sv: 'Universitet', en: 'University' },
  continuing: { fi: 'Täydennyskoulutus', sv: 'Fortbildning', en: 'Continuing education' },
  on_site: { fi: 'lähiopetus', sv: 'närundervisning', en: 'on site' },
  online: { fi: 'verkossa', sv: 'på distans', en: 'online' },
  blended: { fi: 'monimuoto', sv: 'flerform', en: 'blended' },
  provider: { fi: 'Järjestäjä', sv: 'Anordnare', en: 'Provider' },
  requires: { fi: 'Edeltävät opinnot', sv: 'Förkunskaper', en: 'Requires' },
  outcomes: { fi: 'Osaamistavoitteet', sv: 'Lärandemål', en: 'Learning outcomes' },
  workBased: { fi: 'työelämässä oppimista', sv: 'arbetsplatsförlagt lärande', en: 'work-based learning' },
  language: { fi: 'kieli', sv: 'språk', en: 'language' },
  totals: { fi: 'Laajuudet tasoittain', sv: 'Omfattning per nivå', en: 'Credits by level' },
  generated: { fi: 'Tulostettu', sv: 'Utskriven', en: 'Printed' },
  empty: {
    fi: 'Polulla ei ole vielä opintoja.',
    sv: 'Stigen har inga studier ännu.',
    en: 'The path has no modules yet.',
  },
  hidden: { fi: '(ei julkinen)', sv: '(inte offentlig)', en: '(not public)' },
};

const UNIT: Record<'osp' | 'ects', Localized> = {
  osp: { fi: 'osp', sv: 'kp', en: 'osp' },
  ects: { fi: 'op', sv: 'sp', en: 'ECTS' },
};

export function pathPdf(input: {
  path: PathWithSteps;
  modules: ReadonlyMap<string, ProgrammeWithOrganisation>;
  validation: PathValidation;
  regionNames: ReadonlyMap<string, Localized>;
  lang: Language;
  generatedAt: Date;
  pageUrl: string;
}): Promise<Buffer> {
  const { path, modules, validation, lang } = input;
  const w = (key: string) => WORDS[key]![lang];
  const text = (value: Localized) => pickLocalized(value, lang).text;
  const title = text(path.title);
  const { doc, done } = createPdf({ title: title, lang: lang, createdAt: input.generatedAt });

  doc
    .font('body')
    .fontSize(10)
    .fillColor('#555555')
    .text(`Kenno · ${w('subtitle')}`);
  doc.moveDown(0.3);
  doc.font('bold').fontSize(22).fillColor('#000000').text(title);
  doc.moveDown(0.4);
  const summary = text(path.summary);
  if (summary) doc.font('body').fontSize(11.5).text(summary);
  const regions = path.regionIds.map((id) => {
    const name = input.regionNames.get(id);
    return name ? text(name) : id;
  });
  doc.moveDown(0.4);
  doc
    .font('body')
    .fontSize(9.5)
    .fillColor('#444444')
    .text(
      [regions.join(', '), `${w('generated')} ${input.generatedAt.toISOString().slice(0, 10)}`, input.pageUrl]
        .filter(Boolean)
        .join(' · '),
    );
  doc.fillColor('#000000');

  if (path.steps.length === 0) {
    doc.moveDown();
    doc.font('body').fontSize(11).text(w('empty'));
  }

  const nameOf = (id: string) => {
    const m = modules.get(id);
    return m ? text(m.name) : w('hidden');
  };
  for (const level of LEVEL_ORDER) {
    const steps = path.steps.filter((s) => modules.get(s.programmeId)?.level === level);
    if (!steps.length) continue;
    doc.moveDown(1);
    doc.font('bold').fontSize(15).text(w(level));
    for (const s of steps) {
      const m = modules.get(s.programmeId)!;
      doc.moveDown(0.6);
      doc.font('bold').fontSize(11.5).text(text(m.name));
      const facts = [
        m.credits !== null && m.creditUnit ? `${m.credits} ${UNIT[m.creditUnit][lang]}` : null,
        `EQF ${m.eqfLevel}`,
        m.delivery ? w(m.delivery) : null,
        m.language ? `${w('language')} ${m.language}` : null,
        m.workBasedShare !== null ? `${Math.round(m.workBasedShare * 100)} % ${w('workBased')}` : null,
      ].filter(Boolean);
      doc.font('body').fontSize(9.5).fillColor('#444444').text(facts.join(' · '));
      doc
        .fillColor('#000000')
        .fontSize(10)
        .text(`${w('provider')}: ${m.organisationName}`);
      if (s.prerequisiteIds.length) doc.text(`${w('requires')}: ${s.prerequisiteIds.map(nameOf).join(', ')}`);
      const outcomes = m.learningOutcomes.map((o) => text(o.text)).filter(Boolean);
      if (outcomes.length) {
        doc.font('bold').text(`${w('outcomes')}:`);
        doc.font('body').list(outcomes, { bulletRadius: 1.5, indent: 10, textIndent: 10 });
      }
    }
  }
  const hidden = path.steps.filter((s) => !modules.has(s.programmeId)).length;
  if (hidden) {
    doc.moveDown(0.6);
    doc
      .font('body')
      .fontSize(9.5)
      .text(`${hidden} × ${w('hidden')}`);
  }

  if (validation.credits.length) {
    doc.moveDown(1);
    doc.font('bold').fontSize(13).text(w('totals'));
    doc.font('body').fontSize(10);
    for (const c of validation.credits)
      doc.text(`${w(c.level)}, EQF ${c.eqfLevel}: ${c.total} ${UNIT[c.unit][lang]}`);
  }
  doc.end();
  return done;
}
