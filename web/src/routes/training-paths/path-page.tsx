import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import type { Language } from '../../i18n/setup.ts';
import { useSkillsLabels } from '../skills/skills-labels.ts';
import { CoveragePanel } from './coverage-panel.tsx';
import { CreditTotals, IssueList, PathGraph, PathsBreadcrumb, TrainingNav } from './path-parts.tsx';
import { pathPdfUrl, usePath } from './paths-api.ts';

/**
 * The public page of a training path, for students and people at work: the modules level by
 * level with what each requires, credits by level, the gaps it closes, and print or PDF.
 */
export function PathPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const labels = useSkillsLabels();
  const path = usePath(id);
  const ids = { credits: useId(), issues: useId() };
  if (path.isPending) return <Loading />;
  if (path.isError) return <ErrorMessage error={path.error} />;
  const p = path.data;
  const byId = new Map(p.steps.map((s) => [s.programmeId, s.module]));
  const nameOf = (programmeId: string) => {
    const m = byId.get(programmeId);
    return m ? labels.text(m.name) : t('trainingPaths.module.hidden');
  };
  const title = labels.text(p.title);
  const lang = (i18n.resolvedLanguage ?? 'fi') as Language;
  return (
    <div className="tp-page">
      <TrainingNav />
      <PathsBreadcrumb current={title} />
      <PageHeading
        title={title}
        eyebrow={t('trainingPaths.eyebrow')}
        lead={labels.text(p.summary) || undefined}
      />
      <ul className="tp-facts">
        <li>
          <span className="badge badge--ok">{t(`trainingPaths.audience.${p.audience}`)}</span>
        </li>
        {p.status === 'draft' ? (
          <li>
            <span className="badge badge--warn">{t('trainingPaths.draft')}</span>
          </li>
        ) : null}
        {p.regionIds.length ? (
          <li>
            {t('trainingPaths.regions')}: {p.regionIds.map((r) => labels.region(r)).join(', ')}
          </li>
        ) : null}
        {p.ownerOrganisationName ? (
          <li>
            {t('trainingPaths.owner')}: {p.ownerOrganisationName}
          </li>
        ) : null}
        <li>{t('trainingPaths.stepCount', { count: p.steps.length })}</li>
      </ul>
      <div className="tp-actions tp-no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('trainingPaths.print')}
        </button>
        <a className="button button--secondary" href={pathPdfUrl(p.id, lang)} download>
          {t('trainingPaths.pdf')}
        </a>
        {p.canEdit ? (
          <Link className="button button--secondary" to={`/training-paths/${encodeURIComponent(p.id)}/edit`}>
            {t('trainingPaths.edit')}
          </Link>
        ) : null}
      </div>

      <p className="tp-graph__hint tp-no-print">{t('trainingPaths.graphHint')}</p>
      {p.steps.length ? (
        <PathGraph steps={p.steps} layers={p.validation.layers} labels={labels} />
      ) : (
        <p className="empty">{t('trainingPaths.noSteps')}</p>
      )}

      {p.validation.credits.length ? (
        <section className="section" aria-labelledby={ids.credits}>
          <h2 id={ids.credits}>{t('trainingPaths.credits.title')}</h2>
          <p className="section__intro">{t('trainingPaths.credits.intro')}</p>
          <CreditTotals validation={p.validation} labels={labels} />
        </section>
      ) : null}

      {p.canEdit ? (
        <section className="section tp-no-print" aria-labelledby={ids.issues}>
          <h2 id={ids.issues}>{t('trainingPaths.issues.title')}</h2>
          <IssueList validation={p.validation} labels={labels} nameOf={nameOf} />
        </section>
      ) : null}

      <div className="tp-no-print">
        <CoveragePanel pathId={p.id} version={p.updatedAt} labels={labels} nameOf={nameOf} />
      </div>
      <p className="tp-print-only tp-print-footer">
        {t('trainingPaths.printedFrom', { url: window.location.href })}
      </p>
    </div>
  );
}
