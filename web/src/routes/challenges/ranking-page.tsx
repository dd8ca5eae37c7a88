import { lazy, Suspense, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { pickLabel, useLocale } from '../../locale.ts';
import { useSession } from '../../queries.ts';
import { LanguageBadge, StatusBadge } from './challenge-card.tsx';
import { ChallengeBreadcrumb, RegionSelect, StatusSelect, useAddressFilter } from './challenge-filters.tsx';
import { isEvaluator, useDecimal, useNames } from './challenge-labels.ts';
import { CHALLENGE_STATUSES, useCriteria, useRanking } from './challenges-api.ts';
import { activeCriteria } from './evaluation-panel.tsx';
import type { RankingBar } from './ranking-chart.tsx';
import './challenges.css';

const RankingChart = lazy(() => import('./ranking-chart.tsx'));
const CHART_TOP = 15;

export function RankingPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = useNames(locale);
  const session = useSession();
  const allowed = isEvaluator(session.data?.user?.role);
  const [filter, setFilter] = useAddressFilter();
  const region = filter('region');
  const status = filter('status');
  const ranking = useRanking({ region: region || undefined, status: status || undefined }, allowed);
  const criteria = useCriteria(allowed);
  const ids = { table: useId(), chart: useId() };

  const formatScore = useDecimal(locale);
  const columns = useMemo(() => activeCriteria(criteria.data ?? []), [criteria.data]);
  const rows = ranking.data ?? [];
  const bars: RankingBar[] = useMemo(
    () =>
      rows.slice(0, CHART_TOP).map((row, index) => ({
        id: row.challenge.id,
        label: `${index + 1}. ${row.challenge.title}`,
        score: row.score,
      })),
    [rows],
  );

  const breadcrumb = <ChallengeBreadcrumb>{t('challenges.ranking.title')}</ChallengeBreadcrumb>;

  if (session.isPending) return <Loading />;
  if (!allowed) {
    return (
      <article className="prose">
        {breadcrumb}
        <PageHeading title={t('challenges.ranking.title')} lead={t('challenges.ranking.onlyEvaluators')} />
        <p>
          <Link to="/challenges">{t('challenges.backToList')}</Link>
        </p>
      </article>
    );
  }

  return (
    <>
      {breadcrumb}
      <PageHeading title={t('challenges.ranking.title')} lead={t('challenges.ranking.lead')} />
      {session.data?.user?.role === 'admin' ? (
        <p>
          <Link to="/challenges/criteria">{t('challenges.criteria.manage')}</Link>
        </p>
      ) : null}
      <search aria-label={t('challenges.ranking.filtersLabel')}>
        <form className="filters cc-filters" onSubmit={(e) => e.preventDefault()}>
          <RegionSelect value={region} onChange={(value) => setFilter('region', value)} />
          <StatusSelect
            value={status}
            onChange={(value) => setFilter('status', value)}
            statuses={CHALLENGE_STATUSES.filter((s) => s !== 'merged')}
          />
        </form>
      </search>

      <p className="result-count" role="status" aria-live="polite">
        {ranking.data
          ? t('challenges.ranking.count', { count: rows.length, formatted: locale.formatNumber(rows.length) })
          : ''}
      </p>
      {ranking.isPending ? <Loading /> : null}
      {ranking.isError ? <ErrorMessage error={ranking.error} /> : null}
      {ranking.data && rows.length === 0 ? (
        <div className="empty">
          <p className="empty__title">{t('challenges.ranking.emptyTitle')}</p>
          <p>{t('challenges.ranking.emptyText')}</p>
        </div>
      ) : null}

      {rows.length > 0 ? (
        <>
          <section className="card rk-chart" aria-labelledby={ids.chart}>
            <h2 id={ids.chart}>{t('challenges.ranking.chartTitle', { count: bars.length })}</h2>
            <p className="section__intro">{t('challenges.ranking.chartIntro')}</p>
            <Suspense fallback={<Loading />}>
              <RankingChart bars={bars} formatScore={formatScore} />
            </Suspense>
          </section>

          <h2 id={ids.table}>{t('challenges.ranking.tableTitle')}</h2>
          <div className="table-wrap">
            <table className="table rk-table" aria-labelledby={ids.table}>
              <thead>
                <tr>
                  <th scope="col">{t('challenges.ranking.rank')}</th>
                  <th scope="col">{t('challenges.ranking.challenge')}</th>
                  <th scope="col" className="rk-num">
                    {t('challenges.ranking.score')}
                  </th>
                  {columns.map((criterion) => (
                    <th key={criterion.id} scope="col" className="rk-num">
                      {pickLabel(criterion.label, locale.language)}
                      <span className="rk-max"> (0–{criterion.maxScore})</span>
                    </th>
                  ))}
                  <th scope="col" className="rk-num">
                    {t('challenges.ranking.evaluators')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <tr key={row.challenge.id}>
                    <td className="rk-num">{locale.formatNumber(index + 1)}</td>
                    <th scope="row" className="rk-title">
                      <Link
                        to={`/challenges/${encodeURIComponent(row.challenge.id)}`}
                        lang={row.challenge.language}
                      >
                        {row.challenge.title}
                      </Link>
                      <span className="rk-meta">
                        <StatusBadge status={row.challenge.status} />
                        <LanguageBadge language={row.challenge.language} />
                        {names.region(row.challenge.regionId)}
                      </span>
                    </th>
                    <td className="rk-num rk-score">{formatScore(row.score)}</td>
                    {columns.map((criterion) => {
                      const mean = row.perCriterion[criterion.id];
                      return (
                        <td key={criterion.id} className="rk-num">
                          {mean === undefined ? '–' : formatScore(mean)}
                        </td>
                      );
                    })}
                    <td className="rk-num">{locale.formatNumber(row.evaluatorCount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}
