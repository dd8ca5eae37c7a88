import { type FormEvent, type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/status.tsx';
import { LANGUAGES, type Language } from '../../i18n/setup.ts';
import { pickLabel, useLocale } from '../../locale.ts';
import {
  type ConceptDetail,
  type ConceptPatch,
  type LabelLists,
  useConceptSchemes,
  useSchemeConcepts,
  useUpdateConcept,
} from './taxonomy-api.ts';
import { isSearchedScheme } from './concept-link.tsx';

export type EditField = 'labels' | `label.${Language}` | `alt.${Language}` | 'parentId';

export interface EditValues {
  labels: Record<Language, string>;
  alt: Record<Language, string>;
  parentId: string;
}

export function toEditValues(concept: Pick<ConceptDetail, 'labels' | 'altLabels' | 'parentId'>): EditValues {
  return {
    labels: { fi: concept.labels.fi, sv: concept.labels.sv, en: concept.labels.en },
    alt: {
      fi: concept.altLabels.fi.join('\n'),
      sv: concept.altLabels.sv.join('\n'),
      en: concept.altLabels.en.join('\n'),
    },
    parentId: concept.parentId ?? '',
  };
}

/** One alternative label a line; blank lines and repeats dropped. */
export function parseAltLabels(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const value = line.replace(/\s+/g, ' ').trim();
    if (value && !seen.has(value.toLocaleLowerCase())) {
      seen.add(value.toLocaleLowerCase());
      out.push(value);
    }
  }
  return out;
}

/** Only what changed is sent, so two admins editing different parts do not overwrite each other. */
export function conceptChanges(before: EditValues, after: EditValues): ConceptPatch {
  const patch: ConceptPatch = {};
  const labels: Partial<Record<Language, string>> = {};
  const alt: Partial<LabelLists> = {};
  for (const lang of LANGUAGES) {
    if (after.labels[lang].trim() !== before.labels[lang].trim()) labels[lang] = after.labels[lang].trim();
    const a = parseAltLabels(after.alt[lang]);
    if (a.join('\n') !== parseAltLabels(before.alt[lang]).join('\n')) alt[lang] = a;
  }
  if (Object.keys(labels).length) patch.labels = labels;
  if (Object.keys(alt).length) patch.altLabels = alt;
  if (after.parentId.trim() !== before.parentId) patch.parentId = after.parentId.trim() || null;
  return patch;
}

/** Problems the browser can see before asking the server. */
export function checkEditValues(values: EditValues): EditField[] {
  return LANGUAGES.every((lang) => values.labels[lang].trim() === '') ? ['labels'] : [];
}

function fieldOf(path: string[]): EditField | null {
  const parts = path[0] === 'body' ? path.slice(1) : path;
  const [first, second] = parts;
  const lang = LANGUAGES.find((l) => l === second);
  if (first === 'parentId') return 'parentId';
  if (first === 'labels') return lang ? `label.${lang}` : 'labels';
  if (first === 'altLabels' && lang) return `alt.${lang}`;
  return null;
}

interface Problem {
  field: EditField | null;
  serverMessage: string;
}

export function ConceptEditForm({
  concept,
  onSaved,
  onCancel,
}: {
  concept: ConceptDetail;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const update = useUpdateConcept(concept.id);
  const initial = useMemo(() => toEditValues(concept), [concept]);
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [nothingChanged, setNothingChanged] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const idOf = (field: EditField) => `${baseId}-${field.replace('.', '-')}`;

  const schemes = useConceptSchemes();
  const scheme = schemes.data?.find((s) => s.id === concept.scheme);
  const chooseParent = scheme ? !isSearchedScheme(scheme) : false;
  const siblings = useSchemeConcepts(chooseParent ? concept.scheme : null);
  const parentOptions = useMemo(() => {
    const items = siblings.data?.items ?? [];
    // A concept cannot move under itself or under one of its narrower concepts.
    const excluded = new Set([concept.id]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const item of items)
        if (item.parentId && excluded.has(item.parentId) && !excluded.has(item.id)) {
          excluded.add(item.id);
          grew = true;
        }
    }
    return items
      .filter((item) => !excluded.has(item.id))
      .map((item) => ({
        id: item.id,
        label: `${pickLabel(item.labels, locale.language) || item.id}${item.notation ? ` (${item.notation})` : ''}`,
      }))
      .sort((a, b) => locale.collator.compare(a.label, b.label));
  }, [siblings.data, concept.id, locale]);

  useEffect(() => {
    if (problems.length > 0) summaryRef.current?.focus();
  }, [problems]);

  function messageFor(field: EditField | null): string {
    if (field === null) return t('taxonomy.edit.errors.general');
    if (field === 'labels' || field.startsWith('label.')) return t('taxonomy.edit.errors.labels');
    if (field.startsWith('alt.')) return t('taxonomy.edit.errors.altLabels');
    return t('taxonomy.edit.errors.parentId');
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setNothingChanged(false);
    const local = checkEditValues(values);
    if (local.length) {
      setProblems(local.map((field) => ({ field, serverMessage: '' })));
      return;
    }
    const patch = conceptChanges(initial, values);
    if (Object.keys(patch).length === 0) {
      setProblems([]);
      setNothingChanged(true);
      return;
    }
    setProblems([]);
    update.mutate(patch, {
      onSuccess: onSaved,
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'validation_failed') {
          const issues = error.issues.map((issue) => ({
            field: fieldOf(issue.path),
            serverMessage: issue.message,
          }));
          setProblems(issues.length ? issues : [{ field: null, serverMessage: error.message }]);
        }
      },
    });
  }

  const errorsOf = (field: EditField) =>
    problems.filter((p) => p.field === field || (field === 'label.fi' && p.field === 'labels'));
  const inputProps = (field: EditField, hinted = false) => {
    const has = errorsOf(field).length > 0;
    return {
      id: idOf(field),
      'aria-invalid': has || undefined,
      'aria-describedby':
        [has ? `${idOf(field)}-error` : '', hinted ? `${idOf(field)}-hint` : ''].filter(Boolean).join(' ') ||
        undefined,
    };
  };
  const errorText = (field: EditField): ReactNode => {
    const list = errorsOf(field);
    if (!list.length) return null;
    return (
      <div className="field__error" id={`${idOf(field)}-error`}>
        {list.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: messages have no identity
          <p key={i}>
            <span className="visually-hidden">{t('edit.errorPrefix')} </span>
            {messageFor(p.field)}
            {p.serverMessage ? (
              <span className="field__error-detail" lang="en">
                {' '}
                ({p.serverMessage})
              </span>
            ) : null}
          </p>
        ))}
      </div>
    );
  };
  const otherError =
    update.isError && !(update.error instanceof ApiError && update.error.code === 'validation_failed');

  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      {problems.length > 0 ? (
        <div className="error-summary" ref={summaryRef} tabIndex={-1} role="alert">
          <p className="error-summary__title">{t('edit.errorSummary')}</p>
          <ul>
            {problems.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: messages have no identity
              <li key={i}>
                {p.field ? (
                  <a href={`#${idOf(p.field === 'labels' ? 'label.fi' : p.field)}`}>{messageFor(p.field)}</a>
                ) : (
                  messageFor(null)
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {otherError ? <ErrorMessage error={update.error} title={t('taxonomy.edit.saveFailed')} /> : null}

      <fieldset className="fieldset">
        <legend>{t('taxonomy.edit.labels')}</legend>
        <p className="field__hint">{t('taxonomy.edit.labelsHint')}</p>
        {LANGUAGES.map((lang) => (
          <div className="field" key={lang}>
            <label htmlFor={idOf(`label.${lang}`)}>{t(`taxonomy.edit.label_${lang}`)}</label>
            {errorText(`label.${lang}`)}
            <input
              {...inputProps(`label.${lang}`)}
              lang={lang}
              value={values.labels[lang]}
              onChange={(e) => setValues((v) => ({ ...v, labels: { ...v.labels, [lang]: e.target.value } }))}
            />
          </div>
        ))}
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('taxonomy.edit.altLabels')}</legend>
        {LANGUAGES.map((lang) => (
          <div className="field" key={lang}>
            <label htmlFor={idOf(`alt.${lang}`)}>{t(`taxonomy.edit.alt_${lang}`)}</label>
            <p className="field__hint" id={`${idOf(`alt.${lang}`)}-hint`}>
              {t('taxonomy.edit.altHint')}
            </p>
            {errorText(`alt.${lang}`)}
            <textarea
              {...inputProps(`alt.${lang}`, true)}
              lang={lang}
              rows={3}
              value={values.alt[lang]}
              onChange={(e) => setValues((v) => ({ ...v, alt: { ...v.alt, [lang]: e.target.value } }))}
            />
          </div>
        ))}
      </fieldset>

      <div className="field">
        <label htmlFor={idOf('parentId')}>{t('taxonomy.edit.parent')}</label>
        <p className="field__hint" id={`${idOf('parentId')}-hint`}>
          {chooseParent ? t('taxonomy.edit.parentHint') : t('taxonomy.edit.parentIdHint')}
        </p>
        {errorText('parentId')}
        {chooseParent ? (
          <select
            {...inputProps('parentId', true)}
            value={values.parentId}
            onChange={(e) => setValues((v) => ({ ...v, parentId: e.target.value }))}
          >
            <option value="">{t('taxonomy.edit.noParent')}</option>
            {parentOptions.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
            {values.parentId && !parentOptions.some((o) => o.id === values.parentId) ? (
              <option value={values.parentId}>{values.parentId}</option>
            ) : null}
          </select>
        ) : (
          <input
            {...inputProps('parentId', true)}
            value={values.parentId}
            autoComplete="off"
            onChange={(e) => setValues((v) => ({ ...v, parentId: e.target.value }))}
          />
        )}
      </div>

      {nothingChanged ? (
        <p className="notice" role="status">
          {t('taxonomy.edit.nothingChanged')}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? t('taxonomy.edit.saving') : t('taxonomy.edit.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('taxonomy.edit.cancel')}
        </button>
      </div>
    </form>
  );
}
