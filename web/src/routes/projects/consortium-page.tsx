import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { type ProjectDetail, useProject } from './projects-api.ts';
import {
  type Budget,
  type Eligibility,
  type Partner,
  useAddPartner,
  useBudget,
  useEligibility,
  usePartners,
  useRemovePartner,
  useUpdatePartner,
} from './consortium-api.ts';
import { BudgetChart } from '../../components/charts/budget-chart.tsx';
import { ConsortiumBuilder } from './consortium-builder.tsx';
import { useConsortiumFormat } from './consortium-format.ts';
import { EligibilityChecklist } from './eligibility-checklist.tsx';
import { PartnerForm } from './partner-form.tsx';
import './consortium.css';

/** /projects/:id/consortium: partners, budget sketch, eligibility checklist and the builder. */
export function ConsortiumPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const project = useProject(id);
  if (project.isPending) return <Loading />;
  if (project.isError) {
    if (project.error instanceof ApiError && project.error.code === 'not_found')
      return (
        <article className="prose">
          <PageHeading title={t('projects.notFoundTitle')} lead={t('projects.notFoundText')} />
          <p>
            <Link to="/projects">{t('projects.backToList')}</Link>
          </p>
        </article>
      );
    return <ErrorMessage error={project.error} />;
  }
  return <ConsortiumView project={project.data} />;
}

function ConsortiumView({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const f = useConsortiumFormat();
  const partners = usePartners(project.id);
  const budget = useBudget(project.id);
  const eligibility = useEligibility(project.id);
  const instrument = project.instrument;

  return (
    <article className="cn-page">
      <nav className="breadcrumb" aria-label={t('projects.breadcrumb')}>
        <ol>
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
          <li>
            <Link to="/projects">{t('projects.title')}</Link>
          </li>
          <li>
            <Link to={`/projects/${encodeURIComponent(project.id)}`}>{project.title}</Link>
          </li>
          <li aria-current="page">{t('consortium.title')}</li>
        </ol>
      </nav>
      <PageHeading
        title={`${t('consortium.title')}: ${project.title}`}
        eyebrow={instrument ? instrument.name[f.locale.language] : t('consortium.noInstrument')}
        lead={t('consortium.lead')}
      />
      <p className="cn-actions">
        <Link
          className="button button--secondary"
          to={`/partners?projectId=${encodeURIComponent(project.id)}`}
        >
          {t('consortium.findPartners')}
        </Link>
        {project.call?.deadline ? (
          <span className="muted">
            {t('consortium.deadline', { date: f.locale.formatDate(project.call.deadline) })}
          </span>
        ) : null}
      </p>

      <section className="card cn-section" aria-labelledby="cn-elig-h">
        <h2 id="cn-elig-h">{t('consortium.eligibility.title')}</h2>
        {eligibility.isPending ? (
          <Loading />
        ) : eligibility.isError ? (
          <ErrorMessage error={eligibility.error} />
        ) : (
          <EligibilityChecklist eligibility={eligibility.data} />
        )}
        <p>
          <Link to="/admin/programme-countries">{t('consortium.eligibility.countriesLink')}</Link>
        </p>
      </section>

      <section className="card cn-section" aria-labelledby="cn-partners-h">
        <h2 id="cn-partners-h">{t('consortium.partners.title')}</h2>
        {partners.isPending ? (
          <Loading />
        ) : partners.isError ? (
          <ErrorMessage error={partners.error} />
        ) : (
          <PartnerTable
            projectId={project.id}
            partners={partners.data.partners}
            canEdit={partners.data.canEdit}
            eligibility={eligibility.data}
          />
        )}
      </section>

      <section className="card cn-section" aria-labelledby="cn-budget-h">
        <h2 id="cn-budget-h">{t('consortium.budget.title')}</h2>
        <p className="muted">{t('consortium.budget.rules')}</p>
        {budget.isPending ? (
          <Loading />
        ) : budget.isError ? (
          <ErrorMessage error={budget.error} />
        ) : (
          <BudgetTable budget={budget.data} />
        )}
      </section>

      <section className="card cn-section" aria-labelledby="cn-builder-h">
        <h2 id="cn-builder-h">{t('consortium.builder.title')}</h2>
        <p className="muted">{t('consortium.builder.lead')}</p>
        {partners.data ? (
          <ConsortiumBuilder
            projectId={project.id}
            instrumentId={instrument?.id ?? null}
            conceptIds={project.conceptIds}
            text={`${project.title} ${project.summary}`}
            partners={partners.data.partners}
            canEdit={partners.data.canEdit}
          />
        ) : null}
      </section>
    </article>
  );
}

function PartnerTable({
  projectId,
  partners,
  canEdit,
  eligibility,
}: {
  projectId: string;
  partners: Partner[];
  canEdit: boolean;
  eligibility: Eligibility | undefined;
}) {
  const { t } = useTranslation();
  const f = useConsortiumFormat();
  const add = useAddPartner(projectId);
  const update = useUpdatePartner(projectId);
  const remove = useRemovePartner(projectId);
  const [editing, setEditing] = useState<string | null>(null);
  const standing = new Map((eligibility?.partners ?? []).map((p) => [p.key, p]));
  const nameOf = new Map(partners.map((p) => [p.id, p.name]));

  return (
    <>
      {partners.length === 0 ? (
        <p className="empty">{t('consortium.partners.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table cn-table">
            <caption className="visually-hidden">{t('consortium.partners.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('consortium.table.name')}</th>
                <th scope="col">{t('consortium.table.country')}</th>
                <th scope="col">{t('consortium.table.role')}</th>
                <th scope="col">{t('consortium.table.status')}</th>
                {canEdit ? <th scope="col">{t('consortium.table.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {partners.map((p) => {
                const s = standing.get(p.id);
                return (
                  <tr key={p.id}>
                    <th scope="row">
                      {p.organisationId ? (
                        <Link to={`/organisations/${encodeURIComponent(p.organisationId)}`}>{p.name}</Link>
                      ) : p.cordisOrganisationId ? (
                        <Link to={`/partners/cordis/${encodeURIComponent(p.cordisOrganisationId)}`}>
                          {p.name}
                        </Link>
                      ) : (
                        p.name
                      )}
                      {p.legalEntityGroup ? (
                        <span className="muted cn-kind">
                          {' '}
                          {t('consortium.partners.group', { group: p.legalEntityGroup })}
                        </span>
                      ) : null}
                    </th>
                    <td>
                      {f.country(p.country)}
                      {s ? (
                        <span className={`badge cn-badge cn-standing--${s.standing}`}>
                          {t(`consortium.standing.${s.standing}`)}
                        </span>
                      ) : null}
                    </td>
                    <td>
                      {t(`consortium.roles.${p.role}`)}
                      {p.affiliatedToPartnerId ? (
                        <span className="muted">
                          {' '}
                          {t('consortium.partners.affiliatedTo', {
                            name: nameOf.get(p.affiliatedToPartnerId) ?? '?',
                          })}
                        </span>
                      ) : null}
                    </td>
                    <td>
                      {[
                        p.isSme ? t('consortium.sme') : null,
                        p.isNonProfit ? t('consortium.nonProfit') : null,
                      ]
                        .filter(Boolean)
                        .join(', ') || '—'}
                      {s && !s.funded && eligibility?.applicable ? (
                        <span className="badge badge--warn cn-badge">{t('consortium.notFunded')}</span>
                      ) : null}
                    </td>
                    {canEdit ? (
                      <td className="cn-row-actions">
                        <button
                          type="button"
                          className="link-button"
                          aria-expanded={editing === p.id}
                          onClick={() => setEditing(editing === p.id ? null : p.id)}
                        >
                          {t('consortium.partners.edit', { name: p.name })}
                        </button>
                        <button
                          type="button"
                          className="link-button link-button--danger"
                          disabled={remove.isPending}
                          onClick={() => {
                            if (window.confirm(t('consortium.partners.confirmRemove', { name: p.name })))
                              remove.mutate(p.id);
                          }}
                        >
                          {t('consortium.partners.remove', { name: p.name })}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {editing ? (
        <div className="cn-edit">
          <h3>{t('consortium.form.editLabel', { name: nameOf.get(editing) })}</h3>
          <PartnerForm
            key={editing}
            partner={partners.find((p) => p.id === editing) ?? null}
            others={partners}
            pending={update.isPending}
            onCancel={() => setEditing(null)}
            onSubmit={async (input) => {
              await update.mutateAsync({ partnerId: editing, patch: input });
              setEditing(null);
            }}
          />
        </div>
      ) : null}
      {remove.isError ? <ErrorMessage error={remove.error} /> : null}
      {canEdit ? (
        <details className="cn-add">
          <summary>{t('consortium.form.addLabel')}</summary>
          <PartnerForm
            partner={null}
            others={partners}
            pending={add.isPending}
            onSubmit={(input) => add.mutateAsync(input)}
          />
        </details>
      ) : (
        <p className="muted">{t('consortium.partners.readOnly')}</p>
      )}
    </>
  );
}

function BudgetTable({ budget }: { budget: Budget }) {
  const { t } = useTranslation();
  const f = useConsortiumFormat();
  const bars = useMemo(
    () =>
      budget.partners.map((p) => ({
        id: p.partnerId,
        name: p.name,
        grant: p.grantEur ?? 0,
        own: Math.max(0, p.totalEur - (p.grantEur ?? 0)),
      })),
    [budget.partners],
  );
  const chartLabels = useMemo(
    () => ({ grant: t('consortium.budget.chartGrant'), own: t('consortium.budget.chartOwn') }),
    [t],
  );
  if (budget.partners.length === 0) return <p className="empty">{t('consortium.budget.empty')}</p>;
  const rate = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)} %`);
  return (
    <>
      {budget.actionType !== null ? <BudgetChart bars={bars} labels={chartLabels} formatEur={f.eur} /> : null}
      <div className="table-wrap">
        <table className="table cn-table cn-budget">
          <caption className="visually-hidden">{t('consortium.budget.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('consortium.table.name')}</th>
              <th scope="col">{t('consortium.budget.personnel')}</th>
              <th scope="col">{t('consortium.budget.subcontracting')}</th>
              <th scope="col">{t('consortium.budget.other')}</th>
              <th scope="col">{t('consortium.budget.direct')}</th>
              <th scope="col">{t('consortium.budget.indirect')}</th>
              <th scope="col">{t('consortium.budget.total')}</th>
              <th scope="col">{t('consortium.budget.rate')}</th>
              <th scope="col">{t('consortium.budget.grant')}</th>
            </tr>
          </thead>
          <tbody>
            {budget.partners.map((p) => (
              <tr key={p.partnerId}>
                <th scope="row">{p.name}</th>
                <td>{f.eur(p.personnelEur)}</td>
                <td>{f.eur(p.subcontractingEur)}</td>
                <td>{f.eur(p.otherEur)}</td>
                <td>{f.eur(p.directEur)}</td>
                <td>{f.eur(p.indirectEur)}</td>
                <td>{f.eur(p.totalEur)}</td>
                <td>{rate(p.fundingRate)}</td>
                <td>{f.eur(p.grantEur)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('consortium.budget.totals')}</th>
              <td colSpan={3} />
              <td>{f.eur(budget.totals.directEur)}</td>
              <td>{f.eur(budget.totals.indirectEur)}</td>
              <td>{f.eur(budget.totals.totalEur)}</td>
              <td />
              <td>{f.eur(budget.totals.grantEur)}</td>
            </tr>
          </tfoot>
        </table>
        {budget.actionType === null ? <p className="muted">{t('consortium.budget.noRate')}</p> : null}
      </div>
    </>
  );
}
