import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError, type Localised, type User } from '../../api.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { Loading } from '../../components/status.tsx';
import { useSession } from '../../queries.ts';
import { useFormProblems } from '../sites/form-problems.tsx';
import { type ChosenOccupation, EscoOccupationPicker } from './esco-occupation-picker.tsx';
import { CheckboxPicker } from './checkbox-picker.tsx';
import { LocalizedFields } from './localized-fields.tsx';
import { RoundsBreadcrumb, SkillsNav } from './skills-nav.tsx';
import { createRound, EQF_LEVELS, type RoundInput, useSkillsMutation } from './skills-api.ts';
import { useSkillsLabels } from './skills-labels.ts';
import './skills.css';

const EMPTY: Localised = { fi: '', sv: '', en: '' };
const DEFAULT_LEVELS = [3, 4, 5, 6, 7, 8];
/** Fields that show their own problem; anything else is said in general. */
const SHOWN = new Set(['title', 'regionId', 'roleIds', 'eqfLevels', 'closesAt']);

/** Who may run a survey round: an admin anywhere, a coordinator in their own region. */
export function canCreateRound(user: User | null | undefined): boolean {
  return user?.role === 'admin' || (user?.role === 'coordinator' && Boolean(user.regionId));
}

export function RoundNewPage() {
  const { t } = useTranslation();
  const session = useSession();
  const user = session.data?.user;
  const heading = (
    <>
      <SkillsNav />
      <RoundsBreadcrumb current={t('skills.rounds.new')} />
      <PageHeading title={t('skills.rounds.new')} lead={t('skills.rounds.newLead')} />
    </>
  );
  if (session.isPending) return <Loading />;
  if (!canCreateRound(user))
    return (
      <>
        {heading}
        <p className="notice">
          {user ? (
            t('skills.rounds.notAllowed')
          ) : (
            <Link to="/sign-in?next=%2Fskills%2Frounds%2Fnew">{t('skills.signIn')}</Link>
          )}
        </p>
      </>
    );
  return (
    <>
      {heading}
      <RoundForm user={user!} />
    </>
  );
}

/** A day as typed in a date input, as an instant: the start or the end of that day, local time. */
function dayToIso(day: string, end: boolean): string | null {
  if (!day) return null;
  const date = new Date(`${day}T${end ? '23:59:00' : '00:00:00'}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function RoundForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const labels = useSkillsLabels();
  const create = useSkillsMutation(createRound);
  const admin = user.role === 'admin';
  const [title, setTitle] = useState<Localised>(EMPTY);
  const [intro, setIntro] = useState<Localised>(EMPTY);
  const [regionId, setRegionId] = useState<string>(admin ? '' : (user.regionId ?? ''));
  const [opensOn, setOpensOn] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const [roleIds, setRoleIds] = useState<string[] | null>(null);
  const [occupations, setOccupations] = useState<ChosenOccupation[]>([]);
  const [skillIds, setSkillIds] = useState<string[]>([]);
  const [eqfLevels, setEqfLevels] = useState<number[]>(DEFAULT_LEVELS);
  const [askDifficulty, setAskDifficulty] = useState(true);
  const [askFreeText, setAskFreeText] = useState(true);
  const { problems, setProblems, idOf, invalidProps, errorFor, summary } = useFormProblems((field) =>
    t(
      `skills.rounds.errors.${SHOWN.has(field) ? (field as 'title' | 'regionId' | 'roleIds' | 'eqfLevels' | 'closesAt') : 'general'}`,
    ),
  );

  // Every job role is offered until the coordinator narrows the list.
  const chosenJobRoles = roleIds ?? labels.roleOptions.map((o) => o.id);
  const chosenRoles = [...chosenJobRoles, ...occupations.map((o) => o.id)];

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const missing = [
      !title.fi.trim() && !title.sv.trim() && !title.en.trim() ? 'title' : '',
      chosenRoles.length === 0 ? 'roleIds' : '',
      eqfLevels.length === 0 ? 'eqfLevels' : '',
      opensOn && closesOn && closesOn < opensOn ? 'closesAt' : '',
    ].filter(Boolean);
    setProblems(missing);
    if (missing.length) return;
    const input: RoundInput = {
      title,
      intro,
      regionId: regionId || null,
      instrument: {
        roleIds: chosenRoles,
        skillIds,
        eqfLevels: [...eqfLevels].sort((a, b) => a - b),
        askRecruitmentDifficulty: askDifficulty,
        askFreeText,
      },
      opensAt: dayToIso(opensOn, false),
      closesAt: dayToIso(closesOn, true),
    };
    create.mutate(input, {
      onSuccess: (round) => void navigate(`/skills/rounds/${encodeURIComponent(round.id)}`),
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'validation_failed') {
          const fields = error.issues.map((issue) => {
            const field = issue.path[0] === 'instrument' ? issue.path[1] : issue.path[0];
            return field && SHOWN.has(field) ? field : 'general';
          });
          setProblems(fields.length ? [...new Set(fields)] : ['general']);
        }
      },
    });
  }

  return (
    <form className="form skills-form" noValidate onSubmit={onSubmit}>
      {summary(create.error)}
      <div className="form__row">
        <LocalizedFields
          legend={t('skills.rounds.titleField')}
          hint={t('skills.rounds.titleHint')}
          value={title}
          onChange={setTitle}
          id={idOf('title')}
          maxLength={300}
          invalid={invalidProps('title')}
          error={errorFor('title')}
        />
        <LocalizedFields
          legend={t('skills.rounds.introField')}
          hint={t('skills.rounds.introHint')}
          value={intro}
          onChange={setIntro}
          id={idOf('intro')}
          maxLength={5000}
          multiline
        />
        <div className="field">
          <label htmlFor={idOf('regionId')}>{t('skills.rounds.region')}</label>
          <select
            id={idOf('regionId')}
            value={regionId}
            disabled={!admin}
            {...invalidProps('regionId')}
            onChange={(event) => setRegionId(event.target.value)}
          >
            {admin ? <option value="">{t('skills.wholeNetwork')}</option> : null}
            {(admin
              ? labels.regionOptions
              : labels.regionOptions.filter((o) => o.value === user.regionId)
            ).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          <p className="field__hint">
            {admin ? t('skills.rounds.regionHintAdmin') : t('skills.rounds.regionHintCoordinator')}
          </p>
          {errorFor('regionId')}
        </div>
        <div className="skills-dates">
          <div className="field">
            <label htmlFor={idOf('opensAt')}>{t('skills.rounds.opensOn')}</label>
            <input
              id={idOf('opensAt')}
              type="date"
              value={opensOn}
              onChange={(event) => setOpensOn(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={idOf('closesAt')}>{t('skills.rounds.closesOn')}</label>
            <input
              id={idOf('closesAt')}
              type="date"
              value={closesOn}
              {...invalidProps('closesAt')}
              onChange={(event) => setClosesOn(event.target.value)}
            />
            {errorFor('closesAt')}
          </div>
        </div>
        <p className="field__hint skills-dates__hint">{t('skills.rounds.datesHint')}</p>
      </div>

      <h2 className="skills-form__section">{t('skills.rounds.instrument')}</h2>
      <p className="section__intro">{t('skills.rounds.instrumentIntro')}</p>
      <CheckboxPicker
        id={idOf('roleIds')}
        legend={t('skills.rounds.roles')}
        hint={t('skills.rounds.rolesHint')}
        options={labels.roleOptions}
        chosen={chosenJobRoles}
        onChange={setRoleIds}
        filterable
        error={errorFor('roleIds')}
        errorId={problems.includes('roleIds') ? `${idOf('roleIds')}-error` : undefined}
      />
      <EscoOccupationPicker chosen={occupations} onChange={setOccupations} />
      <CheckboxPicker
        legend={t('skills.rounds.skills')}
        hint={t('skills.rounds.skillsHint')}
        options={labels.skillOptions}
        chosen={skillIds}
        onChange={setSkillIds}
        filterable
      />
      <fieldset
        id={idOf('eqfLevels')}
        className="fieldset"
        aria-invalid={problems.includes('eqfLevels') || undefined}
        aria-describedby={problems.includes('eqfLevels') ? `${idOf('eqfLevels')}-error` : undefined}
      >
        <legend>{t('skills.rounds.levels')}</legend>
        {errorFor('eqfLevels')}
        <ul className="skills-levels">
          {EQF_LEVELS.map((level) => {
            const id = `${idOf('eqfLevels')}-${level}`;
            const qualifications = labels.qualifications(level);
            return (
              <li key={level} className="field field--checkbox">
                <input
                  id={id}
                  type="checkbox"
                  checked={eqfLevels.includes(level)}
                  aria-describedby={qualifications ? `${id}-hint` : undefined}
                  onChange={(event) =>
                    setEqfLevels((current) =>
                      event.target.checked ? [...current, level] : current.filter((l) => l !== level),
                    )
                  }
                />
                <label htmlFor={id}>{labels.eqf(level)}</label>
                {qualifications ? (
                  <span className="field__hint" id={`${id}-hint`}>
                    {qualifications}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('skills.rounds.optional')}</legend>
        <div className="field field--checkbox">
          <input
            id={idOf('askDifficulty')}
            type="checkbox"
            checked={askDifficulty}
            onChange={(event) => setAskDifficulty(event.target.checked)}
          />
          <label htmlFor={idOf('askDifficulty')}>{t('skills.rounds.askDifficulty')}</label>
        </div>
        <div className="field field--checkbox">
          <input
            id={idOf('askFreeText')}
            type="checkbox"
            checked={askFreeText}
            onChange={(event) => setAskFreeText(event.target.checked)}
          />
          <label htmlFor={idOf('askFreeText')}>{t('skills.rounds.askFreeText')}</label>
        </div>
      </fieldset>
      <div className="form__actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? t('skills.rounds.creating') : t('skills.rounds.create')}
        </button>
        <Link to="/skills/rounds">{t('skills.cancel')}</Link>
      </div>
      <p className="field__hint">{t('skills.rounds.createHint')}</p>
    </form>
  );
}
