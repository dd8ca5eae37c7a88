import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type BudgetBar, BudgetChart } from '../../components/charts/budget-chart.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { Loading } from '../../components/status.tsx';
import { CordisQueryError } from './cordis-query-state.tsx';
import { useLocale } from '../../locale.ts';
import { useConceptLabel } from '../../queries.ts';
import { type CordisProjectView, useCordisProject } from './cordis-api.ts';
import { formatEuros, useRoleLabel } from './track-record-table.tsx';
import './cordis.css';

/** The chart shows this many participants, the largest EU contributions; the table shows all. */
const CHART_PARTICIPANTS = 12;

/** Coordinator first, then by EU contribution, as the CORDIS project page lists them. */
const ROLE_ORDER: Record<string, number> = { coordinator: 0, participant: 1, beneficiary: 1 };

/** /partners/cordis/projects/:id — an EU project from CORDIS: what it does, its money, who is in it. */
export function CordisProjectPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const view = useCordisProject(id);
  if (view.isPending) return <Loading />;
  if (view.isError) {
    return (
      <CordisQueryError
        error={view.error}
        title={t('cordis.project.title')}
        notFoundTitle={t('cordis.project.notFoundTitle')}
        notFoundText={t('cordis.project.notFoundText')}
      />
    );
  }
  return <Project view={view.data} />;
}

function Project({ view }: { view: CordisProjectView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const roleLabel = useRoleLabel();
  const { project } = view;
  const participants = useMemo(
    () =>
      [...view.participants].sort(
        (a, b) =>
          (ROLE_ORDER[a.role] ?? 2) - (ROLE_ORDER[b.role] ?? 2) ||
          (b.ecContributionEur ?? 0) - (a.ecContributionEur ?? 0) ||
          a.name.localeCompare(b.name),
      ),
    [view.participants],
  );
  const countries = useMemo(() => {
    const counts = new Map<string, number>();
    for (const p of participants) if (p.country) counts.set(p.country, (counts.get(p.country) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }, [participants]);
  const bars: BudgetBar[] = useMemo(
    () =>
      [...participants]
        .filter((p) => p.ecContributionEur !== null || p.totalCostEur !== null)
        .sort((a, b) => (b.ecContributionEur ?? 0) - (a.ecContributionEur ?? 0))
        .slice(0, CHART_PARTICIPANTS)
        .map((p) => {
          const grant = p.ecContributionEur ?? 0;
          return {
            id: p.organisationId,
            name: p.shortName || p.name,
            grant,
            own: Math.max(0, (p.totalCostEur ?? grant) - grant),
          };
        }),
    [participants],
  );
  const chartLabels = useMemo(
    () => ({ grant: t('cordis.project.chartGrant'), own: t('cordis.project.chartOwn') }),
    [t],
  );
  const formatEur = useMemo(() => (value: number) => formatEuros(locale, value), [locale]);
  const conceptLabel = useConceptLabel();
  const notGiven = <span className="muted">{t('common.notGiven')}</span>;
  const period =
    project.startDate || project.endDate ? (
      <>
        {project.startDate ? (
          <time dateTime={project.startDate}>{locale.formatDate(project.startDate)}</time>
        ) : (
          '–'
        )}
        {' – '}
        {project.endDate ? <time dateTime={project.endDate}>{locale.formatDate(project.endDate)}</time> : '–'}
      </>
    ) : (
      '–'
    );
  const cordisUrl = `https://cordis.europa.eu/project/id/${encodeURIComponent(project.id)}`;

  return (
    <article className="profile cordis-profile">
      <nav aria-label={t('cordis.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/partners">{t('cordis.partners')}</Link>
          </li>
          <li aria-current="page">{project.acronym || project.id}</li>
        </ol>
      </nav>
      <PageHeading
        title={project.acronym ? `${project.acronym}: ${project.title}` : project.title}
        eyebrow={[t('cordis.project.eyebrow'), project.frameworkProgramme, project.fundingScheme]
          .filter(Boolean)
          .join(' · ')}
      />

      <dl className="cordis-figures">
        <div>
          <dt>{t('cordis.project.ecMax')}</dt>
          <dd>{formatEuros(locale, project.ecMaxContributionEur)}</dd>
        </div>
        <div>
          <dt>{t('cordis.project.totalCost')}</dt>
          <dd>{formatEuros(locale, project.totalCostEur)}</dd>
        </div>
        <div>
          <dt>{t('cordis.project.participants')}</dt>
          <dd>{locale.formatNumber(participants.length)}</dd>
        </div>
        <div>
          <dt>{t('cordis.project.countries')}</dt>
          <dd>{locale.formatNumber(countries.length)}</dd>
        </div>
        <div>
          <dt>{t('cordis.table.period')}</dt>
          <dd>{period}</dd>
        </div>
      </dl>

      <div className="profile__grid">
        <section className="card profile__facts" aria-labelledby="cordis-project-facts">
          <h2 id="cordis-project-facts">{t('cordis.profile.facts')}</h2>
          <dl className="facts">
            <dt>{t('cordis.project.grantAgreement')}</dt>
            <dd>{project.id}</dd>
            <dt>{t('cordis.project.status')}</dt>
            <dd>
              {project.status
                ? t(`cordis.project.statuses.${project.status}`, { defaultValue: project.status })
                : notGiven}
            </dd>
            <dt>{t('cordis.project.call')}</dt>
            <dd>{project.subCall ?? project.masterCall ?? notGiven}</dd>
            <dt>{t('cordis.project.topics')}</dt>
            <dd>
              {project.topics.length ? (
                <ul className="cordis-plain-list">
                  {project.topics.map((topic) => (
                    <li key={topic.code}>
                      <code>{topic.code}</code>
                      {topic.title ? ` ${topic.title}` : null}
                    </li>
                  ))}
                </ul>
              ) : (
                notGiven
              )}
            </dd>
            <dt>{t('cordis.project.legalBasis')}</dt>
            <dd>{project.legalBasis ?? notGiven}</dd>
          </dl>
          <p>
            <a href={cordisUrl} target="_blank" rel="noopener noreferrer">
              {t('cordis.project.openInCordis')}
              <span className="visually-hidden"> ({t('common.opensInNewTab')})</span>
            </a>
          </p>
        </section>

        <div className="profile__main">
          <section aria-labelledby="cordis-project-objective">
            <h2 id="cordis-project-objective">{t('cordis.project.objective')}</h2>
            {project.objective ? (
              <p className="cordis-objective" lang="en">
                {project.objective}
              </p>
            ) : (
              <p className="muted">{t('cordis.project.noObjective')}</p>
            )}
            {project.keywords ? (
              <p>
                <strong>{t('cordis.project.keywords')}:</strong> <span lang="en">{project.keywords}</span>
              </p>
            ) : null}
          </section>

          <section aria-labelledby="cordis-project-concepts">
            <h2 id="cordis-project-concepts">{t('cordis.project.concepts')}</h2>
            {project.conceptIds.length ? (
              <ul className="cordis-concepts">
                {project.conceptIds.map((c) => (
                  <li key={c}>{conceptLabel(c)}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('cordis.project.noConcepts')}</p>
            )}
            {view.fieldsOfScience.length ? (
              <>
                <h3>{t('cordis.project.fieldsOfScience')}</h3>
                <ul className="cordis-plain-list">
                  {view.fieldsOfScience.map((f) => (
                    <li key={f.code} lang="en">
                      {f.path || f.title || f.code}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        </div>
      </div>

      <section aria-labelledby="cordis-project-participants">
        <h2 id="cordis-project-participants">{t('cordis.project.participantsTitle')}</h2>
        {countries.length ? (
          <p className="muted">
            {countries.map(([country, count]) => `${country} ${locale.formatNumber(count)}`).join(' · ')}
          </p>
        ) : null}
        {bars.length ? (
          <>
            <BudgetChart bars={bars} labels={chartLabels} formatEur={formatEur} />
            {participants.length > bars.length ? (
              <p className="muted">
                {t('cordis.project.chartShows', {
                  shown: locale.formatNumber(bars.length),
                  total: locale.formatNumber(participants.length),
                })}
              </p>
            ) : null}
          </>
        ) : null}
        {participants.length ? (
          <div className="table-wrap">
            <table className="table cordis-table">
              <caption>
                {t('cordis.project.participantsCaption', { name: project.acronym || project.id })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('cordis.project.participant')}</th>
                  <th scope="col">{t('cordis.table.role')}</th>
                  <th scope="col">{t('cordis.profile.country')}</th>
                  <th scope="col">{t('cordis.profile.activityType')}</th>
                  <th scope="col">{t('cordis.profile.sme')}</th>
                  <th scope="col" className="cordis-table__number">
                    {t('cordis.table.ecContribution')}
                  </th>
                  <th scope="col">{t('cordis.project.inRegistry')}</th>
                </tr>
              </thead>
              <tbody>
                {participants.map((p) => (
                  <tr key={p.organisationId}>
                    <th scope="row">
                      <Link to={`/partners/cordis/${encodeURIComponent(p.organisationId)}`}>{p.name}</Link>
                      {p.city ? <span className="cordis-table__title">{p.city}</span> : null}
                    </th>
                    <td>{roleLabel(p.role)}</td>
                    <td>{p.country ?? '–'}</td>
                    <td>
                      {p.activityType
                        ? t(`cordis.activityTypes.${p.activityType}`, { defaultValue: p.activityType })
                        : '–'}
                    </td>
                    <td>{p.sme === null ? '–' : p.sme ? t('cordis.yes') : t('cordis.no')}</td>
                    <td className="cordis-table__number">{formatEuros(locale, p.ecContributionEur)}</td>
                    <td>
                      {p.registryOrganisationId ? (
                        <Link to={`/organisations/${encodeURIComponent(p.registryOrganisationId)}`}>
                          {t('cordis.project.openRegistry')}
                        </Link>
                      ) : (
                        '–'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{t('cordis.project.noParticipants')}</p>
        )}
      </section>
    </article>
  );
}
