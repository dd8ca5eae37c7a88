// The education network: who delivers which level and which competence area in each region,
// as two heatmap tables (a cell's shade is its number of institutions), with the cells where
// nobody does marked — the places a new path or module is most needed.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Localised } from '../../api.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { FilterSelect } from '../sites/filter-select.tsx';
import { useUrlFilters } from '../sites/use-url-filters.ts';
import { type SkillsLabels, useSkillsLabels } from '../skills/skills-labels.ts';
import { TRAINING_LEVELS, type TrainingLevel } from '../skills/skills-api.ts';
import { TrainingNav } from './path-parts.tsx';
import { type Network, useNetwork } from './paths-api.ts';

type Cell = Network['byLevel'][number];

function shade(providers: number): string {
  if (providers === 0) return 'tp-heat--0';
  if (providers === 1) return 'tp-heat--1';
  if (providers === 2) return 'tp-heat--2';
  return 'tp-heat--3';
}

function Heatmap({
  caption,
  network,
  cells,
  columns,
  labels,
}: {
  caption: string;
  network: Network;
  cells: Cell[];
  columns: { key: string; label: string }[];
  labels: SkillsLabels;
}) {
  const { t } = useTranslation();
  const at = new Map(cells.map((c) => [`${c.regionId}|${c.key}`, c]));
  const empty = cells.filter((c) => c.providers.length === 0).length;
  return (
    <>
      <p className="section__intro">
        {t('trainingPaths.network.emptyCount', { count: empty, total: cells.length })}
      </p>
      <div className="table-wrap">
        <table className="table tp-heatmap">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('trainingPaths.network.region')}</th>
              {columns.map((c) => (
                <th key={c.key} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {network.regions.map((region) => (
              <tr key={region.id}>
                <th scope="row">{labels.text(region.name)}</th>
                {columns.map((column) => {
                  const cell = at.get(`${region.id}|${column.key}`);
                  const providers = cell?.providers ?? [];
                  return (
                    <td key={column.key} className={`tp-heat ${shade(providers.length)}`}>
                      {providers.length ? (
                        <ul className="tp-heat__providers">
                          {providers.map((p) => (
                            <li key={p.organisationId}>
                              {p.organisationName}
                              {p.programmeIds.length > 1 ? (
                                <span className="tp-heat__count">
                                  {' '}
                                  ({t('trainingPaths.network.programmes', { count: p.programmeIds.length })})
                                </span>
                              ) : null}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <span className="tp-heat__nobody">{t('trainingPaths.network.nobody')}</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/**
 * Competence areas × regions: the number of institutions in each cell; choosing a cell lists them
 * below (the names would not fit thirteen columns).
 */
function CompactHeatmap({
  caption,
  network,
  cells,
  rows,
  labels,
}: {
  caption: string;
  network: Network;
  cells: Cell[];
  rows: { key: string; label: string }[];
  labels: SkillsLabels;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Cell | null>(null);
  const detailId = useId();
  const at = new Map(cells.map((c) => [`${c.regionId}|${c.key}`, c]));
  const empty = cells.filter((c) => c.providers.length === 0).length;
  const rowLabel = (key: string) => rows.find((r) => r.key === key)?.label ?? key;
  const regionName = (id: string) => {
    const region = network.regions.find((r) => r.id === id);
    return region ? labels.text(region.name) : id;
  };
  return (
    <>
      <p className="section__intro">
        {t('trainingPaths.network.emptyCount', { count: empty, total: cells.length })}{' '}
        {t('trainingPaths.network.chooseCell')}
      </p>
      <div className="table-wrap">
        <table className="table tp-heatmap tp-heatmap--compact">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('trainingPaths.network.area')}</th>
              {network.regions.map((r) => (
                <th key={r.id} scope="col">
                  {labels.text(r.name)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {network.regions.map((region) => {
                  const cell = at.get(`${region.id}|${row.key}`);
                  const n = cell?.providers.length ?? 0;
                  const selected = chosen?.regionId === region.id && chosen.key === row.key;
                  return (
                    <td key={region.id} className={`tp-heat ${shade(n)}`}>
                      {cell && n > 0 ? (
                        <button
                          type="button"
                          className="tp-heat__button"
                          aria-pressed={selected}
                          aria-controls={detailId}
                          aria-label={t('trainingPaths.network.cellLabel', {
                            count: n,
                            area: row.label,
                            region: labels.text(region.name),
                          })}
                          onClick={() => setChosen(selected ? null : cell)}
                        >
                          {n}
                        </button>
                      ) : (
                        <span className="tp-heat__nobody">{t('trainingPaths.network.nobody')}</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div id={detailId} aria-live="polite" className="tp-heat__detail">
        {chosen ? (
          <>
            <h3>
              {rowLabel(chosen.key)} · {regionName(chosen.regionId)}
            </h3>
            <ul>
              {chosen.providers.map((p) => (
                <li key={p.organisationId}>
                  {p.organisationName} (
                  {t('trainingPaths.network.programmes', { count: p.programmeIds.length })})
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </>
  );
}

export function NetworkPage() {
  const { t } = useTranslation();
  const labels = useSkillsLabels();
  const { values, update } = useUrlFilters(['region', 'level'] as const);
  const level = (TRAINING_LEVELS as readonly string[]).includes(values.level)
    ? (values.level as TrainingLevel)
    : undefined;
  const network = useNetwork({
    ...(values.region ? { regionId: values.region } : {}),
    ...(level ? { level } : {}),
  });
  const ids = { levels: useId(), areas: useId() };
  const areaLabel = (label: Localised) => labels.text(label);
  return (
    <>
      <TrainingNav />
      <PageHeading
        title={t('trainingPaths.network.title')}
        eyebrow={t('modules.trainingPaths.title')}
        lead={t('trainingPaths.network.lead')}
      />
      <search aria-label={t('trainingPaths.network.filters')}>
        <form className="filters" onSubmit={(event) => event.preventDefault()}>
          <FilterSelect
            label={t('skills.supply.region')}
            value={values.region}
            allLabel={t('skills.supply.allRegions')}
            options={labels.regionOptions}
            onChange={(value) => update({ region: value })}
          />
          <FilterSelect
            label={t('skills.supply.level')}
            value={values.level}
            allLabel={t('skills.supply.allLevels')}
            options={TRAINING_LEVELS.map((l) => ({ value: l, label: t(`skills.supply.levels.${l}`) }))}
            onChange={(value) => update({ level: value })}
          />
        </form>
      </search>
      <ul className="tp-legend" aria-label={t('trainingPaths.network.legend')}>
        <li>
          <span className="tp-legend__swatch tp-heat--0" aria-hidden="true" />{' '}
          {t('trainingPaths.network.legend0')}
        </li>
        <li>
          <span className="tp-legend__swatch tp-heat--1" aria-hidden="true" />{' '}
          {t('trainingPaths.network.legend1')}
        </li>
        <li>
          <span className="tp-legend__swatch tp-heat--2" aria-hidden="true" />{' '}
          {t('trainingPaths.network.legend2')}
        </li>
        <li>
          <span className="tp-legend__swatch tp-heat--3" aria-hidden="true" />{' '}
          {t('trainingPaths.network.legend3')}
        </li>
      </ul>
      {network.isPending ? <Loading /> : null}
      {network.isError ? <ErrorMessage error={network.error} /> : null}
      {network.data ? (
        <>
          <section className="section" aria-labelledby={ids.levels}>
            <h2 id={ids.levels}>{t('trainingPaths.network.byLevel')}</h2>
            <Heatmap
              caption={t('trainingPaths.network.byLevelCaption')}
              network={network.data}
              cells={network.data.byLevel}
              columns={network.data.levels.map((l) => ({ key: l, label: t(`skills.supply.levels.${l}`) }))}
              labels={labels}
            />
          </section>
          <section className="section" aria-labelledby={ids.areas}>
            <h2 id={ids.areas}>{t('trainingPaths.network.byCompetence')}</h2>
            <CompactHeatmap
              caption={t('trainingPaths.network.byCompetenceCaption')}
              network={network.data}
              cells={network.data.byCompetence}
              rows={network.data.competenceAreas.map((a) => ({ key: a.id, label: areaLabel(a.label) }))}
              labels={labels}
            />
          </section>
          {network.data.withoutRegion ? (
            <p className="muted">
              {t('trainingPaths.network.withoutRegion', { count: network.data.withoutRegion })}
            </p>
          ) : null}
        </>
      ) : null}
    </>
  );
}
