import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Locale } from '../../locale.ts';
import type { TrackRecordItem, TrackRecordSummary } from './cordis-api.ts';

/** Euros without cents: EU contributions are read as magnitudes. */
export function formatEuros(locale: Locale, value: number | null): string {
  return value === null ? '–' : `${locale.formatNumber(Math.round(value))} €`;
}

/** The role as CORDIS writes it (coordinator, participant, thirdParty …), in the reader's language. */
export function useRoleLabel(): (role: string) => string {
  const { t } = useTranslation();
  return (role) => t(`cordis.roles.${role}`, { defaultValue: role });
}

/** Projects, coordinated, EU contribution and years, as a row of figures. */
export function TrackRecordFigures({ summary, locale }: { summary: TrackRecordSummary; locale: Locale }) {
  const { t } = useTranslation();
  const years =
    summary.firstYear === null
      ? '–'
      : summary.firstYear === summary.lastYear
        ? String(summary.firstYear)
        : `${summary.firstYear}–${summary.lastYear}`;
  return (
    <dl className="cordis-figures">
      <div>
        <dt>{t('cordis.figures.projects')}</dt>
        <dd>{locale.formatNumber(summary.projects)}</dd>
      </div>
      <div>
        <dt>{t('cordis.figures.coordinated')}</dt>
        <dd>{locale.formatNumber(summary.coordinated)}</dd>
      </div>
      <div>
        <dt>{t('cordis.figures.ecContribution')}</dt>
        <dd>{formatEuros(locale, summary.ecContributionEur)}</dd>
      </div>
      <div>
        <dt>{t('cordis.figures.years')}</dt>
        <dd>{years}</dd>
      </div>
    </dl>
  );
}

/** A track record as a table: project, programme and scheme, role, years, EU contribution. */
export function TrackRecordTable({
  items,
  locale,
  caption,
  organisationLink,
}: {
  items: (TrackRecordItem & { cordisOrganisationId?: string })[];
  locale: Locale;
  caption: string;
  /** Adds a column linking each row to its CORDIS organisation page. */
  organisationLink?: (id: string) => string;
}) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  return (
    <div className="table-wrap">
      <table className="table cordis-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cordis.table.project')}</th>
            <th scope="col">{t('cordis.table.programme')}</th>
            <th scope="col">{t('cordis.table.role')}</th>
            <th scope="col">{t('cordis.table.period')}</th>
            <th scope="col" className="cordis-table__number">
              {t('cordis.table.ecContribution')}
            </th>
            {organisationLink ? <th scope="col">{t('cordis.table.asParticipant')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.projectId}-${item.cordisOrganisationId ?? ''}`}>
              <th scope="row">
                <Link
                  className="cordis-table__acronym"
                  to={`/partners/cordis/projects/${encodeURIComponent(item.projectId)}`}
                >
                  {item.acronym || item.projectId}
                </Link>
                {item.title ? <span className="cordis-table__title">{item.title}</span> : null}
                {item.topics.length ? (
                  <span className="cordis-table__topics">{item.topics.join(', ')}</span>
                ) : null}
              </th>
              <td>{[item.frameworkProgramme, item.fundingScheme].filter(Boolean).join(' · ') || '–'}</td>
              <td>{roleLabel(item.role)}</td>
              <td>
                {item.startDate ? (
                  <time dateTime={item.startDate}>{locale.formatDate(item.startDate)}</time>
                ) : (
                  '–'
                )}
                {item.endDate ? (
                  <>
                    {' – '}
                    <time dateTime={item.endDate}>{locale.formatDate(item.endDate)}</time>
                  </>
                ) : null}
              </td>
              <td className="cordis-table__number">{formatEuros(locale, item.ecContributionEur)}</td>
              {organisationLink && item.cordisOrganisationId ? (
                <td>
                  <Link to={organisationLink(item.cordisOrganisationId)}>
                    {t('cordis.table.openProfile')}
                  </Link>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
