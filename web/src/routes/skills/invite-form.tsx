// Inviting employers to a round: organisations from the registry, each with an optional e-mail
// address (an invitation goes out) and a language; then each new personal link, shown this once.
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/status.tsx';
import { LANGUAGES, type Language, toLanguage } from '../../i18n/setup.ts';
import { useOrganisations } from '../../queries.ts';
import { useDebouncedValue } from '../../use-debounced-value.ts';
import {
  type CreatedRespondent,
  inviteRespondents,
  type Respondent,
  type RoundDetail,
  useSkillsMutation,
} from './skills-api.ts';

const NATIVE: Record<Language, string> = { fi: 'suomi', sv: 'svenska', en: 'English' };

interface Chosen {
  organisationId: string;
  name: string;
  email: string;
  language: Language;
}

export function InviteForm({ round, invited }: { round: RoundDetail; invited: Respondent[] }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const [days, setDays] = useState('');
  const [problem, setProblem] = useState<'none' | 'days' | 'email' | null>(null);
  const [created, setCreated] = useState<{
    links: CreatedRespondent[];
    names: Map<string, string>;
    mailed: number;
  } | null>(null);
  const ids = { search: useId(), results: useId(), days: useId(), chosen: useId() };
  const organisations = useOrganisations({
    q: q || undefined,
    region: round.regionId ?? undefined,
    pageSize: 8,
  });
  const invite = useSkillsMutation((input: { respondents: Chosen[]; days?: number }) =>
    inviteRespondents(
      round.id,
      input.respondents.map((c) => ({
        organisationId: c.organisationId,
        language: c.language,
        ...(c.email.trim() ? { email: c.email.trim() } : {}),
      })),
      input.days,
    ),
  );
  const invitedIds = new Set(invited.filter((r) => r.status !== 'revoked').map((r) => r.organisationId));
  const chosenIds = new Set(chosen.map((c) => c.organisationId));

  function add(organisationId: string, name: string) {
    setChosen((current) => [
      ...current,
      { organisationId, name, email: '', language: toLanguage(i18n.language) },
    ]);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const dayCount = days.trim() === '' ? undefined : Number(days);
    if (chosen.length === 0) return setProblem('none');
    if (dayCount !== undefined && !(Number.isInteger(dayCount) && dayCount >= 1 && dayCount <= 365))
      return setProblem('days');
    setProblem(null);
    const names = new Map(chosen.map((c) => [c.organisationId, c.name]));
    const mailed = chosen.filter((c) => c.email.trim()).length;
    invite.mutate(
      { respondents: chosen, ...(dayCount ? { days: dayCount } : {}) },
      {
        onSuccess: (links) => {
          setCreated({ links, names, mailed });
          setChosen([]);
          setSearch('');
        },
        onError: (error) => {
          if (error instanceof ApiError && error.issues.some((i) => i.path.includes('email')))
            setProblem('email');
        },
      },
    );
  }

  if (created)
    return (
      <CreatedLinks
        links={created.links}
        nameOf={(id) => created.names.get(id) ?? id}
        mailed={created.mailed}
        onDone={() => setCreated(null)}
      />
    );

  const results = (organisations.data?.items ?? []).filter((o) => !chosenIds.has(o.id));
  return (
    <form className="form skills-invite" noValidate onSubmit={onSubmit}>
      {problem ? (
        <div className="notice notice--error" role="alert">
          <p>{t(`skills.invite.problem.${problem}`)}</p>
        </div>
      ) : null}
      {invite.isError && problem !== 'email' ? <ErrorMessage error={invite.error} /> : null}
      <div className="skills-invite__search">
        <div className="field">
          <label htmlFor={ids.search}>{t('skills.invite.search')}</label>
          <input
            id={ids.search}
            type="search"
            autoComplete="off"
            value={search}
            aria-describedby={`${ids.search}-hint`}
            onChange={(event) => setSearch(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') event.preventDefault();
            }}
          />
          <p className="field__hint" id={`${ids.search}-hint`}>
            {round.regionId ? t('skills.invite.searchHintRegion') : t('skills.invite.searchHint')}
          </p>
        </div>
        <ul
          className="skills-invite__results"
          aria-label={t('skills.invite.results')}
          aria-busy={organisations.isFetching}
        >
          {results.map((o) => (
            <li key={o.id}>
              <span>
                {o.name}
                {invitedIds.has(o.id) ? (
                  <span className="muted"> · {t('skills.invite.alreadyInvited')}</span>
                ) : null}
              </span>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => add(o.id, o.name)}
              >
                {t('skills.invite.add')}
                <span className="visually-hidden">: {o.name}</span>
              </button>
            </li>
          ))}
          {organisations.data && results.length === 0 ? (
            <li className="muted">{t('skills.invite.noResults')}</li>
          ) : null}
        </ul>
      </div>

      <h3 id={ids.chosen} className="skills-invite__title">
        {t('skills.invite.chosen', { count: chosen.length })}
      </h3>
      {chosen.length > 0 ? (
        <ul className="skills-invite__chosen" aria-labelledby={ids.chosen}>
          {chosen.map((c, index) => (
            <li key={c.organisationId}>
              <ChosenRow
                chosen={c}
                onChange={(next) => setChosen((current) => current.map((x, i) => (i === index ? next : x)))}
                onRemove={() => setChosen((current) => current.filter((_, i) => i !== index))}
              />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('skills.invite.noneChosen')}</p>
      )}

      <div className="field skills-invite__days">
        <label htmlFor={ids.days}>{t('skills.invite.days')}</label>
        <input
          id={ids.days}
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          value={days}
          aria-describedby={`${ids.days}-hint`}
          aria-invalid={problem === 'days' || undefined}
          onChange={(event) => setDays(event.target.value)}
        />
        <p className="field__hint" id={`${ids.days}-hint`}>
          {t('skills.invite.daysHint')}
        </p>
      </div>
      <div className="form__actions">
        <button type="submit" className="button" disabled={invite.isPending}>
          {invite.isPending
            ? t('skills.invite.creating')
            : t('skills.invite.create', { count: chosen.length })}
        </button>
      </div>
    </form>
  );
}

function ChosenRow({
  chosen,
  onChange,
  onRemove,
}: {
  chosen: Chosen;
  onChange: (c: Chosen) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const ids = { email: useId(), language: useId() };
  return (
    <fieldset className="skills-invite__row">
      <legend>{chosen.name}</legend>
      <div className="field">
        <label htmlFor={ids.email}>{t('skills.invite.email')}</label>
        <input
          id={ids.email}
          type="email"
          autoComplete="off"
          value={chosen.email}
          onChange={(event) => onChange({ ...chosen, email: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.language}>{t('skills.invite.language')}</label>
        <select
          id={ids.language}
          value={chosen.language}
          onChange={(event) => onChange({ ...chosen, language: toLanguage(event.target.value) })}
        >
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {NATIVE[language]}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="link-button link-button--danger" onClick={onRemove}>
        {t('skills.invite.remove')}
        <span className="visually-hidden">: {chosen.name}</span>
      </button>
    </fieldset>
  );
}

/** The new personal links: shown only now (only their hash is stored), each with a copy button. */
function CreatedLinks({
  links,
  nameOf,
  mailed,
  onDone,
}: {
  links: CreatedRespondent[];
  nameOf: (organisationId: string) => string;
  mailed: number;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="notice notice--success skills-links">
      <h3 ref={headingRef} tabIndex={-1} className="notice__title">
        {t('skills.invite.createdTitle', { count: links.length })}
      </h3>
      <p className="skills-links__warning">
        <strong>{t('skills.invite.showOnce')}</strong>
      </p>
      {mailed > 0 ? <p>{t('skills.invite.mailed', { count: mailed })}</p> : null}
      <ul className="skills-links__list">
        {links.map((link) => (
          <li key={link.respondentId}>
            <LinkRow name={nameOf(link.organisationId)} url={`${window.location.origin}${link.link}`} />
          </li>
        ))}
      </ul>
      <button type="button" className="button button--secondary" onClick={onDone}>
        {t('skills.invite.done')}
      </button>
    </div>
  );
}

function LinkRow({ name, url }: { name: string; url: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      // Clipboard access can be refused (no HTTPS, no permission): select the text instead.
      inputRef.current?.select();
      setCopied('failed');
    }
  }
  return (
    <div className="skills-link">
      <label htmlFor={id} className="skills-link__name">
        {t('skills.invite.linkFor', { name })}
      </label>
      <div className="token-once__row">
        <input
          id={id}
          ref={inputRef}
          className="token-once__value"
          readOnly
          value={url}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button button--small" onClick={() => void copy()}>
          {t('skills.invite.copy')}
          <span className="visually-hidden">: {name}</span>
        </button>
      </div>
      <p role="status" className="token-once__status">
        {copied === 'yes'
          ? t('skills.invite.copied')
          : copied === 'failed'
            ? t('skills.invite.copyFailed')
            : ''}
      </p>
    </div>
  );
}
