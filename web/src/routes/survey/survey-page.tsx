import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../api.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { changeLanguage } from '../../i18n/setup.ts';
import { pickLabel, useLocale } from '../../locale.ts';
import { useConcepts } from '../../queries.ts';
import { EDUCATION_LEVEL_SCHEME, MIN_EMPLOYERS } from '../skills/skills-api.ts';
import { qualificationsByLevel } from '../skills/skills-labels.ts';
import { NeedFieldset, type NeedOptions } from './need-fieldset.tsx';
import {
  getSurvey,
  keepTokenOutOfReferrer,
  type LinkProblem,
  linkProblemOf,
  type Survey,
  type SurveyAnswer,
  saveSurvey,
} from './survey-api.ts';
import { answersFromRows, emptyRow, type NeedRow, type RowProblem, rowsFromAnswers } from './survey-rows.ts';
import './survey.css';

/** The respondent's page, opened from a personal link: no account, the token from the address. */
export function SurveyPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  useEffect(keepTokenOutOfReferrer, []);
  const survey = useQuery({
    queryKey: ['survey', token],
    queryFn: ({ signal }) => getSurvey(token, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

  // The respondent's own language by default, once per link; the language switch still works.
  const applied = useRef<string | null>(null);
  const language = survey.data?.language;
  useEffect(() => {
    if (!language || applied.current === token) return;
    applied.current = token;
    void changeLanguage(language);
  }, [language, token]);

  if (survey.isPending)
    return (
      <>
        <PageHeading title={t('survey.title')} />
        <Loading />
      </>
    );
  if (survey.isError) {
    const problem = linkProblemOf(survey.error);
    return problem ? <LinkProblemPage problem={problem} /> : <ErrorMessage error={survey.error} />;
  }
  return <SurveyForm token={token} survey={survey.data} />;
}

function LinkProblemPage({ problem }: { problem: LinkProblem }) {
  const { t } = useTranslation();
  return (
    <div className="narrow survey-problem">
      <PageHeading title={t(`survey.problem.${problem}.title`)} eyebrow={t('survey.title')} />
      <div className={problem === 'round_closed' ? 'notice' : 'notice notice--error'}>
        <p>{t(`survey.problem.${problem}.text`)}</p>
      </div>
      <p>{t('survey.problem.contact')}</p>
    </div>
  );
}

type Action = 'save' | 'submit';

function SurveyForm({ token, survey }: { token: string; survey: Survey }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const { instrument } = survey.round;
  const onlyRegion = instrument.regions.length === 1 ? instrument.regions[0]!.id : '';
  const [rows, setRows] = useState<NeedRow[]>(() =>
    survey.answers.length ? rowsFromAnswers(survey.answers) : [emptyRow(onlyRegion)],
  );
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [generalProblem, setGeneralProblem] = useState(false);
  const [done, setDone] = useState<{ action: Action; at: string } | null>(null);
  const [dirty, setDirty] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const focusKey = useRef<string | null>(null);
  const ids = { needs: useId(), status: useId() };
  const levels = useConcepts(EDUCATION_LEVEL_SCHEME);

  const options: NeedOptions = useMemo(() => {
    const byLabel = (list: { id: string; label: string }[]) =>
      list.sort((a, b) => locale.collator.compare(a.label, b.label));
    const label = (l: { id: string; label: Survey['round']['title'] }) => ({
      id: l.id,
      label: pickLabel(l.label, locale.language),
    });
    const qualifications = qualificationsByLevel(levels.data ?? [], locale.language);
    return {
      roles: byLabel(instrument.roles.map(label)),
      skills: byLabel(instrument.skills.map(label)),
      regions: byLabel(instrument.regions.map(label)),
      levels: instrument.eqfLevels
        .slice()
        .sort((a, b) => a.level - b.level)
        .map((l) => ({
          id: String(l.level),
          label: t('survey.eqfOption', {
            level: l.level,
            qualifications: (qualifications.get(l.level) ?? []).join(', '),
          }).replace(/\s[–-]\s$/, ''),
        })),
      askRecruitmentDifficulty: instrument.askRecruitmentDifficulty,
      askFreeText: instrument.askFreeText,
    };
  }, [instrument, locale, levels.data, t]);

  const save = useMutation({
    mutationFn: ({ action, answers }: { action: Action; answers: SurveyAnswer[] }) =>
      saveSurvey(token, answers, action === 'submit'),
    onSuccess: (result, { action }) => {
      queryClient.setQueryData(['survey', token], result);
      setDone({ action, at: new Date().toISOString() });
      setDirty(false);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'validation_failed') {
        const fromServer = serverProblems(error);
        setProblems(fromServer);
        setGeneralProblem(fromServer.length === 0);
      }
    },
  });

  useEffect(() => {
    if (problems.length > 0 || generalProblem) summaryRef.current?.focus();
  }, [problems, generalProblem]);

  // A new need takes the focus at its first field, once it is drawn.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after the rows change
  useEffect(() => {
    if (!focusKey.current) return;
    document.getElementById(`${focusKey.current}-roleId`)?.focus();
    focusKey.current = null;
  }, [rows]);

  // Warn before leaving with unsaved changes.
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  function change(index: number, next: NeedRow) {
    setRows((current) => current.map((row, i) => (i === index ? next : row)));
    setDirty(true);
    setDone(null);
  }

  function add() {
    const previous = rows.at(-1);
    const row = emptyRow(previous?.regionId || onlyRegion);
    focusKey.current = row.key;
    setRows((current) => [...current, row]);
    setDirty(true);
  }

  function remove(index: number) {
    setRows((current) => current.filter((_, i) => i !== index));
    setProblems([]);
    setDirty(true);
    addRef.current?.focus();
  }

  function send(action: Action) {
    const checked = answersFromRows(rows, {
      recruitmentDifficulty: options.askRecruitmentDifficulty,
      freeText: options.askFreeText,
    });
    setGeneralProblem(false);
    setProblems(checked.problems);
    if (checked.problems.length > 0) return;
    save.mutate({ action, answers: checked.answers });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    send('submit');
  }

  const title = pickLabel(survey.round.title, locale.language);
  const intro = pickLabel(survey.round.intro, locale.language);
  const fieldId = (index: number, field: RowProblem['field']) =>
    `${rows[index]?.key ?? 'need'}-${field === 'duplicate' ? 'roleId' : field}`;
  const problemText = (p: RowProblem) =>
    t(`survey.problems.${p.field}`, { number: p.index + 1, other: p.other ?? 0 });

  return (
    <div className="survey">
      <PageHeading title={title} eyebrow={t('survey.title')} lead={intro || undefined} />
      <dl className="survey-facts">
        <div>
          <dt>{t('survey.organisation')}</dt>
          <dd>{survey.organisation.name}</dd>
        </div>
        {survey.round.closesAt ? (
          <div>
            <dt>{t('survey.closes')}</dt>
            <dd>{locale.formatDate(survey.round.closesAt)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('survey.linkValid')}</dt>
          <dd>{locale.formatDate(survey.expiresAt)}</dd>
        </div>
      </dl>
      <p className="survey-privacy">{t('survey.privacy', { min: MIN_EMPLOYERS })}</p>

      {survey.submittedAt && done?.action !== 'submit' ? (
        <div className="notice notice--success">
          <p className="notice__title">
            {t('survey.alreadySubmitted', { date: locale.formatDate(survey.submittedAt) })}
          </p>
          <p>{t('survey.changeAfterSubmit')}</p>
        </div>
      ) : null}

      {problems.length > 0 || generalProblem ? (
        <div className="error-summary" ref={summaryRef} tabIndex={-1} role="alert">
          <p className="error-summary__title">{t('edit.errorSummary')}</p>
          <ul>
            {generalProblem ? <li>{t('survey.problems.general')}</li> : null}
            {problems.map((p) => (
              <li key={`${p.index}-${p.field}`}>
                <a href={`#${fieldId(p.index, p.field)}`}>{problemText(p)}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {save.isError && !(save.error instanceof ApiError && save.error.code === 'validation_failed') ? (
        linkProblemOf(save.error) ? (
          <div className="notice notice--error" role="alert">
            <p className="notice__title">{t(`survey.problem.${linkProblemOf(save.error)!}.title`)}</p>
            <p>{t(`survey.problem.${linkProblemOf(save.error)!}.text`)}</p>
          </div>
        ) : (
          <ErrorMessage error={save.error} title={t('survey.saveFailed')} />
        )
      ) : null}

      <form className="survey-form" noValidate onSubmit={onSubmit} aria-labelledby={ids.needs}>
        <h2 id={ids.needs}>{t('survey.needsTitle')}</h2>
        <p className="section__intro">{t('survey.needsIntro')}</p>
        {rows.length === 0 ? <p className="empty survey-empty">{t('survey.noNeeds')}</p> : null}
        <ol className="survey-needs">
          {rows.map((row, index) => (
            <li key={row.key}>
              <NeedFieldset
                row={row}
                number={index + 1}
                options={options}
                problems={problems.filter((p) => p.index === index)}
                problemText={problemText}
                onChange={(next) => change(index, next)}
                onRemove={() => remove(index)}
              />
            </li>
          ))}
        </ol>
        <p>
          <button ref={addRef} type="button" className="button button--secondary" onClick={add}>
            <span aria-hidden="true">+</span> {t('survey.addNeed')}
          </button>
        </p>

        <div className="survey-actions">
          <div className="form__actions">
            <button
              type="button"
              className="button button--secondary"
              disabled={save.isPending}
              onClick={() => send('save')}
            >
              {t('survey.save')}
            </button>
            <button type="submit" className="button" disabled={save.isPending}>
              {survey.submittedAt ? t('survey.submitAgain') : t('survey.submit')}
            </button>
          </div>
          <p className="form__status survey-status" role="status" aria-live="polite" id={ids.status}>
            {save.isPending
              ? t('survey.saving')
              : done
                ? t(done.action === 'submit' ? 'survey.submitted' : 'survey.saved', {
                    time: locale.formatDateTime(done.at),
                  })
                : ''}
          </p>
          <p className="field__hint">{t('survey.saveHint')}</p>
        </div>
      </form>
    </div>
  );
}

/** The server's field problems (answers.<i>.<field>) as row problems. */
function serverProblems(error: ApiError): RowProblem[] {
  const out: RowProblem[] = [];
  for (const issue of error.issues) {
    const [root, index, field] = issue.path;
    if (root !== 'answers' || index === undefined || !/^\d+$/.test(index)) continue;
    const known = ['roleId', 'eqfLevel', 'regionId', 'headcountNow', 'headcount1to3', 'headcount3to5'];
    if (field && known.includes(field))
      out.push({ index: Number(index), field: field as RowProblem['field'] });
  }
  return out;
}
