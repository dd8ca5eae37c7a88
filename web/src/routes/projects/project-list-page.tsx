import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { useLocale } from '../../locale.ts';
import { useNames } from '../challenges/challenge-labels.ts';
import { useStageLabel } from './project-labels.ts';
import { useProjects } from './projects-api.ts';
import '../challenges/challenges.css';

export function ProjectListPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = useNames(locale);
  const stageLabel = useStageLabel();
  const projects = useProjects();
  const list = [...(projects.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <>
      <PageHeading
        title={t('projects.title')}
        eyebrow={t('modules.projects.title')}
        lead={t('projects.lead')}
      />
      <div className="notice">
        <p className="notice__title">{t('projects.laterTitle')}</p>
        <p>{t('projects.laterText')}</p>
      </div>
      <p>
        <Link to="/challenges/common">{t('projects.fromCommon')}</Link>
      </p>
      <p className="result-count" role="status" aria-live="polite">
        {projects.data
          ? t('projects.count', { count: list.length, formatted: locale.formatNumber(list.length) })
          : ''}
      </p>
      {projects.isPending ? <Loading /> : null}
      {projects.isError ? <ErrorMessage error={projects.error} /> : null}
      {projects.data && list.length === 0 ? (
        <div className="empty">
          <p className="empty__title">{t('projects.emptyTitle')}</p>
          <p>{t('projects.emptyText')}</p>
        </div>
      ) : null}
      {list.length > 0 ? (
        <ul className="result-list">
          {list.map((project) => (
            <li key={project.id}>
              <article className="result-card">
                <h2 className="result-card__title">
                  <Link to={`/projects/${encodeURIComponent(project.id)}`}>{project.title}</Link>
                </h2>
                <p className="result-card__meta">
                  <span className="badge pj-stage">{stageLabel(project.stage)}</span>
                  <span>
                    {t('projects.challengeCount', {
                      count: project.challengeIds.length,
                      formatted: locale.formatNumber(project.challengeIds.length),
                    })}
                  </span>
                  {project.regionIds.length > 0 ? (
                    <span>{project.regionIds.map((id) => names.region(id)).join(', ')}</span>
                  ) : null}
                  <span>
                    <time dateTime={project.createdAt}>{locale.formatDate(project.createdAt)}</time>
                  </span>
                </p>
                {project.summary ? <p className="pj-summary">{project.summary}</p> : null}
              </article>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
