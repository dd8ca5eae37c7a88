// One need of the survey: job role, education level, region, the three headcounts and, as the
// round asks, recruitment difficulty, skills and free text.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  HEADCOUNT_FIELDS,
  MAX_HEADCOUNT,
  type NeedRow,
  type RowField,
  type RowProblem,
} from './survey-rows.ts';

export interface NeedOptions {
  roles: { id: string; label: string }[];
  skills: { id: string; label: string }[];
  levels: { id: string; label: string }[];
  regions: { id: string; label: string }[];
  askRecruitmentDifficulty: boolean;
  askFreeText: boolean;
}

const DIFFICULTIES = [1, 2, 3, 4, 5] as const;

interface NeedFieldsetProps {
  row: NeedRow;
  number: number;
  options: NeedOptions;
  problems: RowProblem[];
  problemText: (problem: RowProblem) => string;
  onChange: (row: NeedRow) => void;
  onRemove: () => void;
}

export function NeedFieldset({
  row,
  number,
  options,
  problems,
  problemText,
  onChange,
  onRemove,
}: NeedFieldsetProps) {
  const { t } = useTranslation();
  const id = (field: string) => `${row.key}-${field}`;
  const problemOf = (field: RowField) => problems.find((p) => p.field === field);
  const invalid = (...fields: RowField[]) => {
    const found = fields.map(problemOf).find(Boolean);
    return found ? { 'aria-invalid': true as const, 'aria-describedby': `${id(found.field)}-error` } : {};
  };
  const error = (field: RowField): ReactNode => {
    const problem = problemOf(field);
    return problem ? (
      <p className="field__error" id={`${id(field)}-error`}>
        <span className="visually-hidden">{t('edit.errorPrefix')} </span>
        {problemText(problem)}
      </p>
    ) : null;
  };
  const set = <K extends keyof NeedRow>(field: K, value: NeedRow[K]) => onChange({ ...row, [field]: value });
  const roleName = options.roles.find((r) => r.id === row.roleId)?.label;

  return (
    <fieldset className="fieldset survey-need">
      <legend>
        {t('survey.need', { number })}
        {roleName ? <span className="survey-need__role">: {roleName}</span> : null}
      </legend>
      <div className="survey-need__grid">
        <div className="field survey-need__wide">
          <label htmlFor={id('roleId')}>{t('survey.role')}</label>
          <select
            id={id('roleId')}
            value={row.roleId}
            {...invalid('roleId', 'duplicate')}
            onChange={(event) => set('roleId', event.target.value)}
          >
            <option value="">{t('survey.choose')}</option>
            {options.roles.map((role) => (
              <option key={role.id} value={role.id}>
                {role.label}
              </option>
            ))}
          </select>
          {error('roleId')}
          {error('duplicate')}
        </div>
        <div className="field survey-need__wide">
          <label htmlFor={id('eqfLevel')}>{t('survey.level')}</label>
          <select
            id={id('eqfLevel')}
            value={row.eqfLevel}
            {...invalid('eqfLevel')}
            onChange={(event) => set('eqfLevel', event.target.value)}
          >
            <option value="">{t('survey.choose')}</option>
            {options.levels.map((level) => (
              <option key={level.id} value={level.id}>
                {level.label}
              </option>
            ))}
          </select>
          {error('eqfLevel')}
        </div>
        <div className="field">
          <label htmlFor={id('regionId')}>{t('survey.region')}</label>
          <select
            id={id('regionId')}
            value={row.regionId}
            {...invalid('regionId')}
            onChange={(event) => set('regionId', event.target.value)}
          >
            {options.regions.length > 1 ? <option value="">{t('survey.choose')}</option> : null}
            {options.regions.map((region) => (
              <option key={region.id} value={region.id}>
                {region.label}
              </option>
            ))}
          </select>
          {error('regionId')}
        </div>
        {options.askRecruitmentDifficulty ? (
          <div className="field">
            <label htmlFor={id('difficulty')}>{t('survey.difficulty')}</label>
            <select
              id={id('difficulty')}
              value={row.recruitmentDifficulty}
              onChange={(event) => set('recruitmentDifficulty', event.target.value)}
            >
              <option value="">{t('survey.notAnswered')}</option>
              {DIFFICULTIES.map((level) => (
                <option key={level} value={String(level)}>
                  {t(`survey.difficultyLevel.${level}`)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>

      <fieldset className="survey-headcounts">
        <legend>{t('survey.headcounts')}</legend>
        <p className="field__hint" id={id('headcounts-hint')}>
          {t('survey.headcountsHint')}
        </p>
        <div className="survey-headcounts__grid">
          {HEADCOUNT_FIELDS.map((field) => (
            <div className="field" key={field}>
              <label htmlFor={id(field)}>{t(`survey.${field}`)}</label>
              <input
                id={id(field)}
                type="number"
                inputMode="numeric"
                min={0}
                max={MAX_HEADCOUNT}
                step={1}
                value={row[field]}
                placeholder="0"
                {...(problemOf(field) ? invalid(field) : { 'aria-describedby': id('headcounts-hint') })}
                onChange={(event) => set(field, event.target.value)}
              />
              {error(field)}
            </div>
          ))}
        </div>
      </fieldset>

      {options.skills.length > 0 ? (
        <details className="survey-skills" open={row.skillIds.length > 0 || undefined}>
          <summary>
            {t('survey.skills')}
            {row.skillIds.length > 0 ? ` (${row.skillIds.length})` : ''}
          </summary>
          <fieldset className="survey-skills__list">
            <legend className="visually-hidden">{t('survey.skillsLegend', { number })}</legend>
            {options.skills.map((skill) => (
              <div className="field field--checkbox" key={skill.id}>
                <input
                  id={id(`skill-${skill.id}`)}
                  type="checkbox"
                  checked={row.skillIds.includes(skill.id)}
                  onChange={(event) =>
                    set(
                      'skillIds',
                      event.target.checked
                        ? [...row.skillIds, skill.id]
                        : row.skillIds.filter((s) => s !== skill.id),
                    )
                  }
                />
                <label htmlFor={id(`skill-${skill.id}`)}>{skill.label}</label>
              </div>
            ))}
          </fieldset>
        </details>
      ) : null}

      {options.askFreeText ? (
        <div className="field">
          <label htmlFor={id('freeText')}>{t('survey.freeText')}</label>
          <p className="field__hint" id={id('freeText-hint')}>
            {t('survey.freeTextHint')}
          </p>
          <textarea
            id={id('freeText')}
            rows={2}
            maxLength={2000}
            value={row.freeText}
            aria-describedby={id('freeText-hint')}
            onChange={(event) => set('freeText', event.target.value)}
          />
        </div>
      ) : null}

      <p className="survey-need__remove">
        <button type="button" className="link-button link-button--danger" onClick={onRemove}>
          {t('survey.removeNeed', { number })}
        </button>
      </p>
    </fieldset>
  );
}
