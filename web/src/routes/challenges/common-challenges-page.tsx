import { type FormEvent, lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { type Locale, pickLabel, useLocale } from '../../locale.ts';
import { useSession } from '../../queries.ts';
import { useCreateProject } from '../projects/projects-api.ts';
import type { EcosystemMapData } from '../regions/ecosystem-api.ts';
import { useEcosystemMap } from '../regions/ecosystem-api.ts';
import { LanguageBadge } from './challenge-card.tsx';
import { ChallengeBreadcrumb, ConceptSelect, RegionSelect, useAddressFilter } from './challenge-filters.tsx';
import { isEvaluator, useChallengeLabels, useNames } from './challenge-labels.ts';
import { type CommonChallenge, commonExportHref, useCommonChallenges } from './challenges-api.ts';
import './challenges.css';

// d3-geo and the map geometry load only with a page that draws a map.
const EcosystemMap = lazy(() => import('../../components/map/ecosystem-map.tsx'));

const CONCEPTS_IN_NAME = 3;

/** A cluster's name: its leading concepts, else its first challenge's title. */
export function clusterName(cluster: CommonChallenge, language: Locale['language']): string {
  const concepts = cluster.concepts.slice(0, CONCEPTS_IN_NAME).map((c) => pickLabel(c.label, language));
  return concepts.length > 0 ? concepts.join(' · ') : (cluster.challenges[0]?.title ?? cluster.clusterId);
}

export function CommonChallengesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = useNames(locale);
  const session = useSession();
  const canStart = isEvaluator(session.data?.user?.role);
  const [filter, setFilter] = useAddressFilter();
  const region = filter('region');
  const concept = filter('concept');
  const common = useCommonChallenges({ region: region || undefined, concept: concept || undefined });
  const map = useEcosystemMap();

  const clusters = common.data ?? [];
  const regionCount = new Set(clusters.flatMap((c) => c.regions)).size;
  const hasFilters = Boolean(region || concept);

  return (
    <>
      <ChallengeBreadcrumb>{t('challenges.common.title')}</ChallengeBreadcrumb>
      <PageHeading title={t('challenges.common.title')} lead={t('challenges.common.lead')} />

      <search aria-label={t('challenges.common.filtersLabel')}>
        <form className="filters cc-filters" onSubmit={(e) => e.preventDefault()}>
          <RegionSelect value={region} onChange={(value) => setFilter('region', value)} />
          <ConceptSelect value={concept} onChange={(value) => setFilter('concept', value)} />
          <div className="cc-export">
            <p className="cc-export__label">{t('challenges.common.exportAll')}</p>
            <p className="cc-export__links">
              <a
                className="button button--secondary button--small"
                href={commonExportHref('xlsx', { lang: locale.language, region, concept })}
                download
              >
                {t('challenges.common.xlsx')}
              </a>
              <a
                className="button button--secondary button--small"
                href={commonExportHref('pdf', { lang: locale.language, region, concept })}
                download
              >
                {t('challenges.common.pdf')}
              </a>
            </p>
          </div>
        </form>
      </search>

      <p className="result-count" role="status" aria-live="polite">
        {common.data
          ? t(hasFilters ? 'challenges.common.countFiltered' : 'challenges.common.count', {
              count: clusters.length,
              formatted: locale.formatNumber(clusters.length),
              regions: locale.formatNumber(regionCount),
            })
          : ''}
      </p>
      {common.isPending ? <Loading /> : null}
      {common.isError ? <ErrorMessage error={common.error} /> : null}
      {common.data && clusters.length === 0 ? (
        <div className="empty">
          <p className="empty__title">{t('challenges.common.emptyTitle')}</p>
          <p>{hasFilters ? t('challenges.common.emptyFiltered') : t('challenges.common.emptyAll')}</p>
        </div>
      ) : null}

      {clusters.length > 0 ? (
        <ul className="cc-list" aria-busy={common.isFetching}>
          {clusters.map((cluster) => (
            <li key={cluster.clusterId}>
              <ClusterCard
                cluster={cluster}
                mapData={map.data}
                regionName={names.region}
                canStart={canStart}
                locale={locale}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function ClusterCard({
  cluster,
  mapData,
  regionName,
  canStart,
  locale,
}: {
  cluster: CommonChallenge;
  mapData: EcosystemMapData | undefined;
  regionName: (id: string | null) => string;
  canStart: boolean;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const labels = useChallengeLabels();
  const headingId = useId();
  const name = clusterName(cluster, locale.language);
  const regions = cluster.regions.map((id) => ({ id, name: regionName(id) }));
  const regionList = regions.map((r) => r.name).join(', ');

  return (
    <article className="card cc-card" id={cluster.clusterId} aria-labelledby={headingId}>
      <div className="cc-card__body">
        <div className="cc-card__main">
          <h2 id={headingId} className="cc-card__title">
            {name}
          </h2>
          <p className="cc-card__meta">
            <span>
              {t('challenges.common.challengeCount', {
                count: cluster.challenges.length,
                formatted: locale.formatNumber(cluster.challenges.length),
              })}
            </span>
            <span>
              {t('challenges.common.regionCount', {
                count: cluster.regions.length,
                formatted: locale.formatNumber(cluster.regions.length),
              })}
            </span>
            <span>
              {t('challenges.common.languages', {
                languages: cluster.languages.map((l) => labels.language(l)).join(', '),
              })}
            </span>
            <span>
              {t('challenges.common.cohesion', {
                percent: locale.formatNumber(Math.round(cluster.cohesion * 100)),
              })}
            </span>
          </p>

          <h3 className="cc-card__subtitle">{t('challenges.common.regions')}</h3>
          <ul className="chips">
            {regions.map((r) => (
              <li key={r.id} className="chip cc-chip--region">
                <Link className="chip__link" to={`/challenges?region=${encodeURIComponent(r.id)}`}>
                  {r.name}
                </Link>
              </li>
            ))}
          </ul>

          {cluster.concepts.length > 0 ? (
            <>
              <h3 className="cc-card__subtitle">{t('challenges.common.concepts')}</h3>
              <ul className="chips">
                {cluster.concepts.map((c) => (
                  <li key={c.id} className="chip">
                    <Link className="chip__link" to={`/challenges?concept=${encodeURIComponent(c.id)}`}>
                      {pickLabel(c.label, locale.language)}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}

          <h3 className="cc-card__subtitle">{t('challenges.common.members')}</h3>
          <ul className="cc-members">
            {cluster.challenges.map((member) => (
              <li key={member.id}>
                <Link to={`/challenges/${encodeURIComponent(member.id)}`} lang={member.language}>
                  {member.title}
                </Link>
                <span className="cc-members__meta">
                  <LanguageBadge language={member.language} />
                  {[member.organisationName, regionName(member.regionId)].filter(Boolean).join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        </div>

        <figure className="cc-card__map">
          {mapData ? (
            <Suspense fallback={<div className="cc-card__map-placeholder" />}>
              <EcosystemMap data={mapData} language={locale.language} highlight={cluster.regions} />
            </Suspense>
          ) : (
            <div className="cc-card__map-placeholder" />
          )}
          <figcaption>{t('challenges.common.mapCaption', { regions: regionList })}</figcaption>
        </figure>
      </div>

      <div className="cc-card__actions">
        <span className="cc-card__export">
          {t('challenges.common.exportOne')}{' '}
          <a
            href={commonExportHref('xlsx', { lang: locale.language, clusterId: cluster.clusterId })}
            download
          >
            XLSX<span className="visually-hidden"> – {name}</span>
          </a>
          {' · '}
          <a href={commonExportHref('pdf', { lang: locale.language, clusterId: cluster.clusterId })} download>
            PDF<span className="visually-hidden"> – {name}</span>
          </a>
        </span>
        {canStart ? <StartProject cluster={cluster} defaultTitle={name} /> : null}
      </div>
    </article>
  );
}

function StartProject({ cluster, defaultTitle }: { cluster: CommonChallenge; defaultTitle: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateProject();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(defaultTitle);
  const [summary, setSummary] = useState('');
  const [invalid, setInvalid] = useState(false);
  const ids = { form: useId(), title: useId(), summary: useId() };

  if (!open) {
    return (
      <button
        type="button"
        className="button"
        aria-expanded={false}
        aria-controls={ids.form}
        onClick={() => setOpen(true)}
      >
        {t('challenges.common.startProject')}
      </button>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    create.mutate(
      {
        title: title.trim(),
        summary: summary.trim() || undefined,
        sourceClusterId: cluster.clusterId,
        challengeIds: cluster.challenges.map((c) => c.id),
      },
      {
        onSuccess: (project) =>
          navigate(`/projects/${encodeURIComponent(project.id)}`, { state: { created: true } }),
      },
    );
  }

  return (
    <form id={ids.form} className="form cc-start" noValidate onSubmit={submit}>
      <p className="cc-start__intro">
        {t('challenges.common.startIntro', { count: cluster.challenges.length })}
      </p>
      <div className="field">
        <label htmlFor={ids.title}>{t('challenges.common.projectTitle')}</label>
        {invalid ? (
          <p className="field__error" id={`${ids.title}-error`}>
            <span className="visually-hidden">{t('edit.errorPrefix')} </span>
            {t('challenges.common.projectTitleMissing')}
          </p>
        ) : null}
        <input
          id={ids.title}
          value={title}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${ids.title}-error` : undefined}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.summary}>{t('challenges.common.projectSummary')}</label>
        <textarea id={ids.summary} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />
      </div>
      {create.isError ? (
        <ErrorMessage error={create.error} title={t('challenges.common.startFailed')} />
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {t('challenges.common.createProject')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          {t('challenges.form.cancel')}
        </button>
      </div>
    </form>
  );
}
