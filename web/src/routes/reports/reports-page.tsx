import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { useLocale } from '../../locale.ts';
import { useSession } from '../../queries.ts';
import { localName, useEuros, useTrackLabel } from '../projects/pipeline-parts.tsx';
import { useStageLabel } from '../projects/project-labels.ts';
import {
  type Kpis,
  kpiExportUrl,
  PROJECT_STAGES,
  type ProjectStage,
  useKpis,
} from '../projects/projects-api.ts';
import { RegionBars, StageBar, type StagePart } from './kpi-charts.tsx';
import '../projects/pipeline.css';
import './reports.css';

export const STAGE_COLOURS: Record<ProjectStage, { colour: string; text: string }> = {
  idea: { colour: '#d5e0e0', text: '#1b2631' },
  concept_note: { colour: '#9cc9c1', text: '#1b2631' },
  consortium: { colour: '#4f9d91', text: '#ffffff' },
  proposal: { colour: '#00695c', text: '#ffffff' },
  submitted: { colour: '#004d43', text: '#ffffff' },
  funded: { colour: '#2e7d4f', text: '#ffffff' },
  not_funded: { colour: '#c2b8ae', text: '#1b2631' },
};

/** The network's KPIs against its targets, with the funder report as XLSX and PDF. */
export function ReportsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useSession();
  const role = session.data?.user?.role;
  const canExport = role === 'coordinator' || role === 'admin';
  const signedIn = Boolean(session.data?.user);
  const kpis = useKpis(signedIn);

  return (
    <>
      <PageHeading
        title={t('pipeline.kpi.title')}
        eyebrow={t('modules.reports.title')}
        lead={t('pipeline.kpi.lead')}
      />
      {canExport ? (
        <p className="kpi-exports">
          <span>{t('pipeline.kpi.exportLabel')}</span>
          <a
            className="button button--secondary button--small"
            href={kpiExportUrl('xlsx', locale.language)}
            download
          >
            {t('pipeline.kpi.xlsx')}
          </a>
          <a
            className="button button--secondary button--small"
            href={kpiExportUrl('pdf', locale.language)}
            download
          >
            {t('pipeline.kpi.pdf')}
          </a>
        </p>
      ) : null}
      {session.data && !signedIn ? (
        <div className="notice">
          <p className="notice__title">{t('pipeline.kpi.signInTitle')}</p>
          <p>
            <Link to="/sign-in">{t('pipeline.kpi.signIn')}</Link>
          </p>
        </div>
      ) : null}
      {signedIn && kpis.isPending ? <Loading /> : null}
      {signedIn && kpis.isError ? <ErrorMessage error={kpis.error} /> : null}
      {kpis.data ? <Dashboard kpis={kpis.data} /> : null}
    </>
  );
}

function Dashboard({ kpis }: { kpis: Kpis }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const euros = useEuros();
  const stageLabel = useStageLabel();
  const trackLabel = useTrackLabel();
  const n = (x: number) => locale.formatNumber(x);
  const regionRows = useMemo(
    () => kpis.regions.map((r) => ({ label: localName(r.name, locale.language), projects: r.projects })),
    [kpis.regions, locale.language],
  );

  return (
    <div className="kpi">
      <section aria-labelledby="kpi-targets-heading">
        <h2 id="kpi-targets-heading">{t('pipeline.kpi.targets')}</h2>
        <div className="kpi-targets">
          {kpis.tracks.map((track) => {
            const parts: StagePart[] = PROJECT_STAGES.map((s) => ({
              key: s,
              label: stageLabel(s),
              count: track.byStage[s],
              colour: STAGE_COLOURS[s].colour,
              textColour: STAGE_COLOURS[s].text,
            }));
            const pct = Math.min(100, (track.reached / track.target.min) * 100);
            return (
              <article key={track.track} className={`card kpi-target kpi-target--${track.status}`}>
                <h3 className="kpi-target__title">{trackLabel(track.track)}</h3>
                <p className="kpi-target__figure">
                  <span className="kpi-target__reached">{n(track.reached)}</span>
                  <span className="kpi-target__of">
                    {t('pipeline.kpi.ofTarget', { min: track.target.min, max: track.target.max })}
                  </span>
                  <span className={`badge kpi-status kpi-status--${track.status}`}>
                    {t(`pipeline.kpi.status.${track.status}`)}
                  </span>
                </p>
                <div className="kpi-meter" aria-hidden="true">
                  <span className="kpi-meter__fill" style={{ width: `${pct}%` }} />
                </div>
                <p className="kpi-target__funded">
                  {t('pipeline.kpi.fundedCount', { count: track.funded, formatted: n(track.funded) })}
                </p>
                <StageBar parts={parts} targetMax={track.target.max} />
                <ul className="kpi-legend">
                  {parts.map((p) => (
                    <li
                      key={p.key}
                      className={
                        p.count === 0 ? 'kpi-legend__item kpi-legend__item--zero' : 'kpi-legend__item'
                      }
                    >
                      <span
                        className="kpi-legend__swatch"
                        style={{ background: p.colour }}
                        aria-hidden="true"
                      />
                      {p.label}: <strong>{n(p.count)}</strong>
                    </li>
                  ))}
                </ul>
                {track.notJoint > 0 ? (
                  <p className="kpi-note">
                    {t('pipeline.kpi.notJoint', { count: track.notJoint, formatted: n(track.notJoint) })}
                  </p>
                ) : null}
              </article>
            );
          })}
        </div>
        <p className="kpi-rule">{t('pipeline.kpi.rule')}</p>
      </section>

      <section aria-labelledby="kpi-money-heading">
        <h2 id="kpi-money-heading">{t('pipeline.kpi.money')}</h2>
        <dl className="kpi-figures">
          <div className="kpi-figure">
            <dt>{t('pipeline.kpi.applied')}</dt>
            <dd>{euros(kpis.money.appliedEur)}</dd>
          </div>
          <div className="kpi-figure">
            <dt>{t('pipeline.kpi.preparing')}</dt>
            <dd>{euros(kpis.money.preparingEur)}</dd>
          </div>
          <div className="kpi-figure kpi-figure--won">
            <dt>{t('pipeline.kpi.granted')}</dt>
            <dd>{euros(kpis.money.grantedEur)}</dd>
          </div>
          <div className="kpi-figure">
            <dt>{t('pipeline.kpi.successRate')}</dt>
            <dd>
              {kpis.money.successRate === null ? '–' : `${n(Math.round(kpis.money.successRate * 100))} %`}
            </dd>
          </div>
        </dl>
      </section>

      <div className="kpi-two">
        <section aria-labelledby="kpi-partners-heading">
          <h2 id="kpi-partners-heading">{t('pipeline.kpi.partners')}</h2>
          <dl className="kpi-figures kpi-figures--small">
            <div className="kpi-figure">
              <dt>{t('pipeline.kpi.partnersTotal')}</dt>
              <dd>{n(kpis.partners.total)}</dd>
            </div>
            <div className="kpi-figure">
              <dt>{t('pipeline.kpi.partnersNetwork')}</dt>
              <dd>{n(kpis.partners.network)}</dd>
            </div>
            <div className="kpi-figure">
              <dt>{t('pipeline.kpi.partnersForeign')}</dt>
              <dd>{n(kpis.partners.foreign)}</dd>
            </div>
            <div className="kpi-figure">
              <dt>{t('pipeline.kpi.smes')}</dt>
              <dd>{n(kpis.partners.smes)}</dd>
            </div>
          </dl>
          {kpis.partners.countries.length > 0 ? (
            <>
              <h3 className="kpi-subheading">{t('pipeline.kpi.countries')}</h3>
              <ul className="chips">
                {kpis.partners.countries.map((c) => (
                  <li key={c} className="chip">
                    {c}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
        <section aria-labelledby="kpi-regions-heading">
          <h2 id="kpi-regions-heading">{t('pipeline.kpi.regions')}</h2>
          {regionRows.length === 0 ? (
            <p className="muted">{t('pipeline.kpi.noRegions')}</p>
          ) : (
            <>
              <RegionBars rows={regionRows} />
              <ul className="visually-hidden">
                {regionRows.map((r) => (
                  <li key={r.label}>
                    {r.label}:{' '}
                    {t('pipeline.kpi.projectCount', { count: r.projects, formatted: n(r.projects) })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>

      <section aria-labelledby="kpi-other-heading">
        <h2 id="kpi-other-heading">{t('pipeline.kpi.other')}</h2>
        <dl className="kpi-figures kpi-figures--small">
          <div className="kpi-figure">
            <dt>{t('pipeline.kpi.challenges')}</dt>
            <dd>{n(kpis.challenges.total)}</dd>
          </div>
          <div className="kpi-figure">
            <dt>{t('pipeline.kpi.common')}</dt>
            <dd>{n(kpis.challenges.common)}</dd>
          </div>
          <div className="kpi-figure">
            <dt>{t('pipeline.kpi.inProject')}</dt>
            <dd>{n(kpis.challenges.inProject)}</dd>
          </div>
          <div className="kpi-figure">
            <dt>{t('pipeline.kpi.periods')}</dt>
            <dd>{n(kpis.workingLifePeriods.completed + kpis.workingLifePeriods.ongoing)}</dd>
          </div>
        </dl>
        <p className="muted kpi-note">
          {t('pipeline.kpi.periodsDetail', {
            planned: n(kpis.workingLifePeriods.planned),
            ongoing: n(kpis.workingLifePeriods.ongoing),
            completed: n(kpis.workingLifePeriods.completed),
            cancelled: n(kpis.workingLifePeriods.cancelled),
          })}
        </p>
      </section>

      <section aria-labelledby="kpi-projects-heading">
        <h2 id="kpi-projects-heading">{t('pipeline.kpi.projects')}</h2>
        {kpis.projectList.length === 0 ? (
          <p className="muted">{t('projects.emptyTitle')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table pl-table">
              <caption className="visually-hidden">{t('pipeline.kpi.projects')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('pipeline.col.project')}</th>
                  <th scope="col">{t('pipeline.col.stage')}</th>
                  <th scope="col">{t('pipeline.col.instrument')}</th>
                  <th scope="col" className="pl-num">
                    {t('pipeline.col.partners')}
                  </th>
                  <th scope="col" className="pl-num">
                    {t('pipeline.col.applied')}
                  </th>
                  <th scope="col" className="pl-num">
                    {t('pipeline.col.granted')}
                  </th>
                  <th scope="col">{t('pipeline.col.counts')}</th>
                </tr>
              </thead>
              <tbody>
                {kpis.projectList.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to={`/projects/${encodeURIComponent(p.id)}`}>{p.title}</Link>
                    </th>
                    <td className="kpi-stage">
                      <span
                        className="kpi-dot"
                        style={{ background: STAGE_COLOURS[p.stage].colour }}
                        aria-hidden="true"
                      />
                      {stageLabel(p.stage)}
                    </td>
                    <td>
                      {p.instrumentName ? localName(p.instrumentName, locale.language) : trackLabel(p.track)}
                    </td>
                    <td className="pl-num">{n(p.partnerCount)}</td>
                    <td className="pl-num">{euros(p.appliedEur)}</td>
                    <td className="pl-num">{euros(p.grantedEur)}</td>
                    <td>
                      {p.countsTowardTarget ? (
                        <span className="badge badge--ok">{t('pipeline.kpi.counts')}</span>
                      ) : (
                        '–'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <p className="muted kpi-generated">
        {t('pipeline.kpi.generated', { at: locale.formatDateTime(kpis.generatedAt) })}
      </p>
    </div>
  );
}
