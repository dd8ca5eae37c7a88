import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/status.tsx';
import { pickLabel, useLocale } from '../../locale.ts';
import { indexConcepts, useOrganisation, useOrganisations } from '../../queries.ts';
import { useDebouncedValue } from '../../use-debounced-value.ts';
import { FormField, issueFields } from '../organisations/profile-form-field.tsx';
import { useChallengeLabels, useNames } from './challenge-labels.ts';
import {
  CHALLENGE_LANGUAGES,
  type ChallengeInput,
  HORIZONS,
  isChallengeLanguage,
  TRL_LEVELS,
  useTagSuggestions,
} from './challenges-api.ts';
import {
  chosenConcepts,
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  FIELD_ORDER,
  type Field,
  type ChallengeFormValues,
  TITLE_MAX,
  TITLE_MIN,
  toInput,
  validateChallenge,
} from './challenge-form-values.ts';
import { ConceptChooser } from './concept-chooser.tsx';
import { TrlHelp } from './trl-help.tsx';

const TAG_DELAY_MS = 600;

interface ChallengeFormProps {
  initial: ChallengeFormValues;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: ChallengeInput) => void;
  onCancel?: () => void;
}

export function ChallengeForm({
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: ChallengeFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useChallengeLabels();
  const names = useNames(locale);
  const [values, setValues] = useState(initial);
  const [invalid, setInvalid] = useState<Set<Field>>(new Set());
  const summaryRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const idOf = (field: Field) => `${baseId}-${field}`;

  // The tagger reads the title and the text, a moment after the person stops typing.
  const textToTag = useDebouncedValue(`${values.title}\n\n${values.description}`, TAG_DELAY_MS);
  const tags = useTagSuggestions(textToTag, values.language);
  const conceptIndex = useMemo(() => indexConcepts(names.concepts.data), [names.concepts.data]);
  const conceptName = names.concept;

  const chosen = useMemo(
    () =>
      chosenConcepts(values, tags.data ?? [], new Set(conceptIndex.keys()), (id, tag) =>
        tag ? pickLabel(tag.label, locale.language) : conceptName(id),
      ),
    [values, tags.data, conceptIndex, conceptName, locale.language],
  );
  const suggestedCount = chosen.filter((c) => c.suggested).length;

  // Organisations of the chosen region, and the one already chosen wherever it is.
  const organisations = useOrganisations({ region: values.regionId || undefined, page: 1, pageSize: 100 });
  const current = useOrganisation(values.organisationId || null);
  const organisationOptions = useMemo(() => {
    const list = (organisations.data?.items ?? []).map((o) => ({ id: o.id, label: o.name }));
    if (current.data && !list.some((o) => o.id === current.data.id))
      list.push({ id: current.data.id, label: current.data.name });
    return list.sort((a, b) => locale.collator.compare(a.label, b.label));
  }, [organisations.data, current.data, locale]);

  // A server's validation answer marks its fields too.
  useEffect(() => {
    if (error instanceof ApiError && error.code === 'validation_failed') {
      const fields = issueFields(error.issues);
      setInvalid(new Set(FIELD_ORDER.filter((field) => fields.has(field))));
    }
  }, [error]);

  useEffect(() => {
    if (invalid.size > 0) summaryRef.current?.focus();
  }, [invalid]);

  function set<K extends keyof ChallengeFormValues>(key: K, value: ChallengeFormValues[K]) {
    setValues((old) => ({ ...old, [key]: value }));
  }

  function addConcept(id: string) {
    setValues((old) => ({
      ...old,
      conceptIds: old.conceptIds.includes(id) ? old.conceptIds : [...old.conceptIds, id],
      dismissed: old.dismissed.filter((d) => d !== id),
    }));
  }

  function removeConcept(id: string) {
    setValues((old) => ({
      ...old,
      conceptIds: old.conceptIds.filter((c) => c !== id),
      dismissed: old.dismissed.includes(id) ? old.dismissed : [...old.dismissed, id],
    }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = validateChallenge(values);
    setInvalid(problems);
    if (problems.size > 0) return;
    onSubmit(
      toInput(
        values,
        chosen.map((c) => c.id),
      ),
    );
  }

  const message = (field: Field) =>
    t(`challenges.form.errors.${field}`, {
      titleMin: TITLE_MIN,
      titleMax: TITLE_MAX,
      descriptionMin: DESCRIPTION_MIN,
      descriptionMax: locale.formatNumber(DESCRIPTION_MAX),
    });
  const errorOf = (field: Field) => (invalid.has(field) ? message(field) : null);
  const otherError =
    error && !(error instanceof ApiError && error.code === 'validation_failed' && invalid.size > 0);

  return (
    <form className="form ch-form" noValidate onSubmit={submit}>
      {invalid.size > 0 ? (
        <div className="error-summary" ref={summaryRef} tabIndex={-1} role="alert">
          <p className="error-summary__title">{t('edit.errorSummary')}</p>
          <ul>
            {FIELD_ORDER.filter((field) => invalid.has(field)).map((field) => (
              <li key={field}>
                <a href={`#${idOf(field)}`}>{message(field)}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {otherError ? <ErrorMessage error={error} title={t('challenges.form.saveFailed')} /> : null}

      <div className="ch-form__head">
        <FormField
          id={idOf('title')}
          label={t('challenges.form.title')}
          hint={t('challenges.form.titleHint')}
          error={errorOf('title')}
        >
          {(props) => (
            <input
              {...props}
              lang={values.language}
              value={values.title}
              required
              onChange={(e) => set('title', e.target.value)}
            />
          )}
        </FormField>

        <FormField
          id={idOf('language')}
          label={t('challenges.form.language')}
          hint={t('challenges.form.languageHint')}
        >
          {(props) => (
            <select
              {...props}
              value={values.language}
              onChange={(e) => {
                if (isChallengeLanguage(e.target.value)) set('language', e.target.value);
              }}
            >
              {CHALLENGE_LANGUAGES.map((language) => (
                <option key={language} value={language}>
                  {labels.language(language)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>

      <FormField
        id={idOf('description')}
        label={t('challenges.form.description')}
        hint={t('challenges.form.descriptionHint')}
        error={errorOf('description')}
      >
        {(props) => (
          <textarea
            {...props}
            lang={values.language}
            rows={8}
            required
            value={values.description}
            onChange={(e) => set('description', e.target.value)}
          />
        )}
      </FormField>

      <ConceptChooser
        chosen={chosen}
        concepts={names.concepts.data ?? []}
        onAdd={addConcept}
        onRemove={removeConcept}
        busy={tags.isFetching}
        status={
          tags.data
            ? t('challenges.form.suggestionCount', {
                count: suggestedCount,
                formatted: locale.formatNumber(suggestedCount),
              })
            : ''
        }
      />

      <div className="ch-form__pair">
        <FormField
          id={idOf('regionId')}
          label={t('challenges.form.region')}
          hint={t('challenges.form.regionHint')}
        >
          {(props) => (
            <select {...props} value={values.regionId} onChange={(e) => set('regionId', e.target.value)}>
              <option value="">{t('challenges.form.noRegion')}</option>
              {names.regionOptions.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          id={idOf('organisationId')}
          label={t('challenges.form.organisation')}
          hint={t('challenges.form.organisationHint')}
        >
          {(props) => (
            <select
              {...props}
              value={values.organisationId}
              onChange={(e) => set('organisationId', e.target.value)}
            >
              <option value="">{t('challenges.form.noOrganisation')}</option>
              {organisationOptions.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>

      <fieldset className="fieldset">
        <legend>{t('challenges.form.maturity')}</legend>
        <TrlHelp />
        <div className="ch-form__pair">
          {(['trlNow', 'trlWanted'] as const).map((field) => (
            <FormField
              key={field}
              id={idOf(field)}
              label={t(`challenges.form.${field}`)}
              error={errorOf(field)}
            >
              {(props) => (
                <select {...props} value={values[field]} onChange={(e) => set(field, e.target.value)}>
                  <option value="">{t('challenges.form.notGiven')}</option>
                  {TRL_LEVELS.map((level) => (
                    <option key={level} value={level}>
                      {t('challenges.trl.option', { level, text: t(`challenges.trl.short${level}`) })}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          ))}
        </div>
        <fieldset className="ch-radios" id={idOf('horizon')}>
          <legend>{t('challenges.form.horizon')}</legend>
          {(['', ...HORIZONS] as const).map((horizon) => (
            <label key={horizon || 'none'} className="ch-radio">
              <input
                type="radio"
                name={`${baseId}-horizon`}
                value={horizon}
                checked={values.horizon === horizon}
                onChange={() => set('horizon', horizon)}
              />
              {horizon ? labels.horizon(horizon) : t('challenges.form.notGiven')}
            </label>
          ))}
        </fieldset>
      </fieldset>

      <div className="field field--checkbox">
        <input
          id={`${baseId}-public`}
          type="checkbox"
          checked={values.isPublic}
          aria-describedby={`${baseId}-public-hint`}
          onChange={(e) => set('isPublic', e.target.checked)}
        />
        <label htmlFor={`${baseId}-public`}>{t('challenges.form.isPublic')}</label>
        <p className="field__hint" id={`${baseId}-public-hint`}>
          {t('challenges.form.isPublicHint')}
        </p>
      </div>

      <p className="form__status" role="status">
        {pending ? t('challenges.form.saving') : ''}
      </p>
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('challenges.form.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
