import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/status.tsx';
import { useRegions } from '../../queries.ts';
import {
  type Candidate,
  type Coverage,
  type Eligibility,
  evaluateConsortium,
  type Partner,
  type SuggestedConsortium,
  suggestConsortia,
  useAdoptConsortium,
} from './consortium-api.ts';
import { useConsortiumFormat } from './consortium-format.ts';
import { EligibilityChecklist } from './eligibility-checklist.tsx';

const keyOf = (p: Partner) =>
  p.organisationId
    ? `registry:${p.organisationId}`
    : p.cordisOrganisationId
      ? `cordis:${p.cordisOrganisationId}`
      : null;

/**
 * The consortium builder: the stages needed and the constraints in, the best eligible sets out
 * (not a top list: each set covers the need together), with their trade-offs; swap any member for
 * another candidate and the check and coverage follow at once; adopt a set into the project.
 */
export function ConsortiumBuilder({
  projectId,
  instrumentId,
  conceptIds,
  text,
  partners,
  canEdit,
}: {
  projectId: string;
  instrumentId: string | null;
  conceptIds: string[];
  text: string;
  partners: Partner[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const f = useConsortiumFormat();
  const regions = useRegions();
  const id = useId();
  const [stages, setStages] = useState<string[]>(() => {
    const fromProject = [...new Set(conceptIds.map((c) => c.split('.')[0]!))];
    return fromProject.length > 0 ? fromProject : ['cam', 'cell', 'recycling'];
  });
  const [sizeMin, setSizeMin] = useState('3');
  const [sizeMax, setSizeMax] = useState('6');
  const [maxPerCountry, setMaxPerCountry] = useState('');
  const [minSmes, setMinSmes] = useState('');
  const [regionIds, setRegionIds] = useState<string[]>([]);
  const [keepPartners, setKeepPartners] = useState(true);
  const counting = partners.filter((p) => p.role === 'coordinator' || p.role === 'beneficiary');

  const suggest = useMutation({ mutationFn: suggestConsortia });
  if (!instrumentId) return <p className="notice">{t('consortium.builder.noInstrument')}</p>;

  const toggle = (list: string[], value: string) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  const num = (s: string) => (s.trim() === '' ? null : Math.max(0, Math.round(Number(s))));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    suggest.mutate({
      stageIds: stages,
      instrumentId,
      size: { min: num(sizeMin) ?? 1, max: num(sizeMax) ?? 6 },
      projectId: keepPartners && counting.length > 0 ? projectId : undefined,
      maxPerCountry: num(maxPerCountry),
      minSmes: num(minSmes),
      regionIds,
      query: text.trim() ? { text: text.slice(0, 2000) } : undefined,
      k: 3,
    });
  };

  const pool = new Map<string, Candidate>();
  for (const c of suggest.data?.candidates ?? []) pool.set(c.key, c);
  for (const c of suggest.data?.consortia ?? []) for (const m of c.members) pool.set(m.key, m);

  return (
    <div className="cn-builder">
      <form onSubmit={submit} className="cn-builder__form" aria-labelledby={`${id}-h`}>
        <h3 id={`${id}-h`} className="visually-hidden">
          {t('consortium.builder.constraints')}
        </h3>
        <fieldset className="fieldset">
          <legend>{t('consortium.builder.stages')}</legend>
          <div className="cn-stage-picks">
            {f.stages.map((s) => (
              <label key={s} className={`chip chip--filter${stages.includes(s) ? ' chip--active' : ''}`}>
                <input
                  type="checkbox"
                  checked={stages.includes(s)}
                  onChange={() => setStages(toggle(stages, s))}
                />{' '}
                {f.stage(s)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="cn-form__grid">
          {(
            [
              ['sizeMin', sizeMin, setSizeMin],
              ['sizeMax', sizeMax, setSizeMax],
              ['maxPerCountry', maxPerCountry, setMaxPerCountry],
              ['minSmes', minSmes, setMinSmes],
            ] as const
          ).map(([key, value, setValue]) => (
            <div className="field" key={key}>
              <label htmlFor={`${id}-${key}`}>{t(`consortium.builder.${key}`)}</label>
              <input
                id={`${id}-${key}`}
                type="number"
                min={key === 'minSmes' ? 0 : 1}
                max={30}
                value={value}
                onChange={(e) => setValue(e.target.value)}
              />
            </div>
          ))}
        </div>
        <fieldset className="fieldset">
          <legend>{t('consortium.builder.regions')}</legend>
          <div className="cn-stage-picks">
            {(regions.data ?? []).map((r) => (
              <label
                key={r.id}
                className={`chip chip--filter${regionIds.includes(r.id) ? ' chip--active' : ''}`}
              >
                <input
                  type="checkbox"
                  checked={regionIds.includes(r.id)}
                  onChange={() => setRegionIds(toggle(regionIds, r.id))}
                />{' '}
                {r.name[f.locale.language]}
              </label>
            ))}
          </div>
        </fieldset>
        {counting.length > 0 ? (
          <div className="field field--checkbox">
            <input
              id={`${id}-keep`}
              type="checkbox"
              checked={keepPartners}
              onChange={(e) => setKeepPartners(e.target.checked)}
            />
            <label htmlFor={`${id}-keep`}>
              {t('consortium.builder.keepPartners', { count: counting.length })}
            </label>
          </div>
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button" disabled={suggest.isPending || stages.length === 0}>
            {suggest.isPending ? t('consortium.builder.searching') : t('consortium.builder.suggest')}
          </button>
        </div>
      </form>

      <div aria-live="polite">
        {suggest.isError ? <ErrorMessage error={suggest.error} /> : null}
        {suggest.data ? (
          <>
            <p className="muted">
              {t('consortium.builder.considered', { count: suggest.data.candidatesConsidered })}
            </p>
            {suggest.data.infeasible ? (
              <p className="notice">{t(`consortium.builder.infeasible.${suggest.data.infeasible}`)}</p>
            ) : suggest.data.consortia.length === 0 ? (
              <p className="notice">{t('consortium.builder.none')}</p>
            ) : null}
          </>
        ) : null}
      </div>
      <ol className="cn-suggestions">
        {(suggest.data?.consortia ?? []).map((c, i) => (
          <SuggestionCard
            key={c.members.map((m) => m.key).join('|')}
            index={i}
            suggestion={c}
            pool={pool}
            instrumentId={instrumentId}
            stageIds={stages}
            projectId={projectId}
            partners={partners}
            canEdit={canEdit}
          />
        ))}
      </ol>
    </div>
  );
}

function SuggestionCard({
  index,
  suggestion,
  pool,
  instrumentId,
  stageIds,
  projectId,
  partners,
  canEdit,
}: {
  index: number;
  suggestion: SuggestedConsortium;
  pool: Map<string, Candidate>;
  instrumentId: string;
  stageIds: string[];
  projectId: string;
  partners: Partner[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const f = useConsortiumFormat();
  const id = useId();
  const [members, setMembers] = useState<Candidate[]>(suggestion.members);
  const [checked, setChecked] = useState<{ coverage: Coverage; eligibility: Eligibility }>({
    coverage: suggestion.coverage,
    eligibility: suggestion.eligibility,
  });
  const evaluate = useMutation({ mutationFn: evaluateConsortium });
  const adopt = useAdoptConsortium(projectId);
  const swapped = members.some((m, i) => m.key !== suggestion.members[i]?.key);

  const swap = async (position: number, key: string) => {
    const replacement = pool.get(key);
    if (!replacement) return;
    const next = members.map((m, i) => (i === position ? replacement : m));
    setMembers(next);
    const result = await evaluate.mutateAsync({
      instrumentId,
      stageIds,
      members: next.map((m) =>
        m.key.startsWith('partner:')
          ? {
              key: m.key,
              name: m.name,
              country: m.country,
              stageIds: m.stageIds,
              legalEntityGroup: m.legalEntityGroup,
            }
          : m.key,
      ),
    });
    setChecked({ coverage: result.coverage, eligibility: result.eligibility });
  };

  const existing = new Set(partners.map(keyOf));
  const toAdd = members.filter((m) => !existing.has(m.key));

  return (
    <li className="card cn-suggestion" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>
        {t('consortium.builder.option', { n: index + 1 })}
        {swapped ? <span className="badge">{t('consortium.builder.swapped')}</span> : null}
      </h3>
      <ul className="chips cn-coverage" aria-label={t('consortium.builder.coverage')}>
        {stageIds.map((s) => {
          const covered = checked.coverage.covered.includes(s);
          return (
            <li key={s} className={`chip ${covered ? 'cn-chip--covered' : 'cn-chip--missing'}`}>
              <span aria-hidden="true">{covered ? '✓' : '✗'}</span> {f.stage(s)}
              <span className="visually-hidden">
                {covered ? t('consortium.builder.covered') : t('consortium.builder.missing')}
              </span>
            </li>
          );
        })}
      </ul>
      <table className="table cn-members">
        <caption className="visually-hidden">{t('consortium.builder.members')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('consortium.table.name')}</th>
            <th scope="col">{t('consortium.table.country')}</th>
            <th scope="col">{t('consortium.builder.stagesCol')}</th>
            <th scope="col">{t('consortium.builder.swap')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m, i) => {
            const alternatives = [...pool.values()].filter((c) => !members.some((x) => x.key === c.key));
            return (
              <tr key={m.key}>
                <th scope="row">
                  {m.name}
                  {m.isSme ? <span className="badge cn-badge">{t('consortium.sme')}</span> : null}
                  <span className="muted cn-kind">
                    {' '}
                    {m.key.startsWith('partner:')
                      ? t('consortium.builder.projectPartner')
                      : t(`consortium.kind.${m.kind}`)}
                  </span>
                </th>
                <td>{f.country(m.country)}</td>
                <td>
                  {m.stageIds
                    .filter((s) => stageIds.includes(s))
                    .map(f.stage)
                    .join(', ') || '—'}
                </td>
                <td>
                  {alternatives.length > 0 ? (
                    <select
                      aria-label={t('consortium.builder.swapLabel', { name: m.name })}
                      value=""
                      onChange={(e) => void swap(i, e.target.value)}
                    >
                      <option value="">{t('consortium.builder.swapFor')}</option>
                      {alternatives.map((c) => (
                        <option key={c.key} value={c.key}>
                          {c.name} ({c.country})
                          {c.stageIds.length > 0 ? ` – ${c.stageIds.map(f.stage).join(', ')}` : ''}
                        </option>
                      ))}
                    </select>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div aria-live="polite" aria-busy={evaluate.isPending}>
        <EligibilityChecklist eligibility={checked.eligibility} compact />
      </div>
      {evaluate.isError ? <ErrorMessage error={evaluate.error} /> : null}
      {swapped ? null : (
        <ul className="cn-tradeoffs">
          {suggestion.tradeOffs.map((o) => (
            <li key={`${o.code}-${JSON.stringify(o.params)}`}>
              {t(`consortium.tradeOffs.${o.code}`, f.params(o.params))}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <div className="form__actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={adopt.isPending || toAdd.length === 0}
            onClick={() =>
              adopt.mutate({ members: toAdd, hasCoordinator: partners.some((p) => p.role === 'coordinator') })
            }
          >
            {toAdd.length === 0
              ? t('consortium.builder.allIn')
              : t('consortium.builder.use', { count: toAdd.length })}
          </button>
          {adopt.isSuccess ? <span role="status">{t('consortium.builder.adopted')}</span> : null}
        </div>
      ) : null}
      {adopt.isError ? <ErrorMessage error={adopt.error} /> : null}
    </li>
  );
}
