/**
 * The funder report of the network's KPIs: XLSX (a summary sheet, a sheet of projects, a sheet
 * of regions) or PDF (one or two pages: targets, money, partners, regions, projects). Headings in
 * the language asked for; PDF in DejaVu Sans like the workshop export.
 */
import { createPdf } from '../pdf-document.ts';
import ExcelJS from 'exceljs';
import type { Language, Localized } from '../../domain/i18n/localized.ts';
import { neutraliseSpreadsheetCell } from '../../domain/imports/spreadsheet-cells.ts';
import type { KpisOut } from './kpis.ts';

export type KpiExport = { kpis: KpisOut; lang: Language };

const W = {
  title: { fi: 'Verkoston tunnusluvut', sv: 'Nätverkets nyckeltal', en: 'Network KPIs' },
  subtitle: {
    fi: 'Raportti rahoittajalle: hankkeet tavoitteita vasten, kumppanit, alueet ja rahoitus',
    sv: 'Rapport till finansiären: projekt mot målen, partner, regioner och finansiering',
    en: 'Report for the funder: projects against targets, partners, regions and funding',
  },
  generated: { fi: 'Luotu', sv: 'Skapad', en: 'Generated' },
  rule: {
    fi: 'Hanke lasketaan tavoitteeseen, kun hakemus on jätetty tai rahoitettu; kansallinen hanke vain, kun mukana on vähintään kaksi verkoston aluetta. Haettu rahoitus: hankkeen oma luku, muuten budjettiluonnoksen avustus.',
    sv: 'Ett projekt räknas mot målet när ansökan är inlämnad eller finansierad; ett nationellt projekt bara när minst två av nätverkets regioner deltar. Sökt finansiering: projektets egen siffra, annars budgetutkastets bidrag.',
    en: 'A project counts toward its target when its proposal is submitted or funded; a national project only when two or more network regions take part. Money applied for: the project’s own figure, else the grant of its budget sketch.',
  },
  targets: { fi: 'Tavoitteet', sv: 'Mål', en: 'Targets' },
  track: { fi: 'Tavoite', sv: 'Mål', en: 'Target' },
  national: {
    fi: 'Yhteiset kansalliset hankkeet',
    sv: 'Gemensamma nationella projekt',
    en: 'Joint national projects',
  },
  horizon_europe: {
    fi: 'Horisontti Eurooppa -konsortiot',
    sv: 'Horisont Europa-konsortier',
    en: 'Horizon Europe consortia',
  },
  other_eu: { fi: 'Muu EU-rahoitus', sv: 'Annan EU-finansiering', en: 'Other EU funding' },
  targetRange: { fi: 'Tavoite (min–max)', sv: 'Mål (min–max)', en: 'Target (min–max)' },
  reached: { fi: 'Saavutettu', sv: 'Uppnått', en: 'Reached' },
  funded: { fi: 'Rahoitettu', sv: 'Finansierade', en: 'Funded' },
  status: { fi: 'Tila', sv: 'Status', en: 'Status' },
  money: { fi: 'Rahoitus', sv: 'Finansiering', en: 'Funding' },
  applied: {
    fi: 'Haettu (jätetyt hakemukset), €',
    sv: 'Sökt (inlämnade ansökningar), €',
    en: 'Applied for (submitted), €',
  },
  preparing: { fi: 'Valmisteilla, €', sv: 'Under beredning, €', en: 'In preparation, €' },
  granted: { fi: 'Myönnetty, €', sv: 'Beviljat, €', en: 'Granted, €' },
  successRate: { fi: 'Onnistumisaste', sv: 'Andel beviljade', en: 'Success rate' },
  partners: { fi: 'Kumppanit', sv: 'Partner', en: 'Partners' },
  partnersTotal: { fi: 'Kumppaneita yhteensä', sv: 'Partner totalt', en: 'Partners in total' },
  partnersNetwork: {
    fi: 'Verkoston organisaatioita',
    sv: 'Nätverkets organisationer',
    en: 'Network organisations',
  },
  partnersForeign: { fi: 'Ulkomaisia', sv: 'Utländska', en: 'Foreign' },
  smes: { fi: 'Pk-yrityksiä', sv: 'Små och medelstora företag', en: 'SMEs' },
  countries: { fi: 'Maat', sv: 'Länder', en: 'Countries' },
  regions: { fi: 'Alueet', sv: 'Regioner', en: 'Regions' },
  region: { fi: 'Alue', sv: 'Region', en: 'Region' },
  projectCount: { fi: 'Hankkeita', sv: 'Projekt', en: 'Projects' },
  projects: { fi: 'Hankkeet', sv: 'Projekt', en: 'Projects' },
  project: { fi: 'Hanke', sv: 'Projekt', en: 'Project' },
  stage: { fi: 'Vaihe', sv: 'Fas', en: 'Stage' },
  instrument: { fi: 'Instrumentti', sv: 'Instrument', en: 'Instrument' },
  partnerCount: { fi: 'Kumppaneita', sv: 'Partner', en: 'Partners' },
  appliedEur: { fi: 'Haettu, €', sv: 'Sökt, €', en: 'Applied for, €' },
  grantedEur: { fi: 'Myönnetty, €', sv: 'Beviljat, €', en: 'Granted, €' },
  counts: { fi: 'Lasketaan tavoitteeseen', sv: 'Räknas mot målet', en: 'Counts toward target' },
  yes: { fi: 'kyllä', sv: 'ja', en: 'yes' },
  no: { fi: 'ei', sv: 'nej', en: 'no' },
  other: { fi: 'Muut luvut', sv: 'Andra siffror', en: 'Other figures' },
  periods: {
    fi: 'Opettajien työelämäjaksot',
    sv: 'Lärarnas arbetslivsperioder',
    en: 'Teachers’ working-life periods',
  },
  planned: { fi: 'suunniteltu', sv: 'planerade', en: 'planned' },
  ongoing: { fi: 'käynnissä', sv: 'pågående', en: 'ongoing' },
  completed: { fi: 'päättynyt', sv: 'avslutade', en: 'completed' },
  cancelled: { fi: 'peruttu', sv: 'inställda', en: 'cancelled' },
  challenges: { fi: 'Haasteet', sv: 'Utmaningar', en: 'Challenges' },
  inProject: { fi: 'hankkeessa', sv: 'i projekt', en: 'in a project' },
  common: { fi: 'Yhteiset haasteet', sv: 'Gemensamma utmaningar', en: 'Common challenges' },
  summarySheet: { fi: 'Yhteenveto', sv: 'Sammanfattning', en: 'Summary' },
  none: { fi: 'Ei hankkeita.', sv: 'Inga projekt.', en: 'No projects.' },
} satisfies Record<string, Localized>;

const STAGE: Record<string, Localized> = {
  idea: { fi: 'idea', sv: 'idé', en: 'idea' },
  concept_note: { fi: 'konseptimuistio', sv: 'konceptnot', en: 'concept note' },
  consortium: { fi: 'konsortio', sv: 'konsortium', en: 'consortium' },
  proposal: { fi: 'hakemus', sv: 'ansökan', en: 'proposal' },
  submitted: { fi: 'jätetty', sv: 'inlämnad', en: 'submitted' },
  funded: { fi: 'rahoitettu', sv: 'finansierad', en: 'funded' },
  not_funded: { fi: 'ei rahoitettu', sv: 'ej finansierad', en: 'not funded' },
};
const STATUS: Record<string, Localized> = {
  not_started: { fi: 'ei aloitettu', sv: 'inte påbörjat', en: 'not started' },
  in_progress: { fi: 'työn alla', sv: 'pågår', en: 'in progress' },
  reached: { fi: 'saavutettu', sv: 'uppnått', en: 'reached' },
  exceeded: { fi: 'ylitetty', sv: 'överträffat', en: 'exceeded' },
};

function labels({ kpis, lang }: KpiExport) {
  const eur = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : `${lang}-FI`, { maximumFractionDigits: 0 });
  return {
    w: (key: keyof typeof W) => W[key][lang],
    stage: (s: string) => STAGE[s]?.[lang] ?? s,
    status: (s: string) => STATUS[s]?.[lang] ?? s,
    track: (t: string | null) =>
      t === 'national' || t === 'horizon_europe' || t === 'other_eu' ? W[t][lang] : '–',
    region: (id: string) => kpis.regions.find((r) => r.id === id)?.name[lang] ?? id,
    eur: (n: number | null) => (n === null ? '–' : `${eur.format(n)} €`),
    pct: (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)} %`),
    date: kpis.generatedAt.slice(0, 10),
  };
}

export async function kpisXlsx(data: KpiExport): Promise<Buffer> {
  const l = labels(data);
  const { kpis } = data;
  const cell = (v: string | number | null) =>
    typeof v === 'number' ? v : neutraliseSpreadsheetCell(v ?? '');
  const book = new ExcelJS.Workbook();
  book.creator = 'Kenno';
  book.created = new Date(kpis.generatedAt);

  const summary = book.addWorksheet(l.w('summarySheet'));
  const heading = (text: string) => {
    summary.addRow([]);
    summary.addRow([text]).font = { bold: true, size: 12 };
  };
  summary.addRow([l.w('title')]).font = { bold: true, size: 14 };
  summary.addRow([`${l.w('generated')}: ${l.date}`]);
  summary.addRow([l.w('rule')]);
  heading(l.w('targets'));
  summary.addRow([l.w('track'), l.w('targetRange'), l.w('reached'), l.w('funded'), l.w('status')]).font = {
    bold: true,
  };
  for (const t of kpis.tracks)
    summary.addRow([
      l.track(t.track),
      `${t.target.min}–${t.target.max}`,
      t.reached,
      t.funded,
      l.status(t.status),
    ]);
  heading(l.w('money'));
  summary.addRow([l.w('applied'), kpis.money.appliedEur]);
  summary.addRow([l.w('preparing'), kpis.money.preparingEur]);
  summary.addRow([l.w('granted'), kpis.money.grantedEur]);
  summary.addRow([l.w('successRate'), kpis.money.successRate ?? '–']);
  heading(l.w('partners'));
  summary.addRow([l.w('partnersTotal'), kpis.partners.total]);
  summary.addRow([l.w('partnersNetwork'), kpis.partners.network]);
  summary.addRow([l.w('partnersForeign'), kpis.partners.foreign]);
  summary.addRow([l.w('smes'), kpis.partners.smes]);
  summary.addRow([l.w('countries'), cell(kpis.partners.countries.join(', '))]);
  heading(l.w('other'));
  for (const s of ['planned', 'ongoing', 'completed', 'cancelled'] as const)
    summary.addRow([`${l.w('periods')}: ${l.w(s)}`, kpis.workingLifePeriods[s]]);
  summary.addRow([l.w('challenges'), kpis.challenges.total]);
  summary.addRow([`${l.w('challenges')}: ${l.w('inProject')}`, kpis.challenges.inProject]);
  summary.addRow([l.w('common'), kpis.challenges.common]);
  summary.getColumn(1).width = 48;
  for (const c of [2, 3, 4, 5]) summary.getColumn(c).width = 16;

  const projects = book.addWorksheet(l.w('projects'), { views: [{ state: 'frozen', ySplit: 1 }] });
  projects.addRow([
    l.w('project'),
    l.w('stage'),
    l.w('track'),
    l.w('instrument'),
    l.w('regions'),
    l.w('partnerCount'),
    l.w('appliedEur'),
    l.w('grantedEur'),
    l.w('counts'),
  ]).font = { bold: true };
  for (const p of kpis.projectList)
    projects.addRow([
      cell(p.title),
      cell(l.stage(p.stage)),
      cell(l.track(p.track)),
      cell(p.instrumentName?.[data.lang] ?? ''),
      cell(p.regionIds.map(l.region).join(', ')),
      p.partnerCount,
      p.appliedEur,
      p.grantedEur,
      cell(p.countsTowardTarget ? l.w('yes') : l.w('no')),
    ]);
  projects.columns.forEach((column, i) => {
    column.width = [50, 16, 28, 36, 28, 11, 16, 16, 14][i] ?? 16;
  });
  for (const c of [7, 8]) projects.getColumn(c).numFmt = '#,##0';

  const regions = book.addWorksheet(l.w('regions'));
  regions.addRow([l.w('region'), l.w('projectCount')]).font = { bold: true };
  for (const r of kpis.regions) regions.addRow([cell(r.name[data.lang]), r.projects]);
  regions.getColumn(1).width = 30;
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function kpisPdf(data: KpiExport): Promise<Buffer> {
  const l = labels(data);
  const { kpis } = data;
  const { doc, done } = createPdf({
    title: l.w('title'),
    lang: data.lang,
    createdAt: new Date(kpis.generatedAt),
  });
  const section = (title: string) => {
    doc.moveDown(1);
    doc.font('bold').fontSize(14).fillColor('black').text(title);
    doc.moveDown(0.3);
  };
  const fact = (label: string, value: string) => {
    doc.font('bold').fontSize(10.5).text(`${label}: `, { continued: true });
    doc.font('body').text(value);
  };

  doc.font('bold').fontSize(24).text(l.w('title'));
  doc.moveDown(0.3);
  doc.font('body').fontSize(12).text(l.w('subtitle'));
  doc
    .fontSize(10)
    .fillColor('#444444')
    .text(`${l.w('generated')}: ${l.date}`);
  doc.moveDown(0.4).fontSize(9).text(l.w('rule')).fillColor('black');

  section(l.w('targets'));
  for (const t of kpis.tracks) {
    doc.font('bold').fontSize(11.5).text(l.track(t.track));
    doc
      .font('body')
      .fontSize(10.5)
      .text(
        `${l.w('reached')}: ${t.reached} / ${t.target.min}–${t.target.max} (${l.status(t.status)}) · ${l.w('funded')}: ${t.funded}`,
      );
    const stages = Object.entries(t.byStage)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${l.stage(s)} ${n}`)
      .join(', ');
    doc
      .fillColor('#444444')
      .fontSize(9.5)
      .text(stages || '–')
      .fillColor('black');
    doc.moveDown(0.4);
  }

  section(l.w('money'));
  fact(l.w('applied'), l.eur(kpis.money.appliedEur));
  fact(l.w('preparing'), l.eur(kpis.money.preparingEur));
  fact(l.w('granted'), l.eur(kpis.money.grantedEur));
  fact(l.w('successRate'), l.pct(kpis.money.successRate));

  section(l.w('partners'));
  fact(l.w('partnersTotal'), String(kpis.partners.total));
  fact(l.w('partnersNetwork'), String(kpis.partners.network));
  fact(l.w('partnersForeign'), String(kpis.partners.foreign));
  fact(l.w('smes'), String(kpis.partners.smes));
  fact(l.w('countries'), kpis.partners.countries.join(', ') || '–');
  fact(l.w('regions'), kpis.regions.map((r) => `${r.name[data.lang]} (${r.projects})`).join(', ') || '–');

  section(l.w('other'));
  fact(
    l.w('periods'),
    (['planned', 'ongoing', 'completed', 'cancelled'] as const)
      .map((s) => `${l.w(s)} ${kpis.workingLifePeriods[s]}`)
      .join(', '),
  );
  fact(l.w('challenges'), `${kpis.challenges.total} (${l.w('inProject')} ${kpis.challenges.inProject})`);
  fact(l.w('common'), String(kpis.challenges.common));

  section(l.w('projects'));
  if (kpis.projectList.length === 0) doc.font('body').fontSize(10.5).text(l.w('none'));
  for (const p of kpis.projectList) {
    doc.font('bold').fontSize(10.5).text(p.title);
    doc
      .font('body')
      .fontSize(9.5)
      .fillColor('#444444')
      .text(
        [
          l.stage(p.stage),
          p.instrumentName?.[data.lang] ?? l.track(p.track),
          p.regionIds.map(l.region).join(', '),
          `${l.w('partnerCount')} ${p.partnerCount}`,
          `${l.w('appliedEur')} ${l.eur(p.appliedEur)}`,
          p.grantedEur !== null ? `${l.w('grantedEur')} ${l.eur(p.grantedEur)}` : '',
        ]
          .filter(Boolean)
          .join(' · '),
      )
      .fillColor('black');
    doc.moveDown(0.3);
  }
  doc.end();
  return done;
}
