import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { STAGE_COLOURS } from '../../components/map/stage-colours.ts';
import type { Locale } from '../../locale.ts';
import { pickLabel } from '../../locale.ts';
import type { EcosystemMatrix } from '../regions/ecosystem-api.ts';

/** Six shades of the accent, light to dark; text turns white where dark text would fall below 4.5:1. */
const SHADES = ['#e2f0ed', '#c3e1da', '#9ccbc1', '#6fb0a3', '#1f7a6c', '#004d43'];

export function heatShade(count: number, max: number): { background: string; dark: boolean } | null {
  if (count <= 0 || max <= 0) return null;
  const index = Math.min(SHADES.length - 1, Math.ceil((count / max) * SHADES.length) - 1);
  return { background: SHADES[index]!, dark: index >= 4 };
}

/**
 * The value-chain × region matrix as a heat-map table: a real table with row and column
 * headers, each cell both shaded and numbered, each number a link to the filtered list.
 */
export function MatrixTable({ matrix, locale }: { matrix: EcosystemMatrix; locale: Locale }) {
  const { t } = useTranslation();
  const max = Math.max(0, ...matrix.rows.flatMap((row) => Object.values(row.counts)));
  const regionName = (r: EcosystemMatrix['regions'][number]) =>
    pickLabel(r.name, locale.language).replace(/\s*\(.*\)\s*$/, '');
  return (
    <div className="table-wrap matrix-wrap">
      <table className="table matrix">
        <caption className="visually-hidden">{t('regions.matrixCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="matrix__corner">
              {t('regions.matrixStage')}
            </th>
            {matrix.regions.map((region) => (
              <th key={region.id} scope="col" className="matrix__region">
                <Link to={`/regions/${encodeURIComponent(region.id)}`}>{regionName(region)}</Link>
              </th>
            ))}
            <th scope="col" className="matrix__total">
              {t('regions.matrixTotal')}
            </th>
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => {
            const stage = pickLabel(row.labels, locale.language);
            return (
              <tr key={row.conceptId}>
                <th scope="row" className="matrix__stage">
                  <span
                    className="stage-swatch"
                    style={{ background: STAGE_COLOURS[row.conceptId] ?? '#fff' }}
                    aria-hidden="true"
                  />
                  {stage}
                </th>
                {matrix.regions.map((region) => {
                  const count = row.counts[region.id] ?? 0;
                  const shade = heatShade(count, max);
                  const label = t('regions.matrixCell', {
                    count,
                    formatted: locale.formatNumber(count),
                    stage,
                    region: regionName(region),
                  });
                  return (
                    <td
                      key={region.id}
                      className={shade?.dark ? 'matrix__cell matrix__cell--dark' : 'matrix__cell'}
                      style={shade ? { background: shade.background } : undefined}
                      data-region={region.id}
                      data-concept={row.conceptId}
                    >
                      {count > 0 ? (
                        <Link
                          to={`/organisations?region=${encodeURIComponent(region.id)}&concept=${encodeURIComponent(row.conceptId)}`}
                          aria-label={label}
                        >
                          {locale.formatNumber(count)}
                        </Link>
                      ) : (
                        <span className="matrix__zero">
                          <span aria-hidden="true">·</span>
                          <span className="visually-hidden">{locale.formatNumber(0)}</span>
                        </span>
                      )}
                    </td>
                  );
                })}
                <td className="matrix__cell matrix__cell--total">{locale.formatNumber(row.total)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
