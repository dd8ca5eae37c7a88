// Which gaps of the skills analysis a path closes, by level and region, and which remain —
// from the published figures only (GET /api/paths/:id/coverage).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import type { SkillsLabels } from '../skills/skills-labels.ts';
import { type Coverage, useCoverage } from './paths-api.ts';

const SHOWN = 8;

type Cell = Coverage['closed'][number];

function CellTable({
  caption,
  cells,
  coverage,
  labels,
  nameOf,
  kind,
}: {
  caption: string;
  cells: Cell[];
  coverage: Coverage;
  labels: SkillsLabels;
  nameOf: (id: string) => string;
  kind: 'closed' | 'remaining';
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? cells : cells.slice(0, SHOWN);
  const role = (id: string) => (coverage.roles[id] ? labels.text(coverage.roles[id]) : labels.role(id));
  return (
    <div className="table-wrap">
      <table className={`table tp-coverage__table tp-coverage__table--${kind}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trainingPaths.coverage.role')}</th>
            <th scope="col">{t('trainingPaths.coverage.level')}</th>
            <th scope="col">{t('trainingPaths.coverage.region')}</th>
            <th scope="col" className="tp-num">
              {t('trainingPaths.coverage.gap')}
            </th>
            <th scope="col">
              {kind === 'closed' ? t('trainingPaths.coverage.modules') : t('trainingPaths.coverage.nearby')}
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((c) => (
            <tr key={`${c.roleId}-${c.eqf}-${c.regionId ?? 'all'}`}>
              <th scope="row">{role(c.roleId)}</th>
              <td>{labels.eqf(c.eqf)}</td>
              <td>{labels.region(c.regionId)}</td>
              <td className="tp-num">{labels.signed(c.gap)}</td>
              <td>{(kind === 'closed' ? c.stepIds : c.nearbyStepIds).map(nameOf).join(', ') || '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {cells.length > SHOWN ? (
        <button type="button" className="link-button" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? t('trainingPaths.coverage.fewer') : t('trainingPaths.coverage.all', { count: cells.length })}
        </button>
      ) : null}
    </div>
  );
}

export function CoveragePanel({
  pathId,
  version,
  labels,
  nameOf,
}: {
  pathId: string;
  version: string;
  labels: SkillsLabels;
  nameOf: (id: string) => string;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const coverage = useCoverage(pathId, version);
  return (
    <section className="section tp-coverage" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('trainingPaths.coverage.title')}</h2>
      {coverage.isPending ? <Loading /> : null}
      {coverage.isError ? <ErrorMessage error={coverage.error} /> : null}
      {coverage.data ? (
        <>
          <p className="section__intro">
            {coverage.data.round
              ? t('trainingPaths.coverage.intro', { round: labels.text(coverage.data.round.title) })
              : t('trainingPaths.coverage.noRound')}{' '}
            <Link to="/skills">{t('trainingPaths.coverage.gapsLink')}</Link>
          </p>
          <p className="tp-coverage__summary" role="status">
            {t('trainingPaths.coverage.summary', {
              closed: coverage.data.closed.length,
              remaining: coverage.data.remaining.length,
            })}
          </p>
          {coverage.data.byLevel.length ? (
            <ul className="tp-coverage__levels">
              {coverage.data.byLevel.map((g) => {
                const total = g.closed + g.remaining;
                return (
                  <li key={String(g.key)} className="tp-coverage__level">
                    <span className="tp-coverage__level-name">{labels.eqf(Number(g.key))}</span>
                    <span className="tp-coverage__bar" aria-hidden="true">
                      <span
                        className="tp-coverage__bar-closed"
                        style={{ width: `${total ? (100 * g.closed) / total : 0}%` }}
                      />
                    </span>
                    <span>{t('trainingPaths.coverage.levelLine', { closed: g.closed, total })}</span>
                  </li>
                );
              })}
            </ul>
          ) : null}
          {coverage.data.closed.length ? (
            <CellTable
              caption={t('trainingPaths.coverage.closedCaption')}
              cells={coverage.data.closed}
              coverage={coverage.data}
              labels={labels}
              nameOf={nameOf}
              kind="closed"
            />
          ) : null}
          {coverage.data.remaining.length ? (
            <CellTable
              caption={t('trainingPaths.coverage.remainingCaption')}
              cells={coverage.data.remaining}
              coverage={coverage.data}
              labels={labels}
              nameOf={nameOf}
              kind="remaining"
            />
          ) : null}
          {coverage.data.suppressedInScope ? (
            <p className="muted">
              {t('trainingPaths.coverage.suppressed', { count: coverage.data.suppressedInScope })}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
