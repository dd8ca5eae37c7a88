// Parts of the training-path pages: the module nav, a module's card, the graph by level, the
// validation messages and the credit totals — shared by the public page and the builder.
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import type { SkillsLabels } from '../skills/skills-labels.ts';
import type { TrainingLevel } from '../skills/skills-api.ts';
import { LEVEL_ORDER, type ModuleDetail, type PathIssue, type PathValidation } from './paths-api.ts';
import '../sites/sites.css';
import './training-paths.css';

export function TrainingNav() {
  const { t } = useTranslation();
  const sections = [
    { key: 'paths', to: '/training-paths', end: true },
    { key: 'network', to: '/training-paths/network', end: true },
    { key: 'workingLife', to: '/working-life', end: false },
    { key: 'continuing', to: '/continuing-education', end: false },
  ] as const;
  return (
    <nav className="sites-nav tp-no-print" aria-label={t('trainingPaths.nav.label')}>
      <ul>
        {sections.map((section) => (
          <li key={section.key}>
            <NavLink to={section.to} end={section.end} className="sites-nav__link">
              {t(`trainingPaths.nav.${section.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function PathsBreadcrumb({ current }: { current: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('trainingPaths.breadcrumb')} className="breadcrumb tp-no-print">
      <ol>
        <li>
          <Link to="/training-paths">{t('trainingPaths.title')}</Link>
        </li>
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}

/** "240 ECTS", "180 osp". */
export function useCredits() {
  const { t } = useTranslation();
  return (credits: number | null, unit: 'osp' | 'ects' | null) =>
    credits !== null && unit ? `${credits} ${t(`skills.supply.unitsShort.${unit}`)}` : null;
}

/** The facts of a module as short phrases: extent, EQF level, delivery, language, work-based share. */
export function useModuleFacts(labels: SkillsLabels) {
  const { t } = useTranslation();
  const credits = useCredits();
  return (m: ModuleDetail) =>
    [
      credits(m.credits, m.creditUnit),
      labels.eqf(m.eqfLevel),
      m.delivery ? t(`trainingPaths.delivery.${m.delivery}`) : null,
      m.language ? t('trainingPaths.module.language', { language: m.language.toUpperCase() }) : null,
      m.workBasedShare !== null && m.workBasedShare > 0
        ? t('trainingPaths.module.workBased', { share: labels.percent(m.workBasedShare) })
        : null,
    ].filter((f): f is string => Boolean(f));
}

interface ModuleCardProps {
  module: ModuleDetail;
  number: number;
  requires: { number: number; name: string }[];
  labels: SkillsLabels;
}

export function ModuleCard({ module, number, requires, labels }: ModuleCardProps) {
  const { t } = useTranslation();
  const facts = useModuleFacts(labels)(module);
  return (
    <article className="tp-module" aria-labelledby={`tp-module-${number}`}>
      <p className="tp-module__number" aria-hidden="true">
        {number}
      </p>
      <h3 className="tp-module__name" id={`tp-module-${number}`}>
        <span className="visually-hidden">{t('trainingPaths.module.step', { number })} </span>
        {labels.text(module.name)}
      </h3>
      <p className="tp-module__provider">
        {module.organisationName}
        {module.regionId ? ` · ${labels.region(module.regionId)}` : ''}
      </p>
      <ul className="tp-module__facts">
        {facts.map((fact) => (
          <li key={fact}>{fact}</li>
        ))}
      </ul>
      {requires.length ? (
        <p className="tp-module__requires">
          <strong>{t('trainingPaths.module.requires')}</strong>{' '}
          {requires.map((r, i) => (
            <span key={r.number}>
              {i > 0 ? ', ' : ''}
              <span className="tp-module__ref" aria-hidden="true">
                {r.number}
              </span>{' '}
              {r.name}
            </span>
          ))}
        </p>
      ) : (
        <p className="tp-module__requires tp-module__requires--none">{t('trainingPaths.module.entry')}</p>
      )}
      {module.learningOutcomes.length ? (
        <details className="tp-module__outcomes" open>
          <summary>{t('trainingPaths.module.outcomes')}</summary>
          <ul>
            {module.learningOutcomes.map((o) => (
              <li key={labels.text(o.text)}>
                {labels.text(o.text)}
                {o.conceptIds.length ? (
                  <span className="tp-module__concepts">
                    {' '}
                    ({o.conceptIds.map((c) => labels.skill(c)).join(', ')})
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {module.url ? (
        <p className="tp-module__link tp-no-print">
          <a href={module.url} rel="noopener noreferrer">
            {t('trainingPaths.module.more', { provider: module.organisationName })}
          </a>
        </p>
      ) : null}
    </article>
  );
}

export interface GraphStep {
  programmeId: string;
  prerequisiteIds: string[];
  module: ModuleDetail | null;
}

/**
 * Steps numbered as the page reads: level by level (vocational → applied sciences → university,
 * continuing), within a level by depth of prerequisites (entry modules first).
 */
export function numberSteps(steps: readonly GraphStep[], layers: readonly string[][]): Map<string, number> {
  const depth = new Map<string, number>();
  layers.forEach((layer, d) => {
    for (const id of layer) depth.set(id, d);
  });
  const levelIndex = (s: GraphStep) => (s.module ? LEVEL_ORDER.indexOf(s.module.level) : LEVEL_ORDER.length);
  const ordered = steps
    .map((s, i) => ({ s, i }))
    .sort(
      (a, b) =>
        levelIndex(a.s) - levelIndex(b.s) ||
        (depth.get(a.s.programmeId) ?? 0) - (depth.get(b.s.programmeId) ?? 0) ||
        a.i - b.i,
    );
  return new Map(ordered.map(({ s }, n) => [s.programmeId, n + 1]));
}

/** The path as columns of levels — vocational → applied sciences → university, continuing. */
export function PathGraph({
  steps,
  layers,
  labels,
}: {
  steps: readonly GraphStep[];
  layers: readonly string[][];
  labels: SkillsLabels;
}) {
  const { t } = useTranslation();
  const numbers = numberSteps(steps, layers);
  const byId = new Map(steps.map((s) => [s.programmeId, s]));
  const levels = LEVEL_ORDER.filter((level) => steps.some((s) => s.module?.level === level));
  const hidden = steps.filter((s) => !s.module).length;
  const nameOf = (id: string) => {
    const m = byId.get(id)?.module;
    return m ? labels.text(m.name) : t('trainingPaths.module.hidden');
  };
  return (
    <div className="tp-graph">
      <ol className="tp-graph__levels">
        {levels.map((level: TrainingLevel) => (
          <li key={level} className={`tp-level tp-level--${level}`}>
            <h2 className="tp-level__title">{t(`skills.supply.levels.${level}`)}</h2>
            <div className="tp-level__modules">
              {steps
                .filter((s) => s.module?.level === level)
                .sort((a, b) => numbers.get(a.programmeId)! - numbers.get(b.programmeId)!)
                .map((s) => (
                  <ModuleCard
                    key={s.programmeId}
                    module={s.module!}
                    number={numbers.get(s.programmeId)!}
                    requires={s.prerequisiteIds.map((p) => ({
                      number: numbers.get(p) ?? 0,
                      name: nameOf(p),
                    }))}
                    labels={labels}
                  />
                ))}
            </div>
          </li>
        ))}
      </ol>
      {hidden ? <p className="muted">{t('trainingPaths.module.hiddenCount', { count: hidden })}</p> : null}
    </div>
  );
}

/** One validation message in the reader's language, with the modules named. */
export function useIssueText(labels: SkillsLabels, nameOf: (id: string) => string) {
  const { t } = useTranslation();
  return (issue: PathIssue) => {
    const p = issue.params as Record<string, unknown>;
    const [first, second] = issue.stepIds;
    const unit = p.unit === 'osp' || p.unit === 'ects' ? t(`skills.supply.unitsShort.${p.unit}`) : '';
    const extents = Array.isArray(p.extents) ? (p.extents as number[]).join(', ') : '';
    const level = LEVEL_ORDER.includes(p.level as TrainingLevel)
      ? t(`skills.supply.levels.${p.level as TrainingLevel}`)
      : '';
    const names = issue.stepIds.map(nameOf);
    switch (issue.code) {
      case 'cycle':
        return t('trainingPaths.issues.cycle', { cycle: [...names, names[0]].join(' → ') });
      case 'prerequisite_not_on_path':
        return t('trainingPaths.issues.prerequisite_not_on_path', {
          module: nameOf(first!),
          prerequisite: nameOf(second!),
        });
      case 'level_jump':
        return t('trainingPaths.issues.level_jump', {
          from: nameOf(first!),
          to: nameOf(second!),
          fromLevel: labels.eqf(p.from as number),
          toLevel: labels.eqf(p.to as number),
          missing: (p.missing as number[]).join(', '),
        });
      case 'level_down':
        return t('trainingPaths.issues.level_down', {
          from: nameOf(first!),
          to: nameOf(second!),
          fromLevel: labels.eqf(p.from as number),
          toLevel: labels.eqf(p.to as number),
        });
      case 'credits_above_extent':
      case 'credits_not_an_extent':
      case 'credits_partial':
        return t(`trainingPaths.issues.${issue.code}`, {
          total: `${p.total} ${unit}`,
          level,
          eqf: labels.eqf(p.eqf as number),
          extents: `${extents} ${unit}`,
        });
      case 'unknown_module':
        return t('trainingPaths.issues.unknown_module', { id: first });
      default:
        return t(`trainingPaths.issues.${issue.code}`, { module: first ? nameOf(first) : '' });
    }
  };
}

export function IssueList({
  validation,
  labels,
  nameOf,
}: {
  validation: PathValidation;
  labels: SkillsLabels;
  nameOf: (id: string) => string;
}) {
  const { t } = useTranslation();
  const text = useIssueText(labels, nameOf);
  const groups = [
    { key: 'errors', issues: validation.errors },
    { key: 'warnings', issues: validation.warnings },
    { key: 'notes', issues: validation.notes },
  ] as const;
  if (groups.every((g) => g.issues.length === 0))
    return <p className="tp-issues__ok">{t('trainingPaths.issues.none')}</p>;
  return (
    <div className="tp-issues">
      {groups.map((g) =>
        g.issues.length ? (
          <div key={g.key} className={`tp-issues__group tp-issues__group--${g.key}`}>
            <h3>{t(`trainingPaths.issues.${g.key}`, { count: g.issues.length })}</h3>
            <ul>
              {g.issues.map((issue) => (
                <li key={`${issue.code}-${issue.stepIds.join('|')}`}>{text(issue)}</li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
    </div>
  );
}

export function CreditTotals({ validation, labels }: { validation: PathValidation; labels: SkillsLabels }) {
  const { t } = useTranslation();
  const credits = useCredits();
  if (!validation.credits.length) return null;
  return (
    <div className="table-wrap">
      <table className="table tp-credits">
        <caption>{t('trainingPaths.credits.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trainingPaths.credits.level')}</th>
            <th scope="col">{t('trainingPaths.credits.total')}</th>
            <th scope="col">{t('trainingPaths.credits.qualification')}</th>
            <th scope="col">{t('trainingPaths.credits.status')}</th>
          </tr>
        </thead>
        <tbody>
          {validation.credits.map((c) => (
            <tr key={`${c.level}-${c.eqfLevel}-${c.unit}`}>
              <th scope="row">
                {t(`skills.supply.levels.${c.level}`)}, {labels.eqf(c.eqfLevel)}
              </th>
              <td>{credits(c.total, c.unit)}</td>
              <td>
                {c.qualification
                  ? `${c.qualification.extents.join(', ')} ${t(`skills.supply.unitsShort.${c.unit}`)}`
                  : t('trainingPaths.credits.noExtent')}
              </td>
              <td>
                <span
                  className={`badge ${c.status === 'matches' ? 'badge--ok' : c.status === 'above' || c.status === 'not_an_extent' ? 'badge--warn' : ''}`}
                >
                  {t(`trainingPaths.credits.statuses.${c.status}`)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
