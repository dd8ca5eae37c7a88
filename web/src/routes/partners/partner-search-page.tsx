import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ORGANISATION_TYPES } from '../../api.ts';
import { useOrganisationTypeLabel } from '../../components/organisation-type.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { pickLabel, useLocale } from '../../locale.ts';
import { indexConcepts, useConcepts, useSession } from '../../queries.ts';
import { useChallenges } from '../challenges/challenges-api.ts';
import {
  type PartnerHit,
  type PartnerReason,
  type PartnerSearchInput,
  useAddToProject,
  usePartnerSearch,
  useProjectTitle,
} from './partners-api.ts';
import './partners.css';

type Mode = 'challenge' | 'topic' | 'text';
const MODES: Mode[] = ['challenge', 'topic', 'text'];
const ACTIVITY_TYPES = ['PRC', 'HES', 'REC', 'PUB', 'OTH'] as const;
const LIMIT = 25;

function splitList(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The search as the address holds it, so back/forward and shared links restore it. */
function readSearch(params: URLSearchParams): PartnerSearchInput | null {
  const mode = (params.get('mode') as Mode | null) ?? null;
  const projectId = params.get('projectId') ?? undefined;
  const value = params.get('q')?.trim() ?? '';
  const input: PartnerSearchInput = { limit: LIMIT };
  if (mode === 'challenge' && value) input.challengeId = value;
  else if (mode === 'topic' && value) input.topic = value;
  else if (mode === 'text' && value) input.text = value;
  if (projectId) input.projectId = projectId;
  if (!input.challengeId && !input.topic && !input.text && !input.projectId) return null;
  const countries = splitList(params.get('countries')).map((c) => c.toUpperCase());
  const type = params.get('type');
  const sme = params.get('sme');
  const chosen = splitList(params.get('chosen'));
  if (chosen.length) input.chosen = chosen;
  input.filters = {
    ...(countries.length ? { countries } : {}),
    ...(type ? { types: [type] } : {}),
    ...(sme === 'yes' ? { sme: true } : sme === 'no' ? { sme: false } : {}),
  };
  return input;
}

export function PartnerSearchPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const projectId = params.get('projectId') ?? '';
  const [mode, setMode] = useState<Mode>((params.get('mode') as Mode | null) ?? 'text');
  const [value, setValue] = useState(params.get('q') ?? '');
  const [countries, setCountries] = useState(params.get('countries') ?? '');
  const [type, setType] = useState(params.get('type') ?? '');
  const [sme, setSme] = useState(params.get('sme') ?? '');
  const input = useMemo(() => readSearch(params), [params]);
  const search = usePartnerSearch(session.data?.user ? input : null);
  const project = useProjectTitle(projectId);
  const challenges = useChallenges({ limit: 100 });
  const concepts = useConcepts();
  const conceptIndex = useMemo(() => indexConcepts(concepts.data), [concepts.data]);
  const typeLabel = useOrganisationTypeLabel();
  const ids = { mode: useId(), value: useId(), countries: useId(), type: useId(), sme: useId() };
  const chosen = splitList(params.get('chosen'));

  // Back and forward restore the form from the address.
  useEffect(() => {
    setMode((params.get('mode') as Mode | null) ?? 'text');
    setValue(params.get('q') ?? '');
    setCountries(params.get('countries') ?? '');
    setType(params.get('type') ?? '');
    setSme(params.get('sme') ?? '');
  }, [params]);

  function update(changes: Record<string, string>) {
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, v] of Object.entries(changes)) {
        if (v) next.set(key, v);
        else next.delete(key);
      }
      return next;
    });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    update({ mode, q: value.trim(), countries: countries.trim(), type, sme });
  }

  const conceptLabel = (id: string) => {
    const found = conceptIndex.get(id);
    return found ? pickLabel(found.labels, locale.language) : id;
  };
  const countryName = useMemo(() => {
    const names = new Intl.DisplayNames([locale.language], { type: 'region' });
    return (code: string) => {
      try {
        return names.of(code) ?? code;
      } catch {
        return code;
      }
    };
  }, [locale.language]);
  const kindLabel = (c: PartnerHit['candidate']) =>
    c.kind === 'registry' ? typeLabel(c.type) : t(`partners.activity.${c.type}`, { defaultValue: c.type });

  if (session.isLoading) return <Loading />;
  if (!session.data?.user) {
    return (
      <>
        <PageHeading title={t('partners.title')} eyebrow={t('modules.projects.title')} />
        <p>
          {t('partners.signInFirst')} <Link to="/sign-in">{t('partners.signIn')}</Link>
        </p>
      </>
    );
  }

  const chosenName = (key: string) => search.data?.query.chosen.find((c) => c.key === key)?.name ?? key;
  const choose = (key: string) => update({ chosen: [...new Set([...chosen, key])].join(',') });
  const unchoose = (key: string) => update({ chosen: chosen.filter((k) => k !== key).join(',') });

  return (
    <>
      <PageHeading
        title={t('partners.title')}
        eyebrow={t('modules.projects.title')}
        lead={t('partners.lead')}
      />
      {projectId ? (
        <p className="partners__project">
          {t('partners.forProject')}{' '}
          <Link to={`/projects/${encodeURIComponent(projectId)}`}>{project.data?.title ?? projectId}</Link>
          {' · '}
          <Link to={`/projects/${encodeURIComponent(projectId)}/consortium`}>
            {t('partners.toConsortium')}
          </Link>
        </p>
      ) : null}

      <search aria-label={t('partners.formLabel')}>
        <form className="partners__form card" onSubmit={onSubmit}>
          <fieldset className="fieldset">
            <legend>{t('partners.startFrom')}</legend>
            <div className="partners__modes">
              {MODES.map((m) => (
                <label key={m} className="field--checkbox">
                  <input
                    type="radio"
                    name={ids.mode}
                    value={m}
                    checked={mode === m}
                    onChange={() => {
                      setMode(m);
                      setValue('');
                    }}
                  />
                  <span>{t(`partners.mode.${m}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor={ids.value}>{t(`partners.valueLabel.${mode}`)}</label>
            {mode === 'challenge' ? (
              <select id={ids.value} value={value} onChange={(e) => setValue(e.target.value)}>
                <option value="">{t('partners.pickChallenge')}</option>
                {(challenges.data?.items ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
              </select>
            ) : mode === 'topic' ? (
              <input
                id={ids.value}
                value={value}
                autoComplete="off"
                placeholder="HORIZON-CL5-2024-D2-01"
                maxLength={120}
                onChange={(e) => setValue(e.target.value)}
              />
            ) : (
              <textarea
                id={ids.value}
                value={value}
                rows={3}
                maxLength={5000}
                placeholder={t('partners.textPlaceholder')}
                onChange={(e) => setValue(e.target.value)}
              />
            )}
          </div>
          <div className="partners__filters">
            <div className="field">
              <label htmlFor={ids.countries}>{t('partners.countries')}</label>
              <input
                id={ids.countries}
                value={countries}
                autoComplete="off"
                placeholder="FI, SE, DE"
                aria-describedby={`${ids.countries}-hint`}
                onChange={(e) => setCountries(e.target.value)}
              />
              <p className="field__hint" id={`${ids.countries}-hint`}>
                {t('partners.countriesHint')}
              </p>
            </div>
            <div className="field">
              <label htmlFor={ids.type}>{t('partners.type')}</label>
              <select id={ids.type} value={type} onChange={(e) => setType(e.target.value)}>
                <option value="">{t('partners.allTypes')}</option>
                <optgroup label={t('partners.registryTypes')}>
                  {ORGANISATION_TYPES.map((v) => (
                    <option key={v} value={v}>
                      {typeLabel(v)}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t('partners.cordisTypes')}>
                  {ACTIVITY_TYPES.map((v) => (
                    <option key={v} value={v}>
                      {t(`partners.activity.${v}`)}
                    </option>
                  ))}
                </optgroup>
              </select>
            </div>
            <div className="field">
              <label htmlFor={ids.sme}>{t('partners.sme')}</label>
              <select id={ids.sme} value={sme} onChange={(e) => setSme(e.target.value)}>
                <option value="">{t('partners.smeAny')}</option>
                <option value="yes">{t('partners.smeOnly')}</option>
                <option value="no">{t('partners.smeNone')}</option>
              </select>
            </div>
          </div>
          <button type="submit" className="button">
            {t('partners.search')}
          </button>
        </form>
      </search>

      {chosen.length ? (
        <section className="partners__chosen" aria-labelledby="partners-chosen">
          <h2 id="partners-chosen">{t('partners.chosenTitle')}</h2>
          <ul className="chips">
            {chosen.map((key) => (
              <li key={key} className="chip chip--filter">
                <span>{chosenName(key)}</span>
                <button
                  type="button"
                  className="chip__remove"
                  aria-label={t('partners.unchoose', { name: chosenName(key) })}
                  onClick={() => unchoose(key)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="partners-results" aria-busy={search.isFetching}>
        <h2 id="partners-results">{t('partners.resultsTitle')}</h2>
        {!input ? <p>{t('partners.startHint')}</p> : null}
        {search.isLoading ? <Loading /> : null}
        {search.error ? <ErrorMessage error={search.error} /> : null}
        {search.data ? (
          <>
            <p role="status">
              {t('partners.total', { count: search.data.total, shown: search.data.results.length })}
              {search.data.query.conceptIds.length ? (
                <>
                  {' '}
                  {t('partners.searchedConcepts', {
                    concepts: search.data.query.conceptIds.slice(0, 6).map(conceptLabel).join(', '),
                  })}
                </>
              ) : null}
            </p>
            <ol className="partners__results">
              {search.data.results.map((hit) => (
                <ResultCard
                  key={hit.candidate.key}
                  hit={hit}
                  projectId={projectId}
                  kindLabel={kindLabel(hit.candidate)}
                  countryName={countryName}
                  conceptLabel={conceptLabel}
                  onChoose={() => choose(hit.candidate.key)}
                />
              ))}
            </ol>
          </>
        ) : null}
      </section>
    </>
  );
}

interface ResultCardProps {
  hit: PartnerHit;
  projectId: string;
  kindLabel: string;
  countryName: (code: string) => string;
  conceptLabel: (id: string) => string;
  onChoose: () => void;
}

function ResultCard({ hit, projectId, kindLabel, countryName, conceptLabel, onChoose }: ResultCardProps) {
  const { t } = useTranslation();
  const add = useAddToProject(projectId);
  const c = hit.candidate;
  const href =
    c.kind === 'registry' && c.organisationId
      ? `/organisations/${encodeURIComponent(c.organisationId)}`
      : c.cordisOrganisationId
        ? `/partners/cordis/${encodeURIComponent(c.cordisOrganisationId)}`
        : null;
  const percent = Math.round(hit.score * 100);
  return (
    <li className="card partners__result">
      <div className="partners__result-head">
        <h3 className="card__title">{href ? <Link to={href}>{c.name}</Link> : c.name}</h3>
        <span className="partners__score">
          <meter min={0} max={1} value={hit.score} aria-label={t('partners.score')} />
          <span>{t('partners.scoreValue', { percent })}</span>
        </span>
      </div>
      <p className="card__meta">
        {countryName(c.country)} · {kindLabel}
        {c.isSme ? ` · ${t('partners.smeBadge')}` : ''}
        {c.kind === 'registry' ? ` · ${t('partners.inRegistry')}` : ` · ${t('partners.inCordis')}`}
      </p>
      {c.stageIds.length ? (
        <ul className="chips" aria-label={t('partners.stages')}>
          {c.stageIds.map((s) => (
            <li key={s} className="chip chip--active">
              {conceptLabel(s)}
            </li>
          ))}
        </ul>
      ) : null}
      <ul className="partners__reasons">
        {hit.reasons.map((r) => (
          <li key={r.code}>
            <ReasonLine reason={r} conceptLabel={conceptLabel} />
          </li>
        ))}
      </ul>
      <dl className="partners__parts">
        {(['text', 'concepts', 'trackRecord', 'complementarity'] as const).map((part) => (
          <div key={part}>
            <dt>{t(`partners.part.${part}`)}</dt>
            <dd>{Math.round(hit.parts[part] * 100)}</dd>
          </div>
        ))}
      </dl>
      <div className="partners__actions">
        <button type="button" className="button button--secondary button--small" onClick={onChoose}>
          {t('partners.choose')}
        </button>
        {projectId ? (
          <button
            type="button"
            className="button button--small"
            disabled={add.isPending || add.isSuccess}
            onClick={() => add.mutate(c)}
          >
            {add.isSuccess ? t('partners.added') : t('partners.addToProject')}
          </button>
        ) : null}
        {add.error ? <ErrorMessage error={add.error} /> : null}
      </div>
    </li>
  );
}

function ReasonLine({
  reason,
  conceptLabel,
}: {
  reason: PartnerReason;
  conceptLabel: (id: string) => string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return <>{reasonSentence()}</>;
  function reasonSentence(): string {
    switch (reason.code) {
      case 'text':
        return t('partners.reason.text', { words: reason.params.words.join(', ') });
      case 'concepts':
        return t('partners.reason.concepts', {
          concepts: reason.params.conceptIds.map(conceptLabel).join(', '),
        });
      case 'topic':
        return t('partners.reason.topic', { topic: reason.params.topic });
      case 'complementarity':
        return t('partners.reason.complementarity', {
          stages: reason.params.stageIds.map(conceptLabel).join(', '),
        });
      case 'trackRecord': {
        const p = reason.params;
        const base = t('partners.reason.trackRecord', {
          count: p.projects,
          coordinated: p.coordinated,
          eur: locale.formatNumber(p.ecContributionEur),
        });
        return p.best
          ? `${base} ${t('partners.reason.best', { acronym: p.best.acronym, title: p.best.title, year: p.best.year ?? '–' })}`
          : base;
      }
    }
  }
}
