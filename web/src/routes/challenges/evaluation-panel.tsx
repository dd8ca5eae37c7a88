import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { pickLabel, useLocale } from '../../locale.ts';
import { useDecimal } from './challenge-labels.ts';
import { type Criterion, type Evaluation, useEvaluation, useSaveEvaluation } from './challenges-api.ts';

export function activeCriteria(criteria: Criterion[]): Criterion[] {
  return criteria.filter((c) => c.active).sort((a, b) => a.position - b.position);
}

/** An evaluator's own scores per criterion and private note, and everyone's summary. */
export function EvaluationPanel({ challengeId }: { challengeId: string }) {
  const { t } = useTranslation();
  const evaluation = useEvaluation(challengeId, true);
  const [open, setOpen] = useState(false);
  const headingId = useId();
  const formId = useId();
  const mine = evaluation.data?.mine;
  return (
    <section className="panel ch-evaluation" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('challenges.evaluation.title')}</h2>
      {evaluation.isPending ? <Loading /> : null}
      {evaluation.isError ? <ErrorMessage error={evaluation.error} /> : null}
      {evaluation.data ? (
        <>
          <EvaluationSummary evaluation={evaluation.data} />
          <p>
            <button
              type="button"
              className="button button--secondary"
              aria-expanded={open}
              aria-controls={formId}
              onClick={() => setOpen((v) => !v)}
            >
              {open
                ? t('challenges.evaluation.close')
                : mine
                  ? t('challenges.evaluation.openEdit')
                  : t('challenges.evaluation.open')}
            </button>
          </p>
          <div id={formId} hidden={!open}>
            <p className="section__intro">{t('challenges.evaluation.intro')}</p>
            <EvaluationForm challengeId={challengeId} evaluation={evaluation.data} />
          </div>
        </>
      ) : null}
    </section>
  );
}

function EvaluationForm({ challengeId, evaluation }: { challengeId: string; evaluation: Evaluation }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useSaveEvaluation(challengeId);
  const criteria = useMemo(() => activeCriteria(evaluation.criteria), [evaluation.criteria]);
  const [scores, setScores] = useState<Record<string, number>>(evaluation.mine?.scores ?? {});
  const [note, setNote] = useState(evaluation.mine?.note ?? '');
  const [status, setStatus] = useState('');
  const baseId = useId();

  useEffect(() => {
    setScores(evaluation.mine?.scores ?? {});
    setNote(evaluation.mine?.note ?? '');
  }, [evaluation.mine]);

  const decimal = useDecimal(locale);

  function submit(event: FormEvent) {
    event.preventDefault();
    setStatus('');
    save.mutate({ scores, note }, { onSuccess: () => setStatus(t('challenges.evaluation.saved')) });
  }

  const summary = evaluation.summary;
  return (
    <form className="form" onSubmit={submit}>
      {criteria.map((criterion) => {
        const label = pickLabel(criterion.label, locale.language);
        const description = pickLabel(criterion.description, locale.language);
        const mean = summary.perCriterion[criterion.id];
        const levels = Array.from({ length: criterion.maxScore + 1 }, (_, i) => i);
        const id = `${baseId}-${criterion.id}`;
        return (
          <fieldset
            key={criterion.id}
            className="ch-criterion"
            aria-describedby={description ? `${id}-hint` : undefined}
          >
            <legend>
              {label}
              {criterion.weight !== 1 ? (
                <span className="ch-criterion__weight">
                  {' '}
                  {t('challenges.evaluation.weight', { weight: locale.formatNumber(criterion.weight) })}
                </span>
              ) : null}
            </legend>
            {description ? (
              <p className="field__hint" id={`${id}-hint`}>
                {description}
              </p>
            ) : null}
            <div className="ch-scale">
              {levels.map((level) => (
                <label key={level} className="ch-scale__option">
                  <input
                    type="radio"
                    name={id}
                    value={level}
                    checked={scores[criterion.id] === level}
                    onChange={() => setScores((old) => ({ ...old, [criterion.id]: level }))}
                  />
                  <span>{level}</span>
                </label>
              ))}
              {scores[criterion.id] !== undefined ? (
                <button
                  type="button"
                  className="link-button ch-scale__clear"
                  onClick={() =>
                    setScores((old) => {
                      const { [criterion.id]: _removed, ...rest } = old;
                      return rest;
                    })
                  }
                >
                  {t('challenges.evaluation.clear')}
                  <span className="visually-hidden"> {label}</span>
                </button>
              ) : null}
            </div>
            <p className="ch-criterion__mean">
              {mean !== undefined
                ? t('challenges.evaluation.mean', {
                    mean: decimal(mean),
                    max: criterion.maxScore,
                  })
                : t('challenges.evaluation.noMean')}
            </p>
          </fieldset>
        );
      })}
      <div className="field">
        <label htmlFor={`${baseId}-note`}>{t('challenges.evaluation.note')}</label>
        <p className="field__hint" id={`${baseId}-note-hint`}>
          {t('challenges.evaluation.noteHint')}
        </p>
        <textarea
          id={`${baseId}-note`}
          aria-describedby={`${baseId}-note-hint`}
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <p className="form__status" role="status">
        {save.isPending ? t('challenges.form.saving') : status}
      </p>
      {save.isError ? <ErrorMessage error={save.error} title={t('challenges.evaluation.failed')} /> : null}
      <div className="form__actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('challenges.evaluation.save')}
        </button>
      </div>
    </form>
  );
}

function EvaluationSummary({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const summary = evaluation.summary;
  return (
    <div className="ch-evaluation__summary">
      <p className="ch-evaluation__score">
        {summary.evaluatorCount > 0 && summary.score !== null ? (
          <>
            <span className="ch-evaluation__big">{locale.formatNumber(Math.round(summary.score))}</span>
            <span> / 100</span>
          </>
        ) : (
          <span className="muted">{t('challenges.evaluation.noScores')}</span>
        )}
      </p>
      <p className="muted">
        {t('challenges.evaluation.evaluators', {
          count: summary.evaluatorCount,
          formatted: locale.formatNumber(summary.evaluatorCount),
        })}
      </p>
    </div>
  );
}
