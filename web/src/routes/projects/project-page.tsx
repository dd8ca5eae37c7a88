import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { useLocale } from '../../locale.ts';
import { ChallengeCard } from '../challenges/challenge-card.tsx';
import { useNames } from '../challenges/challenge-labels.ts';
import { FundingPanel, StagePanel, WorkPackagePanel } from './project-pipeline-panels.tsx';
import { useStageLabel } from './project-labels.ts';
import { type ProjectDetail, useProject } from './projects-api.ts';
import '../challenges/challenges.css';
import './pipeline.css';

export function ProjectPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const project = useProject(id);
  if (project.isPending) return <Loading />;
  if (project.isError) {
    if (project.error instanceof ApiError && project.error.code === 'not_found') {
      return (
        <article className="prose">
          <PageHeading title={t('projects.notFoundTitle')} lead={t('projects.notFoundText')} />
          <p>
            <Link to="/projects">{t('projects.backToList')}</Link>
          </p>
        </article>
      );
    }
    return <ErrorMessage error={project.error} />;
  }
  return <ProjectView project={project.data} />;
}

function ProjectView({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = useNames(locale);
  const stageLabel = useStageLabel();
  const location = useLocation();
  const created = Boolean((location.state as { created?: boolean } | null)?.created);

  return (
    <article className="pj-page">
      <nav className="breadcrumb" aria-label={t('projects.breadcrumb')}>
        <ol>
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
          <li>
            <Link to="/projects">{t('projects.title')}</Link>
          </li>
          <li aria-current="page">{project.title}</li>
        </ol>
      </nav>
      <PageHeading title={project.title} eyebrow={t('projects.eyebrow')} />
      <p className="ch-page__badges">
        <span className="badge pj-stage">{stageLabel(project.stage)}</span>
      </p>
      <p className="profile__status" role="status">
        {created ? t('projects.created') : ''}
      </p>

      <StagePanel project={project} />

      <div className="profile__grid">
        <div className="pl-side">
          <section className="card profile__facts" aria-labelledby="pj-facts-heading">
            <h2 id="pj-facts-heading">{t('projects.facts')}</h2>
            <dl className="facts">
              <dt>{t('projects.stageLabel')}</dt>
              <dd>{stageLabel(project.stage)}</dd>
              <dt>{t('projects.source')}</dt>
              <dd>
                {project.sourceClusterId ? (
                  <Link to={`/challenges/common#${encodeURIComponent(project.sourceClusterId)}`}>
                    {t('projects.sourceLink')}
                  </Link>
                ) : (
                  <span className="muted">{t('common.notGiven')}</span>
                )}
              </dd>
              <dt>{t('projects.regions')}</dt>
              <dd>
                {project.regionIds.length > 0 ? (
                  <ul className="chips">
                    {project.regionIds.map((id) => (
                      <li key={id} className="chip cc-chip--region">
                        {names.region(id)}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">{t('common.notGiven')}</span>
                )}
              </dd>
              <dt>{t('projects.createdAt')}</dt>
              <dd>
                <time dateTime={project.createdAt}>{locale.formatDate(project.createdAt)}</time>
              </dd>
            </dl>
          </section>
          <FundingPanel project={project} />
        </div>

        <div className="profile__main">
          <section className="pl-consortium" aria-labelledby="pl-consortium-heading">
            <h2 id="pl-consortium-heading">{t('pipeline.consortium.title')}</h2>
            <p>
              {project.partnerCount > 0
                ? t('pipeline.consortium.summary', {
                    count: project.partnerCount,
                    formatted: locale.formatNumber(project.partnerCount),
                    coordinator: project.coordinatorName ?? t('pipeline.consortium.noCoordinator'),
                  })
                : t('pipeline.consortium.empty')}
            </p>
            {project.partners.length > 0 ? (
              <ul className="chips">
                {project.partners.map((p) => (
                  <li key={p.id} className={p.role === 'coordinator' ? 'chip chip--active' : 'chip'}>
                    {p.name} <span className="muted">({p.country})</span>
                  </li>
                ))}
              </ul>
            ) : null}
            <p className="pl-consortium__links">
              <Link className="button" to={`/projects/${encodeURIComponent(project.id)}/consortium`}>
                {t('pipeline.consortium.open')}
              </Link>
              <Link
                className="button button--secondary"
                to={`/partners?projectId=${encodeURIComponent(project.id)}`}
              >
                {t('pipeline.consortium.findPartners')}
              </Link>
            </p>
          </section>

          <section aria-labelledby="pj-summary-heading">
            <h2 id="pj-summary-heading">{t('projects.summary')}</h2>
            {project.summary ? (
              <div className="profile__description">
                {project.summary.split(/\n{2,}/).map((paragraph, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one text have no identity
                  <p key={index}>{paragraph}</p>
                ))}
              </div>
            ) : (
              <p className="muted">{t('projects.noSummary')}</p>
            )}
          </section>

          <WorkPackagePanel project={project} />

          <section aria-labelledby="pj-concepts-heading">
            <h2 id="pj-concepts-heading">{t('projects.concepts')}</h2>
            {project.conceptIds.length > 0 ? (
              <ul className="chips">
                {project.conceptIds.map((id) => (
                  <li key={id} className="chip">
                    {names.concept(id)}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('projects.noConcepts')}</p>
            )}
          </section>

          <section aria-labelledby="pj-challenges-heading">
            <h2 id="pj-challenges-heading">
              {t('projects.challenges', {
                count: project.challenges.length,
                formatted: locale.formatNumber(project.challenges.length),
              })}
            </h2>
            {project.challenges.length > 0 ? (
              <ul className="result-list pj-challenges">
                {project.challenges.map((challenge) => (
                  <li key={challenge.id}>
                    <ChallengeCard
                      challenge={challenge}
                      regionName={names.region(challenge.regionId)}
                      conceptLabel={names.concept}
                      headingLevel={3}
                    />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('projects.noChallenges')}</p>
            )}
          </section>
        </div>
      </div>
    </article>
  );
}
