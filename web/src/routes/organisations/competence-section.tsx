import { type FormEvent, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompetenceStrength, Concept } from '../../api.ts';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { type Locale, pickLabel } from '../../locale.ts';
import { indexConcepts, useConcepts } from '../../queries.ts';
import { conceptOptions } from './concept-options.ts';
import { findEvidenceExcerpt } from './evidence-highlight.ts';
import {
  type Profile,
  type Suggestion,
  useAcceptSuggestion,
  useRejectSuggestion,
  useRemoveCompetence,
  useSetCompetence,
  useSuggestions,
} from './profile-api.ts';

export const STRENGTHS: CompetenceStrength[] = ['core', 'active', 'interest'];

/** The organisation's value-chain competences; for editors also the editor and the suggestions. */
export function CompetenceSection({ organisation, locale }: { organisation: Profile; locale: Locale }) {
  const { t } = useTranslation();
  const concepts = useConcepts();
  const index = useMemo(() => indexConcepts(concepts.data), [concepts.data]);
  const label = (id: string) => {
    const concept = index.get(id);
    return concept ? pickLabel(concept.labels, locale.language) : id;
  };
  const [editing, setEditing] = useState(false);
  const editorId = useId();

  const groups = STRENGTHS.map((strength) => ({
    strength,
    items: organisation.competences
      .filter((competence) => competence.strength === strength)
      .map((competence) => ({ ...competence, label: label(competence.conceptId) }))
      .sort((a, b) => locale.collator.compare(a.label, b.label)),
  })).filter((group) => group.items.length > 0);
  const withEvidence = groups.flatMap((group) => group.items).filter((item) => item.evidence);

  return (
    <section aria-labelledby="competences-heading">
      <h2 id="competences-heading">{t('profile.competences')}</h2>
      {groups.length === 0 ? <p className="muted">{t('profile.noCompetences')}</p> : null}
      {groups.map((group) => (
        <div key={group.strength} className="competence-group">
          <h3 className="competence-group__title">
            <span className={`strength-dot strength-dot--${group.strength}`} aria-hidden="true" />
            {t(`strength.${group.strength}`)}
          </h3>
          <p className="competence-group__hint">{t(`strength.${group.strength}Hint`)}</p>
          <ul className="chips">
            {group.items.map((item) => (
              <li key={item.conceptId} className={`chip chip--${group.strength}`}>
                <Link
                  to={`/organisations?concept=${encodeURIComponent(item.conceptId)}`}
                  className="chip__link"
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {withEvidence.length > 0 ? (
        <details className="evidence">
          <summary>{t('profile.evidence')}</summary>
          <dl>
            {withEvidence.map((item) => (
              <div key={item.conceptId}>
                <dt>{item.label}</dt>
                <dd>{item.evidence}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}

      {organisation.canEdit ? (
        <>
          <p>
            <button
              type="button"
              className="button button--secondary"
              aria-expanded={editing}
              aria-controls={editorId}
              onClick={() => setEditing((value) => !value)}
            >
              {editing ? t('organisations.competenceEditor.close') : t('organisations.competenceEditor.open')}
            </button>
          </p>
          {editing ? (
            <section id={editorId} className="panel" aria-labelledby={`${editorId}-heading`}>
              <CompetenceEditor
                headingId={`${editorId}-heading`}
                organisation={organisation}
                concepts={concepts.data ?? []}
                label={label}
                locale={locale}
              />
            </section>
          ) : null}
          <SuggestionPanel organisation={organisation} locale={locale} />
        </>
      ) : null}
    </section>
  );
}

function CompetenceEditor({
  headingId,
  organisation,
  concepts,
  label,
  locale,
}: {
  headingId: string;
  organisation: Profile;
  concepts: Concept[];
  label: (id: string) => string;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const setCompetence = useSetCompetence(organisation.id);
  const removeCompetence = useRemoveCompetence(organisation.id);
  const [status, setStatus] = useState('');
  const [filter, setFilter] = useState('');
  const [conceptId, setConceptId] = useState('');
  const [strength, setStrength] = useState<CompetenceStrength>('active');
  const [missingChoice, setMissingChoice] = useState(false);
  const ids = { filter: useId(), list: useId(), strength: useId() };

  const existing = useMemo(
    () => new Set(organisation.competences.map((c) => c.conceptId)),
    [organisation.competences],
  );
  const options = useMemo(
    () =>
      conceptOptions(concepts, locale.language, filter, existing, (labels) =>
        pickLabel(labels, locale.language),
      ),
    [concepts, locale.language, filter, existing],
  );
  const rows = organisation.competences
    .map((competence) => ({ ...competence, label: label(competence.conceptId) }))
    .sort((a, b) => locale.collator.compare(a.label, b.label));

  function onAdd(event: FormEvent) {
    event.preventDefault();
    if (!conceptId || !options.some((o) => o.id === conceptId)) {
      setMissingChoice(true);
      return;
    }
    setMissingChoice(false);
    const name = label(conceptId);
    setCompetence.mutate(
      { conceptId, strength },
      {
        onSuccess: () => {
          setStatus(t('organisations.competenceEditor.added', { concept: name }));
          setConceptId('');
        },
      },
    );
  }

  const failed = setCompetence.error ?? removeCompetence.error;
  return (
    <>
      <h3 id={headingId}>{t('organisations.competenceEditor.title')}</h3>
      <p className="form__status" role="status">
        {status}
      </p>
      {failed ? <ErrorMessage error={failed} title={t('edit.saveFailed')} /> : null}
      {rows.length === 0 ? (
        <p className="muted">{t('organisations.competenceEditor.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{t('organisations.competenceEditor.concept')}</th>
                <th scope="col">{t('organisations.competenceEditor.strength')}</th>
                <th scope="col">{t('organisations.competenceEditor.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.conceptId}>
                  <th scope="row">
                    {row.label}
                    {row.source === 'suggestion' ? (
                      <span className="chip__evidence">
                        {' '}
                        ({t('organisations.competenceEditor.fromSuggestion')})
                      </span>
                    ) : null}
                  </th>
                  <td>
                    <select
                      aria-label={t('organisations.competenceEditor.strengthOf', { concept: row.label })}
                      value={row.strength}
                      onChange={(event) =>
                        setCompetence.mutate(
                          { conceptId: row.conceptId, strength: event.target.value as CompetenceStrength },
                          {
                            onSuccess: () =>
                              setStatus(
                                t('organisations.competenceEditor.strengthChanged', { concept: row.label }),
                              ),
                          },
                        )
                      }
                    >
                      {STRENGTHS.map((value) => (
                        <option key={value} value={value}>
                          {t(`strength.${value}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link-button link-button--danger"
                      disabled={removeCompetence.isPending}
                      onClick={() =>
                        removeCompetence.mutate(row.conceptId, {
                          onSuccess: () =>
                            setStatus(t('organisations.competenceEditor.removed', { concept: row.label })),
                        })
                      }
                    >
                      {t('organisations.competenceEditor.remove')}
                      <span className="visually-hidden"> {row.label}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <form className="form" noValidate onSubmit={onAdd}>
        <fieldset className="fieldset">
          <legend>{t('organisations.competenceEditor.add')}</legend>
          <div className="field">
            <label htmlFor={ids.filter}>{t('organisations.competenceEditor.filter')}</label>
            <p className="field__hint" id={`${ids.filter}-hint`}>
              {t('organisations.competenceEditor.filterHint')}
            </p>
            <input
              id={ids.filter}
              type="search"
              autoComplete="off"
              aria-describedby={`${ids.filter}-hint`}
              aria-controls={ids.list}
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.list}>{t('organisations.competenceEditor.conceptList')}</label>
            {options.length === 0 ? (
              <p className="field__hint">{t('organisations.competenceEditor.noMatches')}</p>
            ) : null}
            <select
              id={ids.list}
              size={Math.min(8, Math.max(2, options.length))}
              value={conceptId}
              aria-invalid={missingChoice || undefined}
              aria-describedby={missingChoice ? `${ids.list}-error` : undefined}
              onChange={(event) => {
                setConceptId(event.target.value);
                setMissingChoice(false);
              }}
            >
              {options.map((option) => (
                <option key={option.id} value={option.id}>
                  {'\u00a0\u00a0\u00a0'.repeat(option.depth)}
                  {option.label}
                </option>
              ))}
            </select>
            {missingChoice ? (
              <p className="field__error" id={`${ids.list}-error`}>
                <span className="visually-hidden">{t('edit.errorPrefix')} </span>
                {t('organisations.competenceEditor.chooseFirst')}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor={ids.strength}>{t('organisations.competenceEditor.strength')}</label>
            <select
              id={ids.strength}
              value={strength}
              onChange={(event) => setStrength(event.target.value as CompetenceStrength)}
            >
              {STRENGTHS.map((value) => (
                <option key={value} value={value}>
                  {t(`strength.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="form__actions">
            <button type="submit" className="button" disabled={setCompetence.isPending}>
              {t('organisations.competenceEditor.addButton')}
            </button>
          </div>
        </fieldset>
      </form>
    </>
  );
}

function SuggestionPanel({ organisation, locale }: { organisation: Profile; locale: Locale }) {
  const { t } = useTranslation();
  const suggestions = useSuggestions(organisation.id, organisation.canEdit);
  const accept = useAcceptSuggestion(organisation.id);
  const reject = useRejectSuggestion(organisation.id);
  const [status, setStatus] = useState('');
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const failed = accept.error ?? reject.error;
  // The card that had focus disappears: keep keyboard users in the panel.
  const done = (message: string) => {
    setStatus(message);
    headingRef.current?.focus();
  };

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('organisations.suggestions.title')}
      </h3>
      <p className="field__hint">{t('organisations.suggestions.intro')}</p>
      <p className="form__status" role="status">
        {status}
      </p>
      {failed ? <ErrorMessage error={failed} title={t('edit.saveFailed')} /> : null}
      {suggestions.isPending ? <Loading /> : null}
      {suggestions.isError ? <ErrorMessage error={suggestions.error} /> : null}
      {suggestions.data && suggestions.data.length === 0 ? (
        <p className="muted">{t('organisations.suggestions.none')}</p>
      ) : null}
      {suggestions.data && suggestions.data.length > 0 ? (
        <ul className="result-list">
          {suggestions.data.map((suggestion) => (
            <li key={suggestion.conceptId}>
              <SuggestionCard
                suggestion={suggestion}
                organisation={organisation}
                locale={locale}
                busy={accept.isPending || reject.isPending}
                onAccept={(strength, name) =>
                  accept.mutate(
                    { conceptId: suggestion.conceptId, strength },
                    { onSuccess: () => done(t('organisations.suggestions.accepted', { concept: name })) },
                  )
                }
                onReject={(name) =>
                  reject.mutate(suggestion.conceptId, {
                    onSuccess: () => done(t('organisations.suggestions.rejected', { concept: name })),
                  })
                }
              />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function SuggestionCard({
  suggestion,
  organisation,
  locale,
  busy,
  onAccept,
  onReject,
}: {
  suggestion: Suggestion;
  organisation: Profile;
  locale: Locale;
  busy: boolean;
  onAccept: (strength: CompetenceStrength, name: string) => void;
  onReject: (name: string) => void;
}) {
  const { t } = useTranslation();
  const [strength, setStrength] = useState<CompetenceStrength>('active');
  const strengthId = useId();
  const name = pickLabel(suggestion.label, locale.language);
  const excerpt = findEvidenceExcerpt(organisation.description, suggestion.evidence, locale.language);
  return (
    <article className="card suggestion">
      <h4 className="card__title">{name}</h4>
      <p className="card__meta">
        {t('organisations.suggestions.confidence', {
          percent: locale.formatNumber(Math.round(suggestion.score * 100)),
        })}
      </p>
      <p>
        {t('organisations.suggestions.evidence')}{' '}
        {suggestion.evidence.map((word, index) => (
          <span key={word}>
            {index > 0 ? ', ' : ''}
            <mark>{word}</mark>
          </span>
        ))}
      </p>
      {excerpt ? (
        <figure>
          <figcaption className="visually-hidden">{t('organisations.suggestions.excerpt')}</figcaption>
          <blockquote lang={excerpt.language} className="muted">
            {excerpt.clippedStart ? '… ' : ''}
            {excerpt.segments.map((segment) =>
              segment.mark ? (
                <mark key={segment.start}>{segment.text}</mark>
              ) : (
                <span key={segment.start}>{segment.text}</span>
              ),
            )}
            {excerpt.clippedEnd ? ' …' : ''}
          </blockquote>
        </figure>
      ) : null}
      <div className="form--inline">
        <div className="field">
          <label htmlFor={strengthId}>{t('organisations.suggestions.strengthFor')}</label>
          <select
            id={strengthId}
            value={strength}
            onChange={(event) => setStrength(event.target.value as CompetenceStrength)}
          >
            {STRENGTHS.map((value) => (
              <option key={value} value={value}>
                {t(`strength.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          onClick={() => onAccept(strength, name)}
        >
          {t('organisations.suggestions.accept')}
          <span className="visually-hidden"> {name}</span>
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={busy}
          onClick={() => onReject(name)}
        >
          {t('organisations.suggestions.reject')}
          <span className="visually-hidden"> {name}</span>
        </button>
      </div>
    </article>
  );
}
