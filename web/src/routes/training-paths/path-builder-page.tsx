// The path builder: the path's title, audience and regions; modules added from the training
// supply; prerequisites drawn by ticking what each module requires; live validation of the
// graph (the same pure code the server runs), then save, publish, and the gaps it closes.
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { validatePath } from '../../../../src/domain/training/path-validation.ts';
import { ApiError, type Localised } from '../../api.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading, useErrorText } from '../../components/status.tsx';
import { useSession } from '../../queries.ts';
import { LocalizedFields } from '../skills/localized-fields.tsx';
import { type SkillsLabels, useSkillsLabels } from '../skills/skills-labels.ts';
import { TRAINING_LEVELS } from '../skills/skills-api.ts';
import { CoveragePanel } from './coverage-panel.tsx';
import { CreditTotals, IssueList, PathsBreadcrumb, TrainingNav, useModuleFacts } from './path-parts.tsx';
import {
  createPath,
  deletePath,
  LEVEL_ORDER,
  type ModuleDetail,
  type PathAudience,
  type PathDetail,
  type PathValidation,
  type StepInput,
  saveSteps,
  updatePath,
  useModules,
  usePath,
  usePathMutation,
} from './paths-api.ts';

const EMPTY: Localised = { fi: '', sv: '', en: '' };

interface Meta {
  title: Localised;
  summary: Localised;
  audience: PathAudience;
  regionIds: string[];
}

function MetaFields({
  meta,
  onChange,
  labels,
}: {
  meta: Meta;
  onChange: (m: Meta) => void;
  labels: SkillsLabels;
}) {
  const { t } = useTranslation();
  const ids = { title: useId(), summary: useId(), audience: useId() };
  return (
    <>
      <LocalizedFields
        legend={t('trainingPaths.builder.titleField')}
        value={meta.title}
        onChange={(title) => onChange({ ...meta, title })}
        id={ids.title}
        maxLength={200}
      />
      <LocalizedFields
        legend={t('trainingPaths.builder.summaryField')}
        hint={t('trainingPaths.builder.summaryHint')}
        value={meta.summary}
        onChange={(summary) => onChange({ ...meta, summary })}
        id={ids.summary}
        maxLength={3000}
        multiline
      />
      <div className="field">
        <label htmlFor={ids.audience}>{t('trainingPaths.builder.audience')}</label>
        <select
          id={ids.audience}
          value={meta.audience}
          onChange={(e) => onChange({ ...meta, audience: e.target.value as PathAudience })}
        >
          <option value="students">{t('trainingPaths.audience.students')}</option>
          <option value="employees">{t('trainingPaths.audience.employees')}</option>
        </select>
      </div>
      <fieldset className="fieldset tp-regions">
        <legend>{t('trainingPaths.builder.regions')}</legend>
        <p className="field__hint">{t('trainingPaths.builder.regionsHint')}</p>
        <div className="tp-checks">
          {labels.regionOptions.map((r) => (
            <label key={r.value} className="field--checkbox">
              <input
                type="checkbox"
                checked={meta.regionIds.includes(r.value)}
                onChange={(e) =>
                  onChange({
                    ...meta,
                    regionIds: e.target.checked
                      ? [...meta.regionIds, r.value]
                      : meta.regionIds.filter((x) => x !== r.value),
                  })
                }
              />{' '}
              {r.label}
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );
}

/** /training-paths/new: name the path first; the builder opens once it exists. */
function NewPath() {
  const { t } = useTranslation();
  const labels = useSkillsLabels();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [meta, setMeta] = useState<Meta>({
    title: EMPTY,
    summary: EMPTY,
    audience: 'students',
    regionIds: [],
  });
  const create = usePathMutation(createPath);
  return (
    <>
      <TrainingNav />
      <PathsBreadcrumb current={t('trainingPaths.builder.newTitle')} />
      <PageHeading title={t('trainingPaths.builder.newTitle')} lead={t('trainingPaths.builder.newLead')} />
      <form
        className="card tp-form"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate(meta, {
            onSuccess: (path) => void navigate(`/training-paths/${encodeURIComponent(path.id)}/edit`),
          });
        }}
      >
        <MetaFields meta={meta} onChange={setMeta} labels={labels} />
        {create.isError ? (
          <p className="notice notice--error" role="alert">
            {errorText(create.error)}
          </p>
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {t('trainingPaths.builder.create')}
          </button>
          <Link to="/training-paths" className="button button--secondary">
            {t('trainingPaths.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}

function ModulePicker({
  modules,
  onPath,
  onAdd,
  labels,
}: {
  modules: ModuleDetail[];
  onPath: Set<string>;
  onAdd: (id: string) => void;
  labels: SkillsLabels;
}) {
  const { t } = useTranslation();
  const facts = useModuleFacts(labels);
  const ids = { level: useId(), region: useId(), search: useId(), list: useId() };
  const [level, setLevel] = useState('');
  const [region, setRegion] = useState('');
  const [search, setSearch] = useState('');
  const needle = search.trim().toLocaleLowerCase();
  const shown = modules
    .filter((m) => (!level || m.level === level) && (!region || m.regionId === region))
    .filter(
      (m) => !needle || `${labels.text(m.name)} ${m.organisationName}`.toLocaleLowerCase().includes(needle),
    )
    .sort(
      (a, b) =>
        LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) ||
        a.eqfLevel - b.eqfLevel ||
        labels.locale.collator.compare(labels.text(a.name), labels.text(b.name)),
    );
  return (
    <div className="tp-picker">
      <div className="filters tp-picker__filters">
        <div className="field">
          <label htmlFor={ids.search}>{t('trainingPaths.builder.search')}</label>
          <input id={ids.search} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.level}>{t('skills.supply.level')}</label>
          <select id={ids.level} value={level} onChange={(e) => setLevel(e.target.value)}>
            <option value="">{t('skills.supply.allLevels')}</option>
            {TRAINING_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`skills.supply.levels.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.region}>{t('skills.supply.region')}</label>
          <select id={ids.region} value={region} onChange={(e) => setRegion(e.target.value)}>
            <option value="">{t('skills.supply.allRegions')}</option>
            {labels.regionOptions.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="result-count" id={ids.list} role="status">
        {t('trainingPaths.builder.found', { count: shown.length })}
      </p>
      <ul className="tp-picker__list" aria-describedby={ids.list}>
        {shown.map((m) => (
          <li key={m.id} className="tp-picker__item">
            <div>
              <p className="tp-picker__name">{labels.text(m.name)}</p>
              <p className="tp-picker__meta">
                {t(`skills.supply.levels.${m.level}`)} · {m.organisationName} · {facts(m).join(' · ')}
              </p>
            </div>
            <button
              type="button"
              className="button button--small"
              disabled={onPath.has(m.id)}
              onClick={() => onAdd(m.id)}
              aria-label={t('trainingPaths.builder.addNamed', { name: labels.text(m.name) })}
            >
              {onPath.has(m.id) ? t('trainingPaths.builder.added') : t('trainingPaths.builder.add')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function StepEditor({
  steps,
  modules,
  onChange,
  labels,
}: {
  steps: StepInput[];
  modules: Map<string, ModuleDetail>;
  onChange: (steps: StepInput[]) => void;
  labels: SkillsLabels;
}) {
  const { t } = useTranslation();
  const nameOf = (id: string) => {
    const m = modules.get(id);
    return m ? labels.text(m.name) : id;
  };
  const levelOf = (id: string) => modules.get(id)?.level ?? 'continuing';
  const ordered = [...steps].sort(
    (a, b) =>
      LEVEL_ORDER.indexOf(levelOf(a.programmeId)) - LEVEL_ORDER.indexOf(levelOf(b.programmeId)) ||
      (modules.get(a.programmeId)?.eqfLevel ?? 0) - (modules.get(b.programmeId)?.eqfLevel ?? 0),
  );
  if (!steps.length) return <p className="empty">{t('trainingPaths.builder.noSteps')}</p>;
  return (
    <ol className="tp-steps">
      {ordered.map((step) => {
        const m = modules.get(step.programmeId);
        const others = ordered.filter((o) => o.programmeId !== step.programmeId);
        return (
          <li key={step.programmeId} className="tp-step">
            <fieldset className="fieldset">
              <legend>
                {nameOf(step.programmeId)}
                {m ? (
                  <span className="tp-step__meta">
                    {' '}
                    · {t(`skills.supply.levels.${m.level}`)} · {labels.eqf(m.eqfLevel)} · {m.organisationName}
                  </span>
                ) : null}
              </legend>
              {others.length ? (
                <>
                  <p className="field__hint">{t('trainingPaths.builder.requiresHint')}</p>
                  <div className="tp-checks">
                    {others.map((o) => (
                      <label key={o.programmeId} className="field--checkbox">
                        <input
                          type="checkbox"
                          checked={step.prerequisiteIds.includes(o.programmeId)}
                          onChange={(e) =>
                            onChange(
                              steps.map((s) =>
                                s.programmeId !== step.programmeId
                                  ? s
                                  : {
                                      ...s,
                                      prerequisiteIds: e.target.checked
                                        ? [...s.prerequisiteIds, o.programmeId]
                                        : s.prerequisiteIds.filter((p) => p !== o.programmeId),
                                    },
                              ),
                            )
                          }
                        />{' '}
                        {t('trainingPaths.builder.requires', { name: nameOf(o.programmeId) })}
                      </label>
                    ))}
                  </div>
                </>
              ) : null}
              <button
                type="button"
                className="link-button link-button--danger"
                onClick={() =>
                  onChange(
                    steps
                      .filter((s) => s.programmeId !== step.programmeId)
                      .map((s) => ({
                        ...s,
                        prerequisiteIds: s.prerequisiteIds.filter((p) => p !== step.programmeId),
                      })),
                  )
                }
              >
                {t('trainingPaths.builder.remove', { name: nameOf(step.programmeId) })}
              </button>
            </fieldset>
          </li>
        );
      })}
    </ol>
  );
}

function Builder({ path }: { path: PathDetail }) {
  const { t } = useTranslation();
  const labels = useSkillsLabels();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const modules = useModules();
  const ids = { meta: useId(), modules: useId(), graph: useId(), check: useId() };
  const [meta, setMeta] = useState<Meta>({
    title: path.title,
    summary: path.summary,
    audience: path.audience,
    regionIds: path.regionIds,
  });
  const [steps, setSteps] = useState<StepInput[]>(
    path.steps.map((s) => ({ programmeId: s.programmeId, prerequisiteIds: s.prerequisiteIds })),
  );
  const [message, setMessage] = useState('');
  const [serverReport, setServerReport] = useState<PathValidation | null>(null);
  const saveMeta = usePathMutation((m: Meta) => updatePath(path.id, m));
  const saveGraph = usePathMutation((s: StepInput[]) => saveSteps(path.id, s));
  const publish = usePathMutation((status: 'draft' | 'published') => updatePath(path.id, { status }));
  const remove = usePathMutation(() => deletePath(path.id));

  const moduleMap = useMemo(() => {
    const map = new Map<string, ModuleDetail>((modules.data ?? []).map((m) => [m.id, m]));
    for (const s of path.steps) if (s.module && !map.has(s.programmeId)) map.set(s.programmeId, s.module);
    return map;
  }, [modules.data, path.steps]);
  const live = useMemo(
    () =>
      validatePath(
        steps,
        new Map(
          [...moduleMap.values()].map((m) => [
            m.id,
            {
              id: m.id,
              name: m.name,
              kind: m.kind,
              level: m.level,
              eqfLevel: m.eqfLevel,
              credits: m.credits,
              creditUnit: m.creditUnit,
              isPublic: m.isPublic,
            },
          ]),
        ),
        { publishing: path.status === 'published' },
      ),
    [steps, moduleMap, path.status],
  );
  const saved =
    JSON.stringify(steps) ===
    JSON.stringify(
      path.steps.map((s) => ({ programmeId: s.programmeId, prerequisiteIds: s.prerequisiteIds })),
    );
  const nameOf = (id: string) => {
    const m = moduleMap.get(id);
    return m ? labels.text(m.name) : t('trainingPaths.module.hidden');
  };
  const title = labels.text(path.title);
  const report = serverReport ?? live;

  return (
    <>
      <TrainingNav />
      <PathsBreadcrumb current={title} />
      <PageHeading
        title={t('trainingPaths.builder.editTitle', { title })}
        lead={t('trainingPaths.builder.editLead')}
      />
      <div className="tp-actions">
        <Link className="button button--secondary" to={`/training-paths/${encodeURIComponent(path.id)}`}>
          {t('trainingPaths.builder.view')}
        </Link>
        {path.status === 'draft' ? (
          <button
            type="button"
            className="button"
            disabled={!saved || !live.valid || steps.length === 0 || publish.isPending}
            onClick={() =>
              publish.mutate('published', {
                onSuccess: () => setMessage(t('trainingPaths.builder.published')),
                onError: (error) => setMessage(errorText(error)),
              })
            }
          >
            {t('trainingPaths.builder.publish')}
          </button>
        ) : (
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              publish.mutate('draft', { onSuccess: () => setMessage(t('trainingPaths.builder.unpublished')) })
            }
          >
            {t('trainingPaths.builder.unpublish')}
          </button>
        )}
        <span className={`badge ${path.status === 'published' ? 'badge--ok' : 'badge--warn'}`}>
          {path.status === 'published' ? t('trainingPaths.published') : t('trainingPaths.draft')}
        </span>
      </div>
      <p className="profile__status" role="status">
        {message}
      </p>

      <section className="section" aria-labelledby={ids.meta}>
        <details className="card tp-meta">
          <summary>
            <h2 id={ids.meta} className="tp-inline-heading">
              {t('trainingPaths.builder.about')}
            </h2>
          </summary>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              saveMeta.mutate(meta, {
                onSuccess: () => setMessage(t('trainingPaths.builder.savedMeta')),
                onError: (error) => setMessage(errorText(error)),
              });
            }}
          >
            <MetaFields meta={meta} onChange={setMeta} labels={labels} />
            <div className="form__actions">
              <button type="submit" className="button" disabled={saveMeta.isPending}>
                {t('trainingPaths.builder.saveMeta')}
              </button>
            </div>
          </form>
        </details>
      </section>

      <div className="tp-builder">
        <section className="tp-builder__modules" aria-labelledby={ids.modules}>
          <h2 id={ids.modules}>{t('trainingPaths.builder.modules')}</h2>
          <p className="section__intro">
            {t('trainingPaths.builder.modulesIntro')}{' '}
            <Link to="/skills/supply">{t('trainingPaths.builder.supplyLink')}</Link>
          </p>
          {modules.isPending ? <Loading /> : null}
          {modules.isError ? <ErrorMessage error={modules.error} /> : null}
          {modules.data ? (
            <ModulePicker
              modules={modules.data}
              onPath={new Set(steps.map((s) => s.programmeId))}
              onAdd={(id) => {
                setServerReport(null);
                setSteps([...steps, { programmeId: id, prerequisiteIds: [] }]);
              }}
              labels={labels}
            />
          ) : null}
        </section>

        <section className="tp-builder__graph" aria-labelledby={ids.graph}>
          <h2 id={ids.graph}>{t('trainingPaths.builder.graph', { count: steps.length })}</h2>
          <StepEditor
            steps={steps}
            modules={moduleMap}
            onChange={(next) => {
              setServerReport(null);
              setSteps(next);
            }}
            labels={labels}
          />
          <section className="tp-check" aria-labelledby={ids.check}>
            <h3 id={ids.check}>{t('trainingPaths.issues.title')}</h3>
            <div aria-live="polite">
              <IssueList validation={report} labels={labels} nameOf={nameOf} />
            </div>
            <CreditTotals validation={report} labels={labels} />
          </section>
          <div className="form__actions">
            <button
              type="button"
              className="button"
              disabled={saved || saveGraph.isPending}
              onClick={() =>
                saveGraph.mutate(steps, {
                  onSuccess: () => {
                    setServerReport(null);
                    setMessage(t('trainingPaths.builder.savedGraph'));
                  },
                  onError: (error) => {
                    const details =
                      error instanceof ApiError ? (error.details as { validation?: PathValidation }) : null;
                    if (details?.validation) setServerReport(details.validation);
                    setMessage(details?.validation ? t('trainingPaths.builder.notSaved') : errorText(error));
                  },
                })
              }
            >
              {saved ? t('trainingPaths.builder.graphSaved') : t('trainingPaths.builder.saveGraph')}
            </button>
            {!saved ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={() =>
                  setSteps(
                    path.steps.map((s) => ({
                      programmeId: s.programmeId,
                      prerequisiteIds: s.prerequisiteIds,
                    })),
                  )
                }
              >
                {t('trainingPaths.builder.undo')}
              </button>
            ) : null}
          </div>
        </section>
      </div>

      <CoveragePanel pathId={path.id} version={path.updatedAt} labels={labels} nameOf={nameOf} />

      <section className="section">
        <button
          type="button"
          className="button button--danger"
          onClick={() => {
            if (!window.confirm(t('trainingPaths.builder.confirmDelete', { title }))) return;
            remove.mutate(undefined, { onSuccess: () => void navigate('/training-paths') });
          }}
        >
          {t('trainingPaths.builder.delete')}
        </button>
      </section>
    </>
  );
}

/** /training-paths/new and /training-paths/:id/edit. */
export function PathBuilderPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const session = useSession();
  const path = usePath(id);
  if (session.isPending) return <Loading />;
  if (!session.data?.user)
    return (
      <>
        <TrainingNav />
        <PageHeading title={t('trainingPaths.builder.newTitle')} />
        <p>
          <Link to="/sign-in">{t('trainingPaths.builder.signIn')}</Link>
        </p>
      </>
    );
  if (!id) return <NewPath />;
  if (path.isPending) return <Loading />;
  if (path.isError) return <ErrorMessage error={path.error} />;
  if (!path.data.canEdit) return <ErrorMessage error={new ApiError(403, 'forbidden', 'forbidden')} />;
  return <Builder path={path.data} />;
}
