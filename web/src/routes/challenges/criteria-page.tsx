import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Localised, request } from '../../api.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { pickLabel, useLocale } from '../../locale.ts';
import { useSession } from '../../queries.ts';
import { ChallengeBreadcrumb } from './challenge-filters.tsx';
import { challengeKeys, type Criterion, useCriteria } from './challenges-api.ts';
import './challenges.css';

type Draft = { label: Localised; description: Localised; weight: string; maxScore: string; active: boolean };

const LANGS = ['fi', 'sv', 'en'] as const;
const EMPTY: Draft = {
  label: { fi: '', sv: '', en: '' },
  description: { fi: '', sv: '', en: '' },
  weight: '1',
  maxScore: '5',
  active: true,
};

function toDraft(c: Criterion): Draft {
  return {
    label: { ...c.label },
    description: { ...c.description },
    weight: String(c.weight),
    maxScore: String(c.maxScore),
    active: c.active,
  };
}

function toBody(d: Draft) {
  return {
    label: d.label,
    description: d.description,
    weight: Number(d.weight),
    maxScore: Number(d.maxScore),
    active: d.active,
  };
}

/** Admins configure the criteria evaluators score challenges on (weights, scales, labels in three languages). */
export function CriteriaPage() {
  const { t } = useTranslation();
  const session = useSession();
  const admin = session.data?.user?.role === 'admin';
  const criteria = useCriteria(admin);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: ({ id, draft }: { id: string | null; draft: Draft }) =>
      id
        ? request<Criterion>('PATCH', `/evaluation-criteria/${encodeURIComponent(id)}`, {
            body: toBody(draft),
          })
        : request<Criterion>('POST', '/evaluation-criteria', { body: toBody(draft) }),
    onSuccess: () => {
      setEditing(null);
      void queryClient.invalidateQueries({ queryKey: challengeKeys.criteria });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => request<void>('DELETE', `/evaluation-criteria/${encodeURIComponent(id)}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: challengeKeys.criteria }),
  });

  const breadcrumb = <ChallengeBreadcrumb>{t('challenges.criteria.title')}</ChallengeBreadcrumb>;
  if (session.isPending) return <Loading />;
  if (!admin) {
    return (
      <article className="prose">
        {breadcrumb}
        <PageHeading title={t('challenges.criteria.title')} lead={t('challenges.criteria.onlyAdmins')} />
        <p>
          <Link to="/challenges/ranking">{t('challenges.rankingLink')}</Link>
        </p>
      </article>
    );
  }
  return (
    <>
      {breadcrumb}
      <PageHeading title={t('challenges.criteria.title')} lead={t('challenges.criteria.lead')} />
      {criteria.isPending ? <Loading /> : null}
      {criteria.isError ? <ErrorMessage error={criteria.error} /> : null}
      {remove.isError ? <ErrorMessage error={remove.error} /> : null}
      <ul className="criteria-list">
        {(criteria.data ?? []).map((c) => (
          <li key={c.id} className="card">
            {editing === c.id ? (
              <CriterionForm
                initial={toDraft(c)}
                pending={save.isPending}
                error={save.isError ? save.error : null}
                onCancel={() => setEditing(null)}
                onSave={(draft) => save.mutate({ id: c.id, draft })}
              />
            ) : (
              <CriterionView
                criterion={c}
                onEdit={() => setEditing(c.id)}
                onDelete={() => {
                  if (
                    window.confirm(t('challenges.criteria.confirmDelete', { name: pickLabel(c.label, 'en') }))
                  ) {
                    remove.mutate(c.id);
                  }
                }}
              />
            )}
          </li>
        ))}
      </ul>
      <section className="section" aria-labelledby="criteria-new">
        <h2 id="criteria-new">{t('challenges.criteria.add')}</h2>
        {editing === 'new' ? (
          <div className="card">
            <CriterionForm
              initial={EMPTY}
              pending={save.isPending}
              error={save.isError ? save.error : null}
              onCancel={() => setEditing(null)}
              onSave={(draft) => save.mutate({ id: null, draft })}
            />
          </div>
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setEditing('new')}>
            {t('challenges.criteria.add')}
          </button>
        )}
      </section>
    </>
  );
}

function CriterionView(props: { criterion: Criterion; onEdit(): void; onDelete(): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const c = props.criterion;
  return (
    <div className="criterion">
      <h2 className="criterion__title">
        {pickLabel(c.label, locale.language)}
        {c.active ? null : <span className="badge">{t('challenges.criteria.inactive')}</span>}
      </h2>
      <p>{pickLabel(c.description, locale.language)}</p>
      <p className="muted">
        {t('challenges.criteria.summary', { weight: locale.formatNumber(c.weight), max: c.maxScore })}
      </p>
      <div className="form__actions">
        <button type="button" className="button button--small button--secondary" onClick={props.onEdit}>
          {t('challenges.criteria.edit')}
        </button>
        <button type="button" className="link-button link-button--danger" onClick={props.onDelete}>
          {t('challenges.criteria.delete')}
        </button>
      </div>
    </div>
  );
}

function CriterionForm(props: {
  initial: Draft;
  pending: boolean;
  error: unknown;
  onSave(draft: Draft): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(props.initial);
  const [tried, setTried] = useState(false);
  const missing = LANGS.some((lang) => !draft.label[lang].trim());
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!missing) props.onSave(draft);
  }
  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      {tried && missing ? (
        <p className="field__error" role="alert">
          {t('challenges.criteria.labelRequired')}
        </p>
      ) : null}
      {LANGS.map((lang) => (
        <div className="field" key={`label-${lang}`}>
          <label htmlFor={`${id}-label-${lang}`}>{t(`challenges.criteria.label.${lang}`)}</label>
          <input
            id={`${id}-label-${lang}`}
            value={draft.label[lang]}
            maxLength={200}
            aria-invalid={(tried && !draft.label[lang].trim()) || undefined}
            onChange={(e) => setDraft({ ...draft, label: { ...draft.label, [lang]: e.target.value } })}
          />
        </div>
      ))}
      {LANGS.map((lang) => (
        <div className="field" key={`description-${lang}`}>
          <label htmlFor={`${id}-description-${lang}`}>{t(`challenges.criteria.description.${lang}`)}</label>
          <textarea
            id={`${id}-description-${lang}`}
            rows={2}
            maxLength={1000}
            value={draft.description[lang]}
            onChange={(e) =>
              setDraft({ ...draft, description: { ...draft.description, [lang]: e.target.value } })
            }
          />
        </div>
      ))}
      <div className="field">
        <label htmlFor={`${id}-weight`}>{t('challenges.criteria.weight')}</label>
        <input
          id={`${id}-weight`}
          type="number"
          min={0}
          max={100}
          step={0.5}
          value={draft.weight}
          onChange={(e) => setDraft({ ...draft, weight: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-max`}>{t('challenges.criteria.maxScore')}</label>
        <input
          id={`${id}-max`}
          type="number"
          min={1}
          max={100}
          value={draft.maxScore}
          onChange={(e) => setDraft({ ...draft, maxScore: e.target.value })}
        />
      </div>
      <div className="field field--checkbox">
        <label>
          <input
            type="checkbox"
            checked={draft.active}
            onChange={(e) => setDraft({ ...draft, active: e.target.checked })}
          />{' '}
          {t('challenges.criteria.active')}
        </label>
      </div>
      <div className="form__actions">
        <button type="submit" className="button" disabled={props.pending}>
          {t('challenges.criteria.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={props.onCancel}>
          {t('challenges.criteria.cancel')}
        </button>
      </div>
      {props.error ? <ErrorMessage error={props.error} /> : null}
    </form>
  );
}
