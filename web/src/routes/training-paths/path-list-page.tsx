import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { User } from '../../api.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { useSession } from '../../queries.ts';
import { useSkillsLabels } from '../skills/skills-labels.ts';
import { TrainingNav } from './path-parts.tsx';
import { usePaths } from './paths-api.ts';

/** Who is offered the builder: admins, coordinators, members of an organisation (the server checks its type). */
export function mayBuildPaths(user: User | null | undefined): boolean {
  return user?.role === 'admin' || user?.role === 'coordinator' || Boolean(user?.organisationId);
}

/** Training paths: the published ones for students and people at work, and one's own drafts. */
export function PathListPage() {
  const { t } = useTranslation();
  const labels = useSkillsLabels();
  const user = useSession().data?.user ?? null;
  const paths = usePaths();
  const items = [...(paths.data ?? [])].sort(
    (a, b) =>
      (a.status === b.status ? 0 : a.status === 'draft' ? 1 : -1) ||
      labels.locale.collator.compare(labels.text(a.title), labels.text(b.title)),
  );
  return (
    <>
      <TrainingNav />
      <PageHeading
        title={t('trainingPaths.title')}
        eyebrow={t('modules.trainingPaths.title')}
        lead={t('trainingPaths.lead')}
      />
      <div className="tp-actions">
        {mayBuildPaths(user) ? (
          <Link className="button" to="/training-paths/new">
            {t('trainingPaths.build')}
          </Link>
        ) : null}
        <Link className="button button--secondary" to="/training-paths/network">
          {t('trainingPaths.networkLink')}
        </Link>
      </div>
      {paths.isPending ? <Loading /> : null}
      {paths.isError ? <ErrorMessage error={paths.error} /> : null}
      {paths.data && items.length === 0 ? <p className="empty">{t('trainingPaths.empty')}</p> : null}
      <ul className="card-grid card-grid--wide tp-path-list">
        {items.map((p) => (
          <li key={p.id}>
            <article className="card tp-path-card">
              <h2 className="card__title">
                <Link to={`/training-paths/${encodeURIComponent(p.id)}`}>{labels.text(p.title)}</Link>
              </h2>
              <p className="tp-path-card__badges">
                <span className="badge badge--ok">{t(`trainingPaths.audience.${p.audience}`)}</span>{' '}
                {p.status === 'draft' ? (
                  <span className="badge badge--warn">{t('trainingPaths.draft')}</span>
                ) : null}
              </p>
              {p.levels.length ? (
                <ol className="tp-path-card__levels" aria-label={t('trainingPaths.levelsLabel')}>
                  {p.levels.map((level) => (
                    <li key={level} className={`tp-path-card__level tp-level--${level}`}>
                      {t(`skills.supply.levels.${level}`)}
                    </li>
                  ))}
                </ol>
              ) : null}
              {labels.text(p.summary) ? (
                <p className="tp-path-card__summary">{labels.text(p.summary)}</p>
              ) : null}
              <p className="card__meta">
                {t('trainingPaths.stepCount', { count: p.stepCount })}
                {p.regionIds.length ? ` · ${p.regionIds.map((r) => labels.region(r)).join(', ')}` : ''}
              </p>
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}
