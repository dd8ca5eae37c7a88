/**
 * The workshop file of common challenges: XLSX (a sheet of clusters, a sheet of their member
 * challenges) or PDF (a title page, then per cluster its regions, concepts and members with their
 * titles and texts in the language they were written in). Headings in the language asked for.

 * The PDF is made by createPdf (DejaVu Sans embedded).
 */
import { createPdf } from '../pdf-document.ts';
import ExcelJS from 'exceljs';
import { neutraliseSpreadsheetCell } from '../../domain/imports/spreadsheet-cells.ts';
import type { Language, Localized } from '../../domain/i18n/localized.ts';
import type { CommonChallengeOut } from './similarity-schema.ts';

export type ExportMemberText = {
  description: string;
  trlNow: number | null;
  trlWanted: number | null;
  horizon: 'short' | 'medium' | 'long' | null;
};

export type WorkshopExport = {
  clusters: CommonChallengeOut[];
  texts: ReadonlyMap<string, ExportMemberText>;
  regionNames: ReadonlyMap<string, Localized>;
  lang: Language;
  generatedAt: Date;
};

const WORDS = {
  title: { fi: 'Yhteiset haasteet', sv: 'Gemensamma utmaningar', en: 'Common challenges' },
  subtitle: {
    fi: 'Työpajamateriaali: samankaltaiset haasteet kahdelta tai useammalta alueelta',
    sv: 'Workshopmaterial: liknande utmaningar från två eller flera regioner',
    en: 'Workshop material: similar challenges from two or more regions',
  },
  generated: { fi: 'Luotu', sv: 'Skapad', en: 'Generated' },
  clusterCount: { fi: 'Yhteisiä haasteita', sv: 'Gemensamma utmaningar', en: 'Common challenges' },
  cluster: { fi: 'Yhteinen haaste', sv: 'Gemensam utmaning', en: 'Common challenge' },
  clusterId: { fi: 'Tunnus', sv: 'Id', en: 'Cluster id' },
  regions: { fi: 'Alueet', sv: 'Regioner', en: 'Regions' },
  languages: { fi: 'Kielet', sv: 'Språk', en: 'Languages' },
  concepts: { fi: 'Käsitteet', sv: 'Begrepp', en: 'Concepts' },
  cohesion: { fi: 'Yhtenäisyys (0–1)', sv: 'Sammanhållning (0–1)', en: 'Cohesion (0–1)' },
  members: { fi: 'Haasteet', sv: 'Utmaningar', en: 'Challenges' },
  memberCount: { fi: 'Haasteita', sv: 'Antal utmaningar', en: 'Number of challenges' },
  challengeId: { fi: 'Haasteen tunnus', sv: 'Utmaningens id', en: 'Challenge id' },
  challengeTitle: { fi: 'Otsikko', sv: 'Rubrik', en: 'Title' },
  language: { fi: 'Kieli', sv: 'Språk', en: 'Language' },
  region: { fi: 'Alue', sv: 'Region', en: 'Region' },
  organisation: { fi: 'Organisaatio', sv: 'Organisation', en: 'Organisation' },
  status: { fi: 'Tila', sv: 'Status', en: 'Status' },
  trlNow: { fi: 'TRL nyt', sv: 'TRL nu', en: 'TRL now' },
  trlWanted: { fi: 'TRL tavoite', sv: 'TRL mål', en: 'TRL wanted' },
  horizon: { fi: 'Aikajänne', sv: 'Tidshorisont', en: 'Horizon' },
  description: { fi: 'Kuvaus', sv: 'Beskrivning', en: 'Description' },
  clustersSheet: { fi: 'Yhteiset haasteet', sv: 'Gemensamma utmaningar', en: 'Common challenges' },
  membersSheet: { fi: 'Haasteet', sv: 'Utmaningar', en: 'Challenges' },
  none: {
    fi: 'Ei yhteisiä haasteita näillä rajauksilla.',
    sv: 'Inga gemensamma utmaningar med dessa avgränsningar.',
    en: 'No common challenges with these filters.',
  },
} satisfies Record<string, Localized>;

const STATUS: Record<string, Localized> = {
  new: { fi: 'uusi', sv: 'ny', en: 'new' },
  validated: { fi: 'vahvistettu', sv: 'validerad', en: 'validated' },
  common: { fi: 'yhteinen', sv: 'gemensam', en: 'common' },
  in_project: { fi: 'hankkeessa', sv: 'i projekt', en: 'in a project' },
  merged: { fi: 'yhdistetty', sv: 'sammanslagen', en: 'merged' },
  rejected: { fi: 'hylätty', sv: 'avvisad', en: 'rejected' },
};
const HORIZON: Record<string, Localized> = {
  short: { fi: 'lyhyt (< 2 v)', sv: 'kort (< 2 år)', en: 'short (< 2 years)' },
  medium: { fi: 'keskipitkä (2–5 v)', sv: 'medellång (2–5 år)', en: 'medium (2–5 years)' },
  long: { fi: 'pitkä (> 5 v)', sv: 'lång (> 5 år)', en: 'long (> 5 years)' },
};
const LANGUAGE_NAME: Record<string, Localized> = {
  fi: { fi: 'suomi', sv: 'finska', en: 'Finnish' },
  sv: { fi: 'ruotsi', sv: 'svenska', en: 'Swedish' },
  en: { fi: 'englanti', sv: 'engelska', en: 'English' },
};

function labels(data: WorkshopExport) {
  const { lang } = data;
  return {
    word: (key: keyof typeof WORDS) => WORDS[key][lang],
    region: (id: string | null) => (id ? (data.regionNames.get(id)?.[lang] ?? id) : ''),
    status: (s: string) => STATUS[s]?.[lang] ?? s,
    horizon: (h: string | null) => (h ? (HORIZON[h]?.[lang] ?? h) : ''),
    language: (l: string) => LANGUAGE_NAME[l]?.[lang] ?? l,
    concepts: (c: CommonChallengeOut) => c.concepts.map((x) => x.label[lang] || x.id).join('; '),
    date: data.generatedAt.toISOString().slice(0, 10),
  };
}

export async function commonChallengesXlsx(data: WorkshopExport): Promise<Buffer> {
  const l = labels(data);
  const cell = (value: string | number | null) =>
    typeof value === 'number' ? value : neutraliseSpreadsheetCell(value ?? '');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kenno';
  workbook.created = data.generatedAt;
  const clusters = workbook.addWorksheet(l.word('clustersSheet'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  clusters.addRow([
    l.word('clusterId'),
    l.word('regions'),
    l.word('languages'),
    l.word('concepts'),
    l.word('cohesion'),
    l.word('memberCount'),
    l.word('members'),
  ]).font = { bold: true };
  for (const c of data.clusters) {
    clusters.addRow([
      cell(c.clusterId),
      cell(c.regions.map(l.region).join('; ')),
      cell(c.languages.map(l.language).join('; ')),
      cell(l.concepts(c)),
      c.cohesion,
      c.challenges.length,
      cell(c.challenges.map((m) => m.title).join('\n')),
    ]);
  }
  clusters.columns.forEach((column, i) => {
    column.width = [22, 30, 20, 40, 12, 10, 70][i] ?? 20;
  });
  const members = workbook.addWorksheet(l.word('membersSheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  members.addRow([
    l.word('clusterId'),
    l.word('challengeId'),
    l.word('challengeTitle'),
    l.word('language'),
    l.word('region'),
    l.word('organisation'),
    l.word('status'),
    l.word('trlNow'),
    l.word('trlWanted'),
    l.word('horizon'),
    l.word('description'),
  ]).font = { bold: true };
  for (const c of data.clusters) {
    for (const m of c.challenges) {
      const text = data.texts.get(m.id);
      members.addRow([
        cell(c.clusterId),
        cell(m.id),
        cell(m.title),
        cell(l.language(m.language)),
        cell(l.region(m.regionId)),
        cell(m.organisationName),
        cell(l.status(m.status)),
        text?.trlNow ?? null,
        text?.trlWanted ?? null,
        cell(l.horizon(text?.horizon ?? null)),
        cell(text?.description ?? ''),
      ]);
    }
  }
  members.columns.forEach((column, i) => {
    column.width = [22, 38, 50, 12, 18, 30, 14, 9, 9, 18, 90][i] ?? 20;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function commonChallengesPdf(data: WorkshopExport): Promise<Buffer> {
  const l = labels(data);
  const { doc, done } = createPdf({ title: l.word('title'), lang: data.lang, createdAt: data.generatedAt });

  // Title page.
  doc.font('bold').fontSize(26).text(l.word('title'), { align: 'left' });
  doc.moveDown(0.5);
  doc.font('body').fontSize(13).text(l.word('subtitle'));
  doc.moveDown(1.5);
  doc.fontSize(11).text(`${l.word('generated')}: ${l.date}`);
  doc.text(`${l.word('clusterCount')}: ${data.clusters.length}`);
  const regionsInAll = [...new Set(data.clusters.flatMap((c) => c.regions))];
  if (regionsInAll.length) doc.text(`${l.word('regions')}: ${regionsInAll.map(l.region).join(', ')}`);
  if (data.clusters.length === 0) {
    doc.moveDown();
    doc.text(l.word('none'));
  }

  data.clusters.forEach((c, i) => {
    doc.addPage();
    doc
      .font('bold')
      .fontSize(17)
      .text(`${i + 1}. ${l.word('cluster')}: ${c.challenges[0]?.title ?? c.clusterId}`);
    doc.moveDown(0.4);
    const fact = (label: string, value: string) => {
      doc.font('bold').fontSize(10).text(`${label}: `, { continued: true });
      doc.font('body').text(value || '–');
    };
    fact(l.word('regions'), c.regions.map(l.region).join(', '));
    fact(l.word('concepts'), l.concepts(c));
    fact(l.word('languages'), c.languages.map(l.language).join(', '));
    fact(l.word('cohesion'), c.cohesion.toFixed(2));
    fact(l.word('clusterId'), c.clusterId);
    doc.moveDown(0.6);
    doc
      .font('bold')
      .fontSize(13)
      .text(`${l.word('members')} (${c.challenges.length})`);
    for (const m of c.challenges) {
      const text = data.texts.get(m.id);
      doc.moveDown(0.6);
      doc.font('bold').fontSize(11.5).text(m.title);
      const facts = [
        l.region(m.regionId),
        m.organisationName ?? '',
        l.language(m.language),
        l.status(m.status),
        text?.trlNow ? `TRL ${text.trlNow}${text.trlWanted ? ` → ${text.trlWanted}` : ''}` : '',
        l.horizon(text?.horizon ?? null),
      ].filter(Boolean);
      doc.font('body').fontSize(9).fillColor('#444444').text(facts.join(' · '));
      doc
        .fillColor('black')
        .fontSize(10)
        .text(text?.description ?? '', { align: 'left' });
    }
  });
  doc.end();
  return done;
}
