import { type FormEvent, type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { useReasonText } from './match-reasons.ts';
import {
  batteryChemicalsExample,
  emptyForm,
  fromSearchParams,
  isSet,
  REQUIREMENT_GROUPS,
  REQUIREMENTS,
  type RequirementDef,
  type RequirementEntry,
  type RequirementForm,
  toRequirements,
  toSearchParams,
} from './match-requirements.ts';
import { useSiteLabels } from './site-labels.ts';
import { type MatchResult, PERMIT_STATUSES, useMatch } from './sites-api.ts';
import { SitesNav } from './sites-nav.tsx';
import { useRegionOptions } from './use-region-options.ts';
import './sites.css';

const WEIGHTS = [1, 2, 3, 4, 5] as const;

export function SiteMatchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  // The address is the truth: the results and (after back/forward) the form follow it.
  const submitted = useMemo(() => fromSearchParams(new URLSearchParams(search)), [search]);
  const requirements = useMemo(() => toRequirements(submitted), [submitted]);
  const hasRequirements = Object.keys(requirements).length > 0;
  const [form, setForm] = useState<RequirementForm>(submitted);
  useEffect(() => setForm(submitted), [submitted]);
  const match = useMatch(hasRequirements ? requirements : null);
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const [justSubmitted, setJustSubmitted] = useState(false);
  const ids = { results: useId(), share: useId() };

  useEffect(() => {
    if (justSubmitted && match.data) {
      resultsRef.current?.focus();
      setJustSubmitted(false);
    }
  }, [justSubmitted, match.data]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setParams(toSearchParams(form), { preventScrollReset: true });
    setJustSubmitted(true);
  }

  return (
    <>
      <SitesNav />
      <PageHeading
        title={t('sites.match.title')}
        eyebrow={t('modules.sites.title')}
        lead={t('sites.match.lead')}
      />
      <div className="match-layout">
        <form className="match-form" onSubmit={onSubmit} noValidate>
          <div className="compare-actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setForm(batteryChemicalsExample())}
            >
              {t('sites.match.example')}
            </button>
            <button type="button" className="link-button" onClick={() => setForm(emptyForm())}>
              {t('sites.match.clear')}
            </button>
          </div>
          <p className="field__hint">{t('sites.match.formHint')}</p>
          {REQUIREMENT_GROUPS.map((group) => (
            <RequirementGroupFields
              key={group}
              group={group}
              form={form}
              onChange={(key, entry) => setForm((current) => ({ ...current, [key]: entry }))}
            />
          ))}
          <div className="form__actions">
            <button type="submit" className="button">
              {t('sites.match.submit')}
            </button>
          </div>
        </form>

        <section className="match-results" aria-labelledby={ids.results}>
          <h2 id={ids.results} ref={resultsRef} tabIndex={-1}>
            {t('sites.match.resultsTitle')}
          </h2>
          {!hasRequirements ? (
            <div className="empty">
              <p className="empty__title">{t('sites.match.noRequirementsTitle')}</p>
              <p>{t('sites.match.noRequirements')}</p>
            </div>
          ) : null}
          {hasRequirements && match.isPending ? <Loading /> : null}
          {match.isError ? <ErrorMessage error={match.error} /> : null}
          {hasRequirements && match.data ? (
            <MatchResults results={match.data} busy={match.isFetching} />
          ) : null}
          {hasRequirements ? <ShareLink id={ids.share} /> : null}
        </section>
      </div>
    </>
  );
}

function ShareLink({ id }: { id: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const url = window.location.href;
  return (
    <div className="match-share">
      <label htmlFor={id}>{t('sites.match.shareLabel')}</label>
      <input id={id} readOnly value={url} onFocus={(event) => event.target.select()} />
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => {
          void navigator.clipboard?.writeText(url).then(() => setCopied(true));
        }}
      >
        {t('sites.match.copy')}
      </button>
      <span role="status">{copied ? t('sites.match.copied') : ''}</span>
    </div>
  );
}

function RequirementGroupFields({
  group,
  form,
  onChange,
}: {
  group: (typeof REQUIREMENT_GROUPS)[number];
  form: RequirementForm;
  onChange: (key: string, entry: RequirementEntry) => void;
}) {
  const { t } = useTranslation();
  const defs = REQUIREMENTS.filter((def) => def.group === group);
  return (
    <fieldset className="fieldset">
      <legend>{t(`sites.match.groups.${group}`)}</legend>
      <table className="req-table">
        <colgroup>
          <col className="req-table__col-label" />
          <col className="req-table__col-value" />
          <col className="req-table__col-hard" />
          <col className="req-table__col-weight" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('sites.match.colRequirement')}</th>
            <th scope="col">{t('sites.match.colValue')}</th>
            <th scope="col">{t('sites.match.colHard')}</th>
            <th scope="col">{t('sites.match.colWeight')}</th>
          </tr>
        </thead>
        <tbody>
          {defs.map((def) => (
            <RequirementRow
              key={def.key}
              def={def}
              entry={form[def.key] ?? { value: '', hard: false, weight: 3 }}
              onChange={(entry) => onChange(def.key, entry)}
            />
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}

function RequirementRow({
  def,
  entry,
  onChange,
}: {
  def: RequirementDef;
  entry: RequirementEntry;
  onChange: (entry: RequirementEntry) => void;
}) {
  const { t } = useTranslation();
  const labels = useSiteLabels();
  const { regionOptions } = useRegionOptions();
  const base = useId();
  const label = t(`sites.match.req.${def.key}.label` as 'sites.match.req.landHa.label');
  const hint = t(`sites.match.req.${def.key}.hint` as 'sites.match.req.landHa.hint');
  const set = (changes: Partial<RequirementEntry>) => onChange({ ...entry, ...changes });
  const active = isSet(def, entry);
  const invalid =
    def.kind === 'number' && typeof entry.value === 'string' && entry.value.trim() !== '' && !active;

  let control: ReactNode;
  if (def.kind === 'number') {
    control = (
      <span className="req-value">
        <input
          id={`${base}-value`}
          inputMode="decimal"
          autoComplete="off"
          value={typeof entry.value === 'string' ? entry.value : ''}
          aria-describedby={`${base}-hint${invalid ? ` ${base}-error` : ''}`}
          aria-invalid={invalid || undefined}
          onChange={(event) => set({ value: event.target.value })}
        />
        <span className="req-value__unit">{labels.unit(def.unit)}</span>
      </span>
    );
  } else if (def.kind === 'boolean') {
    control = (
      <span className="req-value">
        <input
          id={`${base}-value`}
          type="checkbox"
          checked={entry.value === true}
          aria-describedby={`${base}-hint`}
          onChange={(event) => set({ value: event.target.checked })}
        />
        <span className="req-value__unit">{t('sites.match.needed')}</span>
      </span>
    );
  } else if (def.kind === 'permit') {
    control = (
      <span className="req-value">
        <select
          id={`${base}-value`}
          value={typeof entry.value === 'string' ? entry.value : ''}
          aria-describedby={`${base}-hint`}
          onChange={(event) => set({ value: event.target.value })}
        >
          <option value="">{t('sites.match.noRequirement')}</option>
          {PERMIT_STATUSES.filter((p) => p !== 'none').map((p) => (
            <option key={p} value={p}>
              {labels.permit(p)}
            </option>
          ))}
        </select>
      </span>
    );
  } else {
    const chosen = Array.isArray(entry.value) ? entry.value : [];
    control = (
      <ul className="req-regions" id={`${base}-value`} aria-label={label}>
        {regionOptions.map((option) => (
          <li key={option.value}>
            <label>
              <input
                type="checkbox"
                checked={chosen.includes(option.value)}
                onChange={(event) =>
                  set({
                    value: event.target.checked
                      ? [...chosen, option.value]
                      : chosen.filter((id) => id !== option.value),
                  })
                }
              />
              {option.label}
            </label>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <tr className={active ? 'is-set' : undefined}>
      <th scope="row">
        {def.kind === 'regions' ? <span>{label}</span> : <label htmlFor={`${base}-value`}>{label}</label>}
        <span className="req-table__hint" id={`${base}-hint`}>
          {hint}
        </span>
        {invalid ? (
          <span className="field__error" id={`${base}-error`}>
            {t('sites.match.invalidNumber')}
          </span>
        ) : null}
      </th>
      <td>{control}</td>
      <td>
        <label className="req-toggle">
          <input
            type="checkbox"
            checked={entry.hard}
            aria-label={`${t('sites.match.hard')}: ${label}`}
            onChange={(event) => set({ hard: event.target.checked })}
          />
          {t('sites.match.hard')}
        </label>
      </td>
      <td>
        {/* The column header names it on wide screens; this label shows when the table is stacked. */}
        <label className="req-table__stacked-label" htmlFor={`${base}-weight`}>
          {t('sites.match.colWeight')}
        </label>
        <select
          id={`${base}-weight`}
          aria-label={t('sites.match.weightOf', { requirement: label })}
          className="req-weight"
          value={entry.weight}
          onChange={(event) => set({ weight: Number(event.target.value) })}
        >
          {WEIGHTS.map((w) => (
            <option key={w} value={w}>
              {w}
            </option>
          ))}
        </select>
      </td>
    </tr>
  );
}

function MatchResults({ results, busy }: { results: MatchResult[]; busy: boolean }) {
  const { t } = useTranslation();
  const eligible = results.filter((r) => r.eligible);
  const excluded = results.filter((r) => !r.eligible);
  // Open when nothing qualifies (the reasons are the answer), folded away otherwise.
  const excludedList = (
    <ul className="match-list">
      {excluded.map((result) => (
        <li key={result.siteId}>
          <MatchCard result={result} />
        </li>
      ))}
    </ul>
  );
  return (
    <div aria-busy={busy}>
      <p className="result-count" role="status">
        {eligible.length > 0
          ? t('sites.match.eligibleCount', { count: eligible.length })
          : t('sites.match.noneEligibleStatus')}
      </p>
      {eligible.length === 0 ? (
        <div className="notice notice--error">
          <p className="notice__title">{t('sites.match.noneTitle')}</p>
          <p>{t('sites.match.noneText')}</p>
        </div>
      ) : (
        <ol className="match-list">
          {eligible.map((result, index) => (
            <li key={result.siteId}>
              <MatchCard result={result} rank={index + 1} />
            </li>
          ))}
        </ol>
      )}
      {excluded.length > 0 && eligible.length === 0 ? (
        <section className="match-excluded" aria-label={t('sites.match.whyTitle')}>
          {excludedList}
        </section>
      ) : null}
      {excluded.length > 0 && eligible.length > 0 ? (
        <details className="match-excluded">
          <summary>{t('sites.match.excludedSummary', { count: excluded.length })}</summary>
          {excludedList}
        </details>
      ) : null}
    </div>
  );
}

function MatchCard({ result, rank }: { result: MatchResult; rank?: number }) {
  const { t } = useTranslation();
  const labels = useSiteLabels();
  const reasonText = useReasonText();
  const score = Math.max(0, Math.min(100, Math.round(result.score)));
  const unmetHard = result.unmet.filter((u) => u.hard);
  const unmetSoft = result.unmet.filter((u) => !u.hard);
  return (
    <article className={result.eligible ? 'match-card' : 'match-card match-card--excluded'}>
      <div className="match-card__head">
        <span className="match-card__rank">{rank ? `${rank}.` : <span aria-hidden="true">✕</span>}</span>
        <h3 className="match-card__title">
          <Link to={`/sites/${encodeURIComponent(result.siteId)}`}>{result.name}</Link>
        </h3>
        <span className="match-card__score">
          {result.eligible ? `${labels.number(score)} / 100` : t('sites.match.excluded')}
        </span>
      </div>
      {result.eligible ? (
        <div className="score-bar" aria-hidden="true">
          <div className="score-bar__fill" style={{ width: `${score}%` }} />
        </div>
      ) : null}
      {unmetHard.length > 0 ? (
        <ul className="reason-list reason-list--unmet" aria-label={t('sites.match.unmetHard')}>
          {unmetHard.map((u) => (
            <li key={`${u.key}-${u.code}`}>
              <span className="reason-list__icon" aria-hidden="true">
                ✕
              </span>
              <span>
                {reasonText(u, false)}
                <span className="hard-tag">{t('sites.match.hardTag')}</span>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {result.reasons.length > 0 ? (
        <ul className="reason-list reason-list--met" aria-label={t('sites.match.reasons')}>
          {result.reasons.map((r) => (
            <li key={`${r.key}-${r.code}`}>
              <span className="reason-list__icon" aria-hidden="true">
                ✓
              </span>
              <span>{reasonText(r, true)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {unmetSoft.length > 0 ? (
        <ul className="reason-list reason-list--unmet" aria-label={t('sites.match.unmetSoft')}>
          {unmetSoft.map((u) => (
            <li key={`${u.key}-${u.code}`}>
              <span className="reason-list__icon" aria-hidden="true">
                −
              </span>
              <span>{reasonText(u, false)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
