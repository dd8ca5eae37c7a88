// The forms of the working-life pages: a teacher's profile (goals as competences), a host's
// offer, and the plan of a period at an offer (dates, goals, supervisor).
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type Localised, type User } from '../../api.ts';
import { useOrganisation, useOrganisations } from '../../queries.ts';
import { useFormProblems } from '../sites/form-problems.tsx';
import { CheckboxPicker } from '../skills/checkbox-picker.tsx';
import { LocalizedFields } from '../skills/localized-fields.tsx';
import {
  createOffer,
  createTeacher,
  type HostOffer,
  LANGUAGES,
  type Period,
  planPeriod,
  type Teacher,
  useWorkingLifeMutation,
} from './working-life-api.ts';
import type { WorkingLifeLabels } from './working-life-labels.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Field problems the API names, mapped to the form's fields (others: the whole form). */
function apiProblems(error: unknown, fields: readonly string[]): string[] {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return [];
  const named = error.issues.map((issue) =>
    fields.includes(issue.path[0] ?? '') ? issue.path[0]! : 'general',
  );
  return named.length ? [...new Set(named)] : ['general'];
}

/** A form's panel: its heading takes focus when it opens. */
function FormPanel({ title, children }: { title: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const id = useId();
  return (
    <section className="panel wl-form" aria-labelledby={id}>
      <h2 id={id} ref={ref} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function LanguageChoice({
  legend,
  chosen,
  onChange,
}: {
  legend: string;
  chosen: string[];
  onChange: (v: string[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset wl-languages">
      <legend>{legend}</legend>
      {LANGUAGES.map((code) => (
        <label key={code} className="field--checkbox">
          <input
            type="checkbox"
            checked={chosen.includes(code)}
            onChange={(event) =>
              onChange(event.target.checked ? [...chosen, code] : chosen.filter((c) => c !== code))
            }
          />
          {t(`workingLife.languages.${code}`)}
        </label>
      ))}
    </fieldset>
  );
}

/** The organisation a form is for: fixed (a member's own) or chosen from a list. */
function OrganisationChoice({
  label,
  fixedName,
  options,
  value,
  onChange,
  id,
  invalid,
  error,
}: {
  label: string;
  /** The member's own organisation: shown, not chosen. */
  fixedName: string | null;
  options: { id: string; name: string }[];
  value: string;
  onChange: (id: string) => void;
  id: string;
  invalid: object;
  error: ReactNode;
}) {
  const { t } = useTranslation();
  if (fixedName !== null)
    return (
      <p>
        <strong>{label}:</strong> {fixedName}
      </p>
    );
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} {...invalid} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('workingLife.choose')}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      {error}
    </div>
  );
}

/** Save (or another action) and cancel. */
function FormActions({
  submit,
  pending,
  onCancel,
}: {
  submit: string;
  pending: boolean;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="form__actions">
      <button type="submit" className="button" disabled={pending}>
        {submit}
      </button>
      {onCancel ? (
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('workingLife.cancel')}
        </button>
      ) : null}
    </div>
  );
}

/** Institutions an admin or coordinator may add a teacher of. */
function useInstitutions(regionId: string | null) {
  const region = regionId ?? undefined;
  const lists = [
    useOrganisations({ type: 'uas', region, pageSize: 100 }),
    useOrganisations({ type: 'vocational', region, pageSize: 100 }),
    useOrganisations({ type: 'university', region, pageSize: 100 }),
  ];
  return lists.flatMap((q) => q.data?.items ?? []).sort((a, b) => a.name.localeCompare(b.name));
}

interface TeacherFormProps {
  user: User;
  labels: WorkingLifeLabels;
  onDone: (teacher: Teacher) => void;
  onCancel: () => void;
}

export function TeacherForm({ user, labels, onDone, onCancel }: TeacherFormProps) {
  const { t } = useTranslation();
  const forSelf = user.role === 'member';
  const institutions = useInstitutions(user.role === 'coordinator' ? user.regionId : null);
  const own = useOrganisation(forSelf ? user.organisationId : null);
  const [v, setV] = useState({
    name: forSelf ? user.displayName : '',
    organisationId: forSelf ? (user.organisationId ?? '') : '',
    subjects: '',
    developmentGoals: '',
    conceptIds: [] as string[],
    languages: ['fi'] as string[],
  });
  const save = useWorkingLifeMutation(createTeacher);
  const fields = ['name', 'organisationId', 'conceptIds', 'general'] as const;
  const { setProblems, idOf, invalidProps, errorFor, summary } = useFormProblems((field) =>
    t(
      `workingLife.teacherForm.errors.${(fields as readonly string[]).includes(field) ? (field as (typeof fields)[number]) : 'general'}`,
    ),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = [
      ...(v.name.trim() ? [] : ['name']),
      ...(v.organisationId ? [] : ['organisationId']),
      ...(v.conceptIds.length ? [] : ['conceptIds']),
    ];
    setProblems(problems);
    if (problems.length) return;
    save.mutate(
      { ...v, isSelf: forSelf },
      { onSuccess: onDone, onError: (error) => setProblems(apiProblems(error, fields)) },
    );
  }

  return (
    <FormPanel title={forSelf ? t('workingLife.teacherForm.titleSelf') : t('workingLife.teacherForm.title')}>
      <form className="form" noValidate onSubmit={onSubmit}>
        {summary(save.error)}
        <div className="field">
          <label htmlFor={idOf('name')}>{t('workingLife.teacherForm.name')}</label>
          <input
            id={idOf('name')}
            value={v.name}
            maxLength={200}
            autoComplete="name"
            {...invalidProps('name')}
            onChange={(e) => setV({ ...v, name: e.target.value })}
          />
          {errorFor('name')}
        </div>
        <OrganisationChoice
          label={t('workingLife.teacherForm.organisation')}
          fixedName={forSelf ? (own.data?.name ?? '') : null}
          options={institutions}
          value={v.organisationId}
          onChange={(organisationId) => setV({ ...v, organisationId })}
          id={idOf('organisationId')}
          invalid={invalidProps('organisationId')}
          error={errorFor('organisationId')}
        />
        <div className="field">
          <label htmlFor={idOf('subjects')}>{t('workingLife.teacherForm.subjects')}</label>
          <input
            id={idOf('subjects')}
            value={v.subjects}
            maxLength={2000}
            onChange={(e) => setV({ ...v, subjects: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={idOf('goals')}>{t('workingLife.teacherForm.goals')}</label>
          <textarea
            id={idOf('goals')}
            rows={3}
            value={v.developmentGoals}
            maxLength={5000}
            onChange={(e) => setV({ ...v, developmentGoals: e.target.value })}
          />
        </div>
        <CheckboxPicker
          id={idOf('conceptIds')}
          legend={t('workingLife.teacherForm.concepts')}
          hint={t('workingLife.teacherForm.conceptsHint')}
          options={labels.skillOptions}
          chosen={v.conceptIds}
          onChange={(conceptIds) => setV({ ...v, conceptIds })}
          filterable
          error={errorFor('conceptIds')}
          errorId={`${idOf('conceptIds')}-error`}
        />
        <LanguageChoice
          legend={t('workingLife.teacherForm.languages')}
          chosen={v.languages}
          onChange={(languages) => setV({ ...v, languages })}
        />
        <FormActions submit={t('workingLife.save')} pending={save.isPending} onCancel={onCancel} />
      </form>
    </FormPanel>
  );
}

/** Companies an admin or coordinator may add an offer for. */
function useHosts(regionId: string | null) {
  const q = useOrganisations({ type: 'company', region: regionId ?? undefined, pageSize: 100 });
  return (q.data?.items ?? []).slice().sort((a, b) => a.name.localeCompare(b.name));
}

const emptyText: Localised = { fi: '', sv: '', en: '' };

export function OfferForm({
  user,
  labels,
  onDone,
  onCancel,
}: {
  user: User;
  labels: WorkingLifeLabels;
  onDone: (offer: HostOffer) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const ownOrganisation = user.role === 'member';
  const hosts = useHosts(user.role === 'coordinator' ? user.regionId : null);
  const own = useOrganisation(ownOrganisation ? user.organisationId : null);
  const [v, setV] = useState({
    organisationId: ownOrganisation ? (user.organisationId ?? '') : '',
    title: emptyText,
    description: emptyText,
    conceptIds: [] as string[],
    languages: ['fi'] as string[],
    capacity: '1',
    durationWeeks: '',
    availableFrom: '',
    availableTo: '',
  });
  const save = useWorkingLifeMutation(createOffer);
  const fields = ['organisationId', 'title', 'capacity', 'durationWeeks', 'availableTo', 'general'] as const;
  const { setProblems, idOf, invalidProps, errorFor, summary } = useFormProblems((field) =>
    t(
      `workingLife.offerForm.errors.${(fields as readonly string[]).includes(field) ? (field as (typeof fields)[number]) : 'general'}`,
    ),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const capacity = Number(v.capacity);
    const weeks = v.durationWeeks.trim() ? Number(v.durationWeeks) : null;
    const problems = [
      ...(v.organisationId ? [] : ['organisationId']),
      ...(v.title.fi.trim() || v.title.sv.trim() || v.title.en.trim() ? [] : ['title']),
      ...(Number.isInteger(capacity) && capacity >= 1 && capacity <= 100 ? [] : ['capacity']),
      ...(weeks === null || (Number.isInteger(weeks) && weeks >= 1 && weeks <= 52) ? [] : ['durationWeeks']),
      ...(!v.availableFrom || !v.availableTo || v.availableFrom <= v.availableTo ? [] : ['availableTo']),
    ];
    setProblems(problems);
    if (problems.length) return;
    save.mutate(
      {
        organisationId: v.organisationId,
        title: v.title,
        description: v.description,
        conceptIds: v.conceptIds,
        languages: v.languages,
        capacity,
        durationWeeks: weeks,
        availableFrom: v.availableFrom || null,
        availableTo: v.availableTo || null,
      },
      { onSuccess: onDone, onError: (error) => setProblems(apiProblems(error, fields)) },
    );
  }

  return (
    <FormPanel title={t('workingLife.offerForm.title')}>
      <form className="form" noValidate onSubmit={onSubmit}>
        {summary(save.error)}
        <OrganisationChoice
          label={t('workingLife.offerForm.host')}
          fixedName={ownOrganisation ? (own.data?.name ?? '') : null}
          options={hosts}
          value={v.organisationId}
          onChange={(organisationId) => setV({ ...v, organisationId })}
          id={idOf('organisationId')}
          invalid={invalidProps('organisationId')}
          error={errorFor('organisationId')}
        />
        <LocalizedFields
          legend={t('workingLife.offerForm.offerTitle')}
          value={v.title}
          onChange={(title) => setV({ ...v, title })}
          id={idOf('title')}
          maxLength={300}
          invalid={invalidProps('title')}
          error={errorFor('title')}
        />
        <LocalizedFields
          legend={t('workingLife.offerForm.description')}
          value={v.description}
          onChange={(description) => setV({ ...v, description })}
          id={idOf('description')}
          maxLength={5000}
          multiline
        />
        <CheckboxPicker
          legend={t('workingLife.offerForm.concepts')}
          options={labels.skillOptions}
          chosen={v.conceptIds}
          onChange={(conceptIds) => setV({ ...v, conceptIds })}
          filterable
        />
        <LanguageChoice
          legend={t('workingLife.offerForm.languages')}
          chosen={v.languages}
          onChange={(languages) => setV({ ...v, languages })}
        />
        <div className="wl-form__row">
          <div className="field">
            <label htmlFor={idOf('capacity')}>{t('workingLife.offerForm.capacity')}</label>
            <input
              id={idOf('capacity')}
              inputMode="numeric"
              value={v.capacity}
              {...invalidProps('capacity')}
              onChange={(e) => setV({ ...v, capacity: e.target.value })}
            />
            {errorFor('capacity')}
          </div>
          <div className="field">
            <label htmlFor={idOf('durationWeeks')}>{t('workingLife.offerForm.weeks')}</label>
            <input
              id={idOf('durationWeeks')}
              inputMode="numeric"
              value={v.durationWeeks}
              {...invalidProps('durationWeeks')}
              onChange={(e) => setV({ ...v, durationWeeks: e.target.value })}
            />
            {errorFor('durationWeeks')}
          </div>
          <div className="field">
            <label htmlFor={idOf('availableFrom')}>{t('workingLife.offerForm.from')}</label>
            <input
              id={idOf('availableFrom')}
              type="date"
              value={v.availableFrom}
              onChange={(e) => setV({ ...v, availableFrom: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={idOf('availableTo')}>{t('workingLife.offerForm.to')}</label>
            <input
              id={idOf('availableTo')}
              type="date"
              value={v.availableTo}
              {...invalidProps('availableTo')}
              onChange={(e) => setV({ ...v, availableTo: e.target.value })}
            />
            {errorFor('availableTo')}
          </div>
        </div>
        <FormActions submit={t('workingLife.save')} pending={save.isPending} onCancel={onCancel} />
      </form>
    </FormPanel>
  );
}

interface PlanFormProps {
  teacher: Teacher;
  offer: HostOffer;
  from: string;
  to: string;
  labels: WorkingLifeLabels;
  onDone: (period: Period) => void;
  onCancel: () => void;
}

/** The plan of a period at an offer: dates, goals and (when known) the supervisor. */
export function PlanForm({ teacher, offer, from, to, labels, onDone, onCancel }: PlanFormProps) {
  const { t } = useTranslation();
  const [v, setV] = useState({
    startDate: from || offer.availableFrom || '',
    endDate: to || '',
    goals: teacher.developmentGoals,
    supervisorName: '',
  });
  const save = useWorkingLifeMutation(planPeriod);
  const fields = ['startDate', 'endDate', 'general'] as const;
  const { setProblems, idOf, invalidProps, errorFor, summary } = useFormProblems((field) =>
    t(
      `workingLife.plan.errors.${(fields as readonly string[]).includes(field) ? (field as (typeof fields)[number]) : 'general'}`,
    ),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = [
      ...(DAY.test(v.startDate) ? [] : ['startDate']),
      ...(DAY.test(v.endDate) && v.endDate >= v.startDate ? [] : ['endDate']),
    ];
    setProblems(problems);
    if (problems.length) return;
    save.mutate(
      { teacherId: teacher.id, offerId: offer.id, ...v },
      { onSuccess: onDone, onError: (error) => setProblems(apiProblems(error, fields)) },
    );
  }

  return (
    <FormPanel title={t('workingLife.plan.title', { host: offer.organisationName })}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <p className="field__hint">
          {labels.text(offer.title)}
          {offer.availableFrom || offer.availableTo
            ? ` · ${t('workingLife.available', { range: labels.range(offer.availableFrom, offer.availableTo) })}`
            : ''}
        </p>
        {summary(save.error)}
        <div className="wl-form__row">
          <div className="field">
            <label htmlFor={idOf('startDate')}>{t('workingLife.plan.start')}</label>
            <input
              id={idOf('startDate')}
              type="date"
              value={v.startDate}
              {...invalidProps('startDate')}
              onChange={(e) => setV({ ...v, startDate: e.target.value })}
            />
            {errorFor('startDate')}
          </div>
          <div className="field">
            <label htmlFor={idOf('endDate')}>{t('workingLife.plan.end')}</label>
            <input
              id={idOf('endDate')}
              type="date"
              value={v.endDate}
              {...invalidProps('endDate')}
              onChange={(e) => setV({ ...v, endDate: e.target.value })}
            />
            {errorFor('endDate')}
          </div>
        </div>
        <div className="field">
          <label htmlFor={idOf('goals')}>{t('workingLife.plan.goals')}</label>
          <textarea
            id={idOf('goals')}
            rows={3}
            maxLength={5000}
            value={v.goals}
            onChange={(e) => setV({ ...v, goals: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={idOf('supervisor')}>{t('workingLife.plan.supervisor')}</label>
          <input
            id={idOf('supervisor')}
            maxLength={200}
            value={v.supervisorName}
            aria-describedby={`${idOf('supervisor')}-hint`}
            onChange={(e) => setV({ ...v, supervisorName: e.target.value })}
          />
          <p className="field__hint" id={`${idOf('supervisor')}-hint`}>
            {t('workingLife.plan.supervisorHint')}
          </p>
        </div>
        <FormActions submit={t('workingLife.plan.submit')} pending={save.isPending} onCancel={onCancel} />
      </form>
    </FormPanel>
  );
}

export { apiProblems, EMAIL, FormActions };
