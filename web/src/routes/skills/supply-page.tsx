import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { User } from '../../api.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { useSession } from '../../queries.ts';
import { FilterSelect } from '../sites/filter-select.tsx';
import { useUrlFilters } from '../sites/use-url-filters.ts';
import { ProgrammeForm } from './programme-form.tsx';
import { SkillsNav } from './skills-nav.tsx';
import { type Programme, TRAINING_LEVELS, useProgrammes } from './skills-api.ts';
import { type SkillsLabels, useSkillsLabels } from './skills-labels.ts';
import './skills.css';
import { TableScroll } from './table-scroll.tsx';

const SHOWN_ROLES = 3;

/** Who may add programmes: admins, coordinators (their region) and members of an institution. */
function canAddProgrammes(user: User | null | undefined): boolean {
  return user?.role === 'admin' || user?.role === 'coordinator' || Boolean(user?.organisationId);
}

/** Training supply: programmes and modules by institution, level and region, with their figures. */
export function SupplyPage() {
  const { t } = useTranslation();
  const labels = useSkillsLabels();
  const user = useSession().data?.user ?? null;
  const filters = useUrlFilters(['region', 'level', 'organisation'] as const);
  const { values, update } = filters;
  const query = {
    ...(values.region ? { region: values.region } : {}),
    ...(values.level ? { level: values.level } : {}),
    ...(values.organisation ? { organisation: values.organisation } : {}),
  };
  const programmes = useProgrammes(query);
  const all = useProgrammes({});
  const [editing, setEditing] = useState<Programme | 'new' | null>(null);
  const [message, setMessage] = useState('');
  const ids = { list: useId() };

  const institutionOptions = useMemo(() => {
    const names = new Map((all.data ?? []).map((p) => [p.organisationId, p.organisationName]));
    return [...names]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => labels.locale.collator.compare(a.label, b.label));
  }, [all.data, labels]);

  const items = useMemo(
    () =>
      [...(programmes.data ?? [])].sort(
        (a, b) =>
          labels.locale.collator.compare(a.organisationName, b.organisationName) ||
          labels.locale.collator.compare(labels.text(a.name), labels.text(b.name)),
      ),
    [programmes.data, labels],
  );
  const totals = items.reduce(
    (sum, p) => ({
      intake: sum.intake + (p.yearlyIntake ?? 0),
      graduates: sum.graduates + (p.yearlyGraduates ?? 0),
    }),
    { intake: 0, graduates: 0 },
  );
  const role = user?.role;

  return (
    <>
      <SkillsNav />
      <PageHeading
        title={t('skills.supply.title')}
        eyebrow={t('modules.skills.title')}
        lead={t('skills.supply.lead')}
      />
      <div className="skills-actions">
        {canAddProgrammes(user) && editing === null ? (
          <button type="button" className="button" onClick={() => setEditing('new')}>
            {t('skills.supply.add')}
          </button>
        ) : null}
        {role === 'admin' || role === 'coordinator' ? (
          <Link className="button button--secondary" to="/imports?kind=training-supply">
            {t('skills.supply.import')}
          </Link>
        ) : null}
      </div>
      <p className="profile__status" role="status">
        {message}
      </p>
      {editing !== null && user ? (
        <ProgrammeForm
          key={editing === 'new' ? 'new' : editing.id}
          user={user}
          programme={editing === 'new' ? null : editing}
          labels={labels}
          onDone={(text) => {
            setMessage(text);
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}

      <search aria-label={t('skills.supply.filtersLabel')}>
        <form className="filters skills-filters" onSubmit={(event) => event.preventDefault()}>
          <FilterSelect
            label={t('skills.supply.region')}
            value={values.region}
            allLabel={t('skills.supply.allRegions')}
            options={labels.regionOptions}
            onChange={(value) => update({ region: value })}
          />
          <FilterSelect
            label={t('skills.supply.level')}
            value={values.level}
            allLabel={t('skills.supply.allLevels')}
            options={TRAINING_LEVELS.map((level) => ({
              value: level,
              label: t(`skills.supply.levels.${level}`),
            }))}
            onChange={(value) => update({ level: value })}
          />
          <FilterSelect
            label={t('skills.supply.institution')}
            value={values.organisation}
            allLabel={t('skills.supply.allInstitutions')}
            options={institutionOptions}
            onChange={(value) => update({ organisation: value })}
          />
        </form>
      </search>

      {programmes.isError ? <ErrorMessage error={programmes.error} /> : null}
      <p className="result-count" role="status" aria-live="polite" id={ids.list}>
        {programmes.data
          ? t('skills.supply.count', {
              count: items.length,
              intake: labels.number(totals.intake),
              graduates: labels.number(totals.graduates),
            })
          : ''}
      </p>
      {programmes.isPending ? <Loading /> : null}
      {programmes.data && items.length === 0 ? (
        <div className="empty">
          <p className="empty__title">{t('skills.supply.empty')}</p>
        </div>
      ) : null}
      {items.length > 0 ? (
        <ProgrammeTable
          items={items}
          labels={labels}
          onEdit={(p) => {
            setMessage('');
            setEditing(p);
          }}
        />
      ) : null}
    </>
  );
}

function ProgrammeTable({
  items,
  labels,
  onEdit,
}: {
  items: Programme[];
  labels: SkillsLabels;
  onEdit: (programme: Programme) => void;
}) {
  const { t } = useTranslation();
  const notGiven = <span className="muted">–</span>;
  const editable = items.some((p) => p.canEdit);
  return (
    <TableScroll label={t('skills.supply.title')}>
      <table className="table skills-programmes">
        <caption className="visually-hidden">{t('skills.supply.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('skills.supply.name')}</th>
            <th scope="col">{t('skills.supply.institution')}</th>
            <th scope="col">{t('skills.supply.level')}</th>
            <th scope="col">{t('skills.supply.region')}</th>
            <th scope="col" className="num">
              {t('skills.supply.yearlyIntake')}
            </th>
            <th scope="col" className="num">
              {t('skills.supply.yearlyGraduates')}
            </th>
            <th scope="col">{t('skills.supply.roles')}</th>
            {editable ? (
              <th scope="col">
                <span className="visually-hidden">{t('skills.supply.actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {items.map((p) => {
            const name = labels.text(p.name);
            return (
              <tr key={p.id}>
                <th scope="row">
                  {p.url ? (
                    <a href={p.url} rel="noreferrer noopener" target="_blank">
                      {name}
                      <span className="visually-hidden"> ({t('common.opensInNewTab')})</span>
                    </a>
                  ) : (
                    name
                  )}
                  <span className="skills-programmes__kind">
                    {t(`skills.supply.kinds.${p.kind}`)}
                    {p.credits !== null && p.creditUnit
                      ? ` · ${labels.number(p.credits)} ${t(`skills.supply.unitsShort.${p.creditUnit}`)}`
                      : ''}
                    {p.isPublic ? '' : ` · ${t('skills.supply.notPublic')}`}
                  </span>
                </th>
                <td>{p.organisationName}</td>
                <td>
                  {t(`skills.supply.levels.${p.level}`)}
                  <span className="skills-programmes__kind">{labels.eqf(p.eqfLevel)}</span>
                </td>
                <td>{p.regionId ? labels.region(p.regionId) : notGiven}</td>
                <td className="num">{p.yearlyIntake === null ? notGiven : labels.number(p.yearlyIntake)}</td>
                <td className="num">
                  {p.yearlyGraduates === null ? notGiven : labels.number(p.yearlyGraduates)}
                </td>
                <td>
                  {p.roleIds.length === 0 ? (
                    notGiven
                  ) : (
                    <ul className="skills-programmes__roles">
                      {p.roleIds.slice(0, SHOWN_ROLES).map((id) => (
                        <li key={id}>{labels.role(id)}</li>
                      ))}
                      {p.roleIds.length > SHOWN_ROLES ? (
                        <li className="muted">
                          {t('skills.supply.moreRoles', { count: p.roleIds.length - SHOWN_ROLES })}
                        </li>
                      ) : null}
                    </ul>
                  )}
                </td>
                {editable ? (
                  <td>
                    {p.canEdit ? (
                      <button type="button" className="link-button" onClick={() => onEdit(p)}>
                        {t('skills.supply.edit')}
                        <span className="visually-hidden">: {name}</span>
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
