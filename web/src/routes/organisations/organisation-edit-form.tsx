import { type FormEvent, type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ApiError,
  ORGANISATION_TYPES,
  type Organisation,
  type OrganisationInput,
  type OrganisationType,
} from '../../api.ts';
import { useOrganisationTypeLabel } from '../../components/organisation-type.ts';
import { ErrorMessage } from '../../components/status.tsx';
import { pickLabel, useLocale } from '../../locale.ts';
import { useRegions, useUpdateOrganisation } from '../../queries.ts';

const FIELDS = [
  'name',
  'nameEn',
  'type',
  'regionId',
  'municipality',
  'website',
  'businessId',
  'sme',
  'description',
  'description.fi',
  'description.sv',
  'description.en',
  'isPublic',
] as const;
type FieldName = (typeof FIELDS)[number];
const HINTED = new Set<FieldName>(['nameEn', 'businessId', 'website', 'sme', 'isPublic']);

interface FormValues {
  name: string;
  nameEn: string;
  type: OrganisationType;
  regionId: string;
  municipality: string;
  website: string;
  businessId: string;
  /** '' when not known. */
  sme: '' | 'yes' | 'no';
  descriptionFi: string;
  descriptionSv: string;
  descriptionEn: string;
  isPublic: boolean;
}

interface FieldError {
  field: FieldName | null;
  /** The server's own wording (English), kept as a detail. */
  serverMessage: string;
}

function toValues(organisation: Organisation): FormValues {
  return {
    name: organisation.name,
    nameEn: organisation.nameEn ?? '',
    type: organisation.type,
    regionId: organisation.regionId ?? '',
    municipality: organisation.municipality ?? '',
    website: organisation.website ?? '',
    businessId: organisation.businessId ?? '',
    sme: organisation.sme === null ? '' : organisation.sme ? 'yes' : 'no',
    descriptionFi: organisation.description.fi,
    descriptionSv: organisation.description.sv,
    descriptionEn: organisation.description.en,
    isPublic: organisation.isPublic,
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** Only what changed is sent, so two people editing different fields do not overwrite each other. */
export function changedFields(before: FormValues, after: FormValues): OrganisationInput {
  const input: OrganisationInput = {};
  if (after.name.trim() !== before.name) input.name = after.name.trim();
  if (orNull(after.nameEn) !== orNull(before.nameEn)) input.nameEn = orNull(after.nameEn);
  if (after.type !== before.type) input.type = after.type;
  if (after.regionId !== before.regionId) input.regionId = after.regionId || null;
  if (orNull(after.municipality) !== orNull(before.municipality))
    input.municipality = orNull(after.municipality);
  if (orNull(after.website) !== orNull(before.website)) input.website = orNull(after.website);
  if (orNull(after.businessId) !== orNull(before.businessId)) input.businessId = orNull(after.businessId);
  if (after.sme !== before.sme) input.sme = after.sme === '' ? null : after.sme === 'yes';
  if (
    after.descriptionFi !== before.descriptionFi ||
    after.descriptionSv !== before.descriptionSv ||
    after.descriptionEn !== before.descriptionEn
  ) {
    input.description = {
      fi: after.descriptionFi.trim(),
      sv: after.descriptionSv.trim(),
      en: after.descriptionEn.trim(),
    };
  }
  if (after.isPublic !== before.isPublic) input.isPublic = after.isPublic;
  return input;
}

function fieldOf(path: string[]): FieldName | null {
  const parts = path[0] === 'body' ? path.slice(1) : path;
  const joined = parts.slice(0, 2).join('.');
  if ((FIELDS as readonly string[]).includes(joined)) return joined as FieldName;
  const first = parts[0] ?? '';
  return (FIELDS as readonly string[]).includes(first) ? (first as FieldName) : null;
}

interface Props {
  organisation: Organisation;
  onSaved: () => void;
  onCancel: () => void;
}

export function OrganisationEditForm({ organisation, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const typeLabel = useOrganisationTypeLabel();
  const regions = useRegions();
  const update = useUpdateOrganisation(organisation.id);
  const initial = useMemo(() => toValues(organisation), [organisation]);
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [nothingChanged, setNothingChanged] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const idOf = (field: FieldName) => `${baseId}-${field.replace('.', '-')}`;

  useEffect(() => {
    if (errors.length > 0) summaryRef.current?.focus();
  }, [errors]);

  const regionOptions = (regions.data ?? [])
    .map((r) => ({ id: r.id, label: pickLabel(r.name, locale.language) }))
    .sort((a, b) => locale.collator.compare(a.label, b.label));
  const typeOptions = ORGANISATION_TYPES.map((value) => ({ value, label: typeLabel(value) })).sort((a, b) =>
    locale.collator.compare(a.label, b.label),
  );

  function set<K extends keyof FormValues>(key: K, value: FormValues[K]) {
    setValues((current) => ({ ...current, [key]: value }));
    setNothingChanged(false);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (values.name.trim() === '') {
      setErrors([{ field: 'name', serverMessage: '' }]);
      return;
    }
    const input = changedFields(initial, values);
    if (Object.keys(input).length === 0) {
      setErrors([]);
      setNothingChanged(true);
      return;
    }
    setErrors([]);
    update.mutate(input, {
      onSuccess: onSaved,
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'validation_failed') {
          const issues = error.issues.map((issue) => ({
            field: fieldOf(issue.path),
            serverMessage: issue.message,
          }));
          setErrors(issues.length > 0 ? issues : [{ field: null, serverMessage: error.message }]);
        }
      },
    });
  }

  const errorsFor = (field: FieldName) => errors.filter((error) => error.field === field);
  const messageFor = (field: FieldName | null) =>
    field ? t(`edit.errors.${field.replace('.', '_') as FieldKey}`) : t('edit.errors.general');

  function fieldProps(field: FieldName) {
    const has = errorsFor(field).length > 0;
    const describedBy = [has ? `${idOf(field)}-error` : '', HINTED.has(field) ? `${idOf(field)}-hint` : ''];
    return {
      id: idOf(field),
      'aria-invalid': has || undefined,
      'aria-describedby': describedBy.filter(Boolean).join(' ') || undefined,
    };
  }

  function renderErrors(field: FieldName) {
    const list = errorsFor(field);
    if (list.length === 0) return null;
    return (
      <div className="field__error" id={`${idOf(field)}-error`}>
        {list.map((error, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: messages have no identity
          <p key={index}>
            <span className="visually-hidden">{t('edit.errorPrefix')} </span>
            {messageFor(field)}
            {error.serverMessage && locale.language !== 'en' ? (
              <span className="field__error-detail" lang="en">
                {' '}
                ({error.serverMessage})
              </span>
            ) : null}
            {error.serverMessage && locale.language === 'en' ? ` (${error.serverMessage})` : null}
          </p>
        ))}
      </div>
    );
  }

  const otherError =
    update.isError && !(update.error instanceof ApiError && update.error.code === 'validation_failed');

  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      {errors.length > 0 ? (
        <div className="error-summary" ref={summaryRef} tabIndex={-1} role="alert">
          <p className="error-summary__title">{t('edit.errorSummary')}</p>
          <ul>
            {errors.map((error, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: messages have no identity
              <li key={index}>
                {error.field ? (
                  <a href={`#${idOf(firstInput(error.field))}`}>{messageFor(error.field)}</a>
                ) : (
                  messageFor(null)
                )}
                {error.field === null && error.serverMessage ? (
                  <span className="field__error-detail" lang="en">
                    {' '}
                    ({error.serverMessage})
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {otherError ? <ErrorMessage error={update.error} title={t('edit.saveFailed')} /> : null}

      <div className="form__row">
        <Field
          label={t('edit.name')}
          required
          hint={null}
          field="name"
          idOf={idOf}
          errors={renderErrors('name')}
        >
          <input
            {...fieldProps('name')}
            value={values.name}
            onChange={(e) => set('name', e.target.value)}
            required
          />
        </Field>
        <Field
          label={t('edit.nameEn')}
          hint={t('edit.nameEnHint')}
          field="nameEn"
          idOf={idOf}
          errors={renderErrors('nameEn')}
        >
          <input
            {...fieldProps('nameEn')}
            lang="en"
            value={values.nameEn}
            onChange={(e) => set('nameEn', e.target.value)}
          />
        </Field>
      </div>

      <div className="form__row">
        <Field
          label={t('edit.type')}
          required
          hint={null}
          field="type"
          idOf={idOf}
          errors={renderErrors('type')}
        >
          <select
            {...fieldProps('type')}
            value={values.type}
            onChange={(e) => set('type', e.target.value as OrganisationType)}
          >
            {typeOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t('edit.region')}
          hint={null}
          field="regionId"
          idOf={idOf}
          errors={renderErrors('regionId')}
        >
          <select
            {...fieldProps('regionId')}
            value={values.regionId}
            onChange={(e) => set('regionId', e.target.value)}
          >
            <option value="">{t('edit.noRegion')}</option>
            {regionOptions.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </Field>
      </div>

      <div className="form__row">
        <Field
          label={t('edit.municipality')}
          hint={null}
          field="municipality"
          idOf={idOf}
          errors={renderErrors('municipality')}
        >
          <input
            {...fieldProps('municipality')}
            value={values.municipality}
            onChange={(e) => set('municipality', e.target.value)}
          />
        </Field>
        <Field
          label={t('edit.businessId')}
          hint={t('edit.businessIdHint')}
          field="businessId"
          idOf={idOf}
          errors={renderErrors('businessId')}
        >
          <input
            {...fieldProps('businessId')}
            value={values.businessId}
            inputMode="numeric"
            autoComplete="off"
            onChange={(e) => set('businessId', e.target.value)}
          />
        </Field>
      </div>

      <div className="form__row">
        <Field
          label={t('edit.website')}
          hint={t('edit.websiteHint')}
          field="website"
          idOf={idOf}
          errors={renderErrors('website')}
        >
          <input
            {...fieldProps('website')}
            type="url"
            value={values.website}
            onChange={(e) => set('website', e.target.value)}
          />
        </Field>
        <Field
          label={t('edit.sme')}
          hint={t('edit.smeHint')}
          field="sme"
          idOf={idOf}
          errors={renderErrors('sme')}
        >
          <select
            {...fieldProps('sme')}
            value={values.sme}
            onChange={(e) => set('sme', e.target.value as FormValues['sme'])}
          >
            <option value="">{t('edit.smeUnknown')}</option>
            <option value="yes">{t('edit.smeYes')}</option>
            <option value="no">{t('edit.smeNo')}</option>
          </select>
        </Field>
      </div>

      <fieldset className="fieldset">
        <legend>{t('edit.descriptions')}</legend>
        <p className="field__hint">{t('edit.descriptionsHint')}</p>
        {renderErrors('description')}
        <Field
          label={t('edit.descriptionFi')}
          hint={null}
          field="description.fi"
          idOf={idOf}
          errors={renderErrors('description.fi')}
        >
          <textarea
            {...fieldProps('description.fi')}
            lang="fi"
            rows={5}
            value={values.descriptionFi}
            onChange={(e) => set('descriptionFi', e.target.value)}
          />
        </Field>
        <Field
          label={t('edit.descriptionSv')}
          hint={null}
          field="description.sv"
          idOf={idOf}
          errors={renderErrors('description.sv')}
        >
          <textarea
            {...fieldProps('description.sv')}
            lang="sv"
            rows={5}
            value={values.descriptionSv}
            onChange={(e) => set('descriptionSv', e.target.value)}
          />
        </Field>
        <Field
          label={t('edit.descriptionEn')}
          hint={null}
          field="description.en"
          idOf={idOf}
          errors={renderErrors('description.en')}
        >
          <textarea
            {...fieldProps('description.en')}
            lang="en"
            rows={5}
            value={values.descriptionEn}
            onChange={(e) => set('descriptionEn', e.target.value)}
          />
        </Field>
      </fieldset>

      <div className="field field--checkbox">
        <input
          {...fieldProps('isPublic')}
          type="checkbox"
          checked={values.isPublic}
          onChange={(e) => set('isPublic', e.target.checked)}
        />
        <label htmlFor={idOf('isPublic')}>{t('edit.isPublic')}</label>
        <p className="field__hint" id={`${idOf('isPublic')}-hint`}>
          {t('edit.isPublicHint')}
        </p>
        {renderErrors('isPublic')}
      </div>

      <p className="form__status" role="status">
        {nothingChanged ? t('edit.nothingChanged') : update.isPending ? t('edit.saving') : ''}
      </p>
      <div className="form__actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {t('edit.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('edit.cancel')}
        </button>
      </div>
    </form>
  );
}

type FieldKey =
  | 'name'
  | 'nameEn'
  | 'type'
  | 'regionId'
  | 'municipality'
  | 'website'
  | 'businessId'
  | 'sme'
  | 'description'
  | 'description_fi'
  | 'description_sv'
  | 'description_en'
  | 'isPublic';

/** Where an error summary link for a field should land. */
function firstInput(field: FieldName): FieldName {
  return field === 'description' ? 'description.fi' : field;
}

interface FieldProps {
  label: string;
  hint: string | null;
  required?: boolean;
  field: FieldName;
  idOf: (field: FieldName) => string;
  errors: ReactNode;
  children: ReactNode;
}

function Field({ label, hint, required, field, idOf, errors, children }: FieldProps) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={idOf(field)}>
        {label}
        {required ? <span className="field__required"> ({t('edit.required')})</span> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={`${idOf(field)}-hint`}>
          {hint}
        </p>
      ) : null}
      {errors}
      {children}
    </div>
  );
}
