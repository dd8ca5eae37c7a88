// Adding or changing a training programme or module: institution, names, level, region, yearly
// intake and graduates, the job roles it prepares for and the competences it covers.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type User } from '../../api.ts';
import { useOrganisation, useOrganisations } from '../../queries.ts';
import { useFormProblems } from '../sites/form-problems.tsx';
import { ModuleDetailsFields } from '../training-paths/module-details-fields.tsx';
import { CheckboxPicker } from './checkbox-picker.tsx';
import { LocalizedFields } from './localized-fields.tsx';
import {
  type ProgrammeField,
  emptyProgramme,
  programmeInput,
  programmeValues,
  type ProgrammeValues,
  USUAL_EQF,
} from './programme-values.ts';
import {
  CREDIT_UNITS,
  createProgramme,
  deleteProgramme,
  EQF_LEVELS,
  PROGRAMME_KINDS,
  type Programme,
  TRAINING_LEVELS,
  updateProgramme,
  useSkillsMutation,
} from './skills-api.ts';
import type { SkillsLabels } from './skills-labels.ts';

const SHOWN = new Set<string>([
  'organisationId',
  'name',
  'eqfLevel',
  'yearlyIntake',
  'yearlyGraduates',
  'credits',
  'creditUnit',
  'url',
]);

/** Educational institutions of the registry, for admins' and coordinators' choice. */
function useInstitutions(regionId: string | null) {
  const region = regionId ?? undefined;
  const universities = useOrganisations({ type: 'university', region, pageSize: 100 });
  const uas = useOrganisations({ type: 'uas', region, pageSize: 100 });
  const vocational = useOrganisations({ type: 'vocational', region, pageSize: 100 });
  return [universities, uas, vocational].flatMap((q) => q.data?.items ?? []);
}

interface ProgrammeFormProps {
  user: User;
  /** null: a new programme. */
  programme: Programme | null;
  labels: SkillsLabels;
  onDone: (message: string) => void;
  onCancel: () => void;
}

export function ProgrammeForm({ user, programme, labels, onDone, onCancel }: ProgrammeFormProps) {
  const { t } = useTranslation();
  const isNew = programme === null;
  const choosesInstitution = user.role === 'admin' || user.role === 'coordinator';
  const [values, setValues] = useState<ProgrammeValues>(() =>
    programme
      ? programmeValues(programme)
      : emptyProgramme(choosesInstitution ? '' : (user.organisationId ?? '')),
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const institutions = useInstitutions(user.role === 'coordinator' ? user.regionId : null);
  const own = useOrganisation(isNew && !choosesInstitution ? user.organisationId : null);
  const save = useSkillsMutation(async (v: ProgrammeValues) => {
    const { input } = programmeInput(v, isNew);
    if (!input) throw new Error('invalid');
    if (isNew) return createProgramme(input);
    const { organisationId: _fixed, ...patch } = input;
    return updateProgramme(programme.id, patch);
  });
  const remove = useSkillsMutation((id: string) => deleteProgramme(id));
  const { setProblems, idOf, invalidProps, errorFor, summary } = useFormProblems((field) =>
    t(`skills.supply.errors.${SHOWN.has(field) ? (field as ProgrammeField) : 'general'}`),
  );

  const set = <K extends keyof ProgrammeValues>(key: K, value: ProgrammeValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const { problems } = programmeInput(values, isNew);
    setProblems(problems);
    if (problems.length) return;
    save.mutate(values, {
      onSuccess: (saved) =>
        onDone(t(isNew ? 'skills.supply.added' : 'skills.supply.saved', { name: labels.text(saved.name) })),
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'validation_failed') {
          const fields = error.issues.map((issue) =>
            SHOWN.has(issue.path[0] ?? '') ? issue.path[0]! : 'general',
          );
          setProblems(fields.length ? [...new Set(fields)] : ['general']);
        }
      },
    });
  }

  const title = isNew
    ? t('skills.supply.addTitle')
    : t('skills.supply.editTitle', { name: labels.text(programme.name) });
  return (
    <section className="panel skills-programme-form" aria-labelledby={idOf('heading')}>
      <h2 id={idOf('heading')} ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <form className="form" noValidate onSubmit={onSubmit}>
        {summary(save.error ?? remove.error)}
        <div className="form__row">
          {choosesInstitution && isNew ? (
            <div className="field">
              <label htmlFor={idOf('organisationId')}>{t('skills.supply.institution')}</label>
              <select
                id={idOf('organisationId')}
                value={values.organisationId}
                {...invalidProps('organisationId')}
                onChange={(event) => set('organisationId', event.target.value)}
              >
                <option value="">{t('survey.choose')}</option>
                {institutions
                  .slice()
                  .sort((a, b) => labels.locale.collator.compare(a.name, b.name))
                  .map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
              </select>
              {errorFor('organisationId')}
            </div>
          ) : (
            <p className="skills-programme-form__institution">
              <strong>{t('skills.supply.institution')}:</strong>{' '}
              {programme?.organisationName ?? own.data?.name ?? ''}
            </p>
          )}
          <div className="field">
            <label htmlFor={idOf('kind')}>{t('skills.supply.kind')}</label>
            <select
              id={idOf('kind')}
              value={values.kind}
              onChange={(event) => set('kind', event.target.value as ProgrammeValues['kind'])}
            >
              {PROGRAMME_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`skills.supply.kinds.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <LocalizedFields
            legend={t('skills.supply.name')}
            value={values.name}
            onChange={(name) => set('name', name)}
            id={idOf('name')}
            maxLength={300}
            invalid={invalidProps('name')}
            error={errorFor('name')}
          />
          <div className="skills-form__pair">
            <div className="field">
              <label htmlFor={idOf('level')}>{t('skills.supply.level')}</label>
              <select
                id={idOf('level')}
                value={values.level}
                onChange={(event) => {
                  const level = event.target.value as ProgrammeValues['level'];
                  setValues((current) => ({
                    ...current,
                    level,
                    eqfLevel: USUAL_EQF[level] || current.eqfLevel,
                  }));
                }}
              >
                {TRAINING_LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {t(`skills.supply.levels.${level}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={idOf('eqfLevel')}>{t('skills.supply.eqf')}</label>
              <select
                id={idOf('eqfLevel')}
                value={values.eqfLevel}
                {...invalidProps('eqfLevel')}
                onChange={(event) => set('eqfLevel', event.target.value)}
              >
                <option value="">{t('survey.choose')}</option>
                {EQF_LEVELS.map((level) => (
                  <option key={level} value={String(level)}>
                    {labels.eqf(level)}
                  </option>
                ))}
              </select>
              {errorFor('eqfLevel')}
            </div>
          </div>
          <div className="field">
            <label htmlFor={idOf('regionId')}>{t('skills.supply.region')}</label>
            <select
              id={idOf('regionId')}
              value={values.regionId}
              onChange={(event) => set('regionId', event.target.value)}
            >
              <option value="">
                {isNew ? t('skills.supply.institutionRegion') : t('skills.supply.noRegion')}
              </option>
              {labels.regionOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            <p className="field__hint">{t('skills.supply.regionHint')}</p>
          </div>
          <div className="skills-form__pair">
            {(['yearlyIntake', 'yearlyGraduates'] as const).map((field) => (
              <div className="field" key={field}>
                <label htmlFor={idOf(field)}>{t(`skills.supply.${field}`)}</label>
                <input
                  id={idOf(field)}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  value={values[field]}
                  {...invalidProps(field)}
                  onChange={(event) => set(field, event.target.value)}
                />
                {errorFor(field)}
              </div>
            ))}
          </div>
          <p className="field__hint skills-form__note">{t('skills.supply.graduatesHint')}</p>
          <div className="skills-form__pair">
            <div className="field">
              <label htmlFor={idOf('credits')}>{t('skills.supply.credits')}</label>
              <input
                id={idOf('credits')}
                type="text"
                inputMode="decimal"
                value={values.credits}
                {...invalidProps('credits')}
                onChange={(event) => set('credits', event.target.value)}
              />
              {errorFor('credits')}
            </div>
            <div className="field">
              <label htmlFor={idOf('creditUnit')}>{t('skills.supply.creditUnit')}</label>
              <select
                id={idOf('creditUnit')}
                value={values.creditUnit}
                {...invalidProps('creditUnit')}
                onChange={(event) => set('creditUnit', event.target.value as ProgrammeValues['creditUnit'])}
              >
                <option value="">{t('skills.supply.noUnit')}</option>
                {CREDIT_UNITS.map((unit) => (
                  <option key={unit} value={unit}>
                    {t(`skills.supply.units.${unit}`)}
                  </option>
                ))}
              </select>
              {errorFor('creditUnit')}
            </div>
          </div>
          <div className="skills-form__pair">
            <div className="field">
              <label htmlFor={idOf('language')}>{t('skills.supply.language')}</label>
              <input
                id={idOf('language')}
                type="text"
                maxLength={20}
                value={values.language}
                aria-describedby={`${idOf('language')}-hint`}
                onChange={(event) => set('language', event.target.value)}
              />
              <p className="field__hint" id={`${idOf('language')}-hint`}>
                {t('skills.supply.languageHint')}
              </p>
            </div>
            <div className="field">
              <label htmlFor={idOf('url')}>{t('skills.supply.url')}</label>
              <input
                id={idOf('url')}
                type="url"
                value={values.url}
                {...invalidProps('url')}
                onChange={(event) => set('url', event.target.value)}
              />
              {errorFor('url')}
            </div>
          </div>
        </div>
        <ModuleDetailsFields values={values} set={set} labels={labels} />
        <CheckboxPicker
          legend={t('skills.supply.roles')}
          hint={t('skills.supply.rolesHint')}
          options={labels.roleOptions}
          chosen={values.roleIds}
          onChange={(roleIds) => set('roleIds', roleIds)}
          filterable
        />
        <CheckboxPicker
          legend={t('skills.supply.competences')}
          options={labels.skillOptions}
          chosen={values.competenceIds}
          onChange={(competenceIds) => set('competenceIds', competenceIds)}
          filterable
        />
        <div className="field field--checkbox">
          <input
            id={idOf('isPublic')}
            type="checkbox"
            checked={values.isPublic}
            onChange={(event) => set('isPublic', event.target.checked)}
          />
          <label htmlFor={idOf('isPublic')}>{t('skills.supply.isPublic')}</label>
          <p className="field__hint">{t('skills.supply.isPublicHint')}</p>
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? t('edit.saving') : isNew ? t('skills.supply.add') : t('edit.save')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('edit.cancel')}
          </button>
          {!isNew ? (
            <button
              type="button"
              className="link-button link-button--danger"
              disabled={remove.isPending}
              onClick={() => {
                if (window.confirm(t('skills.supply.confirmDelete', { name: labels.text(programme.name) })))
                  remove.mutate(programme.id, {
                    onSuccess: () =>
                      onDone(t('skills.supply.deleted', { name: labels.text(programme.name) })),
                  });
              }}
            >
              {t('skills.supply.delete')}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
