import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading, useErrorText } from '../../components/status.tsx';
import { useSession } from '../../queries.ts';
import {
  type ProgrammeCountry,
  type ProgrammeCountryInput,
  useDeleteProgrammeCountry,
  useProgrammeCountries,
  usePutProgrammeCountry,
} from '../projects/consortium-api.ts';
import { useConsortiumFormat } from '../projects/consortium-format.ts';
import '../projects/consortium.css';

/**
 * /admin/programme-countries: Horizon Europe Member States and Associated Countries with scope,
 * dates and source. Everyone reads; admins add, edit and remove (association changes often).
 */
export function ProgrammeCountriesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const countries = useProgrammeCountries();
  const isAdmin = session.data?.user?.role === 'admin';
  const [editing, setEditing] = useState<string | null>(null);
  const remove = useDeleteProgrammeCountry();
  const f = useConsortiumFormat();

  return (
    <article className="cn-page">
      <PageHeading title={t('programmeCountries.title')} lead={t('programmeCountries.lead')} />
      {countries.isPending ? (
        <Loading />
      ) : countries.isError ? (
        <ErrorMessage error={countries.error} />
      ) : (
        <>
          {(['member_state', 'associated'] as const).map((status) => (
            <section key={status} className="card cn-section" aria-labelledby={`pc-${status}`}>
              <h2 id={`pc-${status}`}>{t(`programmeCountries.status.${status}`)}</h2>
              <div className="table-wrap">
                <table className="table cn-table">
                  <caption className="visually-hidden">{t(`programmeCountries.status.${status}`)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('programmeCountries.country')}</th>
                      <th scope="col">{t('programmeCountries.scope')}</th>
                      <th scope="col">{t('programmeCountries.from')}</th>
                      <th scope="col">{t('programmeCountries.to')}</th>
                      <th scope="col">{t('programmeCountries.source')}</th>
                      {isAdmin ? <th scope="col">{t('consortium.table.actions')}</th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {countries.data
                      .filter((c) => c.status === status)
                      .sort((a, b) =>
                        f.locale.collator.compare(f.country(a.countryCode), f.country(b.countryCode)),
                      )
                      .map((c) => (
                        <tr key={c.countryCode}>
                          <th scope="row">
                            {f.country(c.countryCode)} <span className="muted">{c.countryCode}</span>
                          </th>
                          <td>
                            {t(`programmeCountries.scopes.${c.scope}`)}
                            {c.transitional ? (
                              <span className="badge badge--warn cn-badge">
                                {t('programmeCountries.transitional')}
                              </span>
                            ) : null}
                          </td>
                          <td>{c.fromDate ? f.locale.formatDate(c.fromDate) : '—'}</td>
                          <td>{c.toDate ? f.locale.formatDate(c.toDate) : '—'}</td>
                          <td className="cn-source">{c.source}</td>
                          {isAdmin ? (
                            <td className="cn-row-actions">
                              <button
                                type="button"
                                className="link-button"
                                aria-expanded={editing === c.countryCode}
                                onClick={() => setEditing(editing === c.countryCode ? null : c.countryCode)}
                              >
                                {t('programmeCountries.edit')}
                                <span className="visually-hidden"> {f.country(c.countryCode)}</span>
                              </button>
                              <button
                                type="button"
                                className="link-button link-button--danger"
                                onClick={() => {
                                  if (
                                    window.confirm(
                                      t('programmeCountries.confirmRemove', {
                                        name: f.country(c.countryCode),
                                      }),
                                    )
                                  )
                                    remove.mutate(c.countryCode);
                                }}
                              >
                                {t('programmeCountries.remove')}
                                <span className="visually-hidden"> {f.country(c.countryCode)}</span>
                              </button>
                            </td>
                          ) : null}
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
          {remove.isError ? <ErrorMessage error={remove.error} /> : null}
          {isAdmin ? (
            <section className="card cn-section" aria-labelledby="pc-form-h">
              <h2 id="pc-form-h">
                {editing
                  ? t('programmeCountries.editTitle', { code: editing })
                  : t('programmeCountries.addTitle')}
              </h2>
              <CountryForm
                key={editing ?? 'new'}
                country={countries.data.find((c) => c.countryCode === editing) ?? null}
                onDone={() => setEditing(null)}
              />
            </section>
          ) : (
            <p className="muted">{t('programmeCountries.readOnly')}</p>
          )}
        </>
      )}
    </article>
  );
}

function CountryForm({ country, onDone }: { country: ProgrammeCountry | null; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const errorText = useErrorText();
  const put = usePutProgrammeCountry();
  const [code, setCode] = useState(country?.countryCode ?? '');
  const [draft, setDraft] = useState<ProgrammeCountryInput>({
    name: country?.name ?? '',
    status: country?.status ?? 'associated',
    scope: country?.scope ?? 'full',
    fromDate: country?.fromDate ?? null,
    toDate: country?.toDate ?? null,
    transitional: country?.transitional ?? false,
    source: country?.source ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof ProgrammeCountryInput>(k: K, v: ProgrammeCountryInput[K]) =>
    setDraft((d) => ({ ...d, [k]: v }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await put.mutateAsync({ code: code.trim().toUpperCase(), input: draft });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError && e.message ? `${errorText(e)} ${e.message}` : errorText(e));
    }
  };

  return (
    <form onSubmit={submit}>
      <div className="cn-form__grid">
        <div className="field">
          <label htmlFor={`${id}-code`}>{t('programmeCountries.code')}</label>
          <input
            id={`${id}-code`}
            required
            pattern="[A-Za-z]{2}"
            maxLength={2}
            size={3}
            value={code}
            disabled={country !== null}
            onChange={(e) => setCode(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('programmeCountries.name')}</label>
          <input
            id={`${id}-name`}
            required
            maxLength={200}
            value={draft.name}
            onChange={(e) => set('name', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('programmeCountries.statusLabel')}</label>
          <select
            id={`${id}-status`}
            value={draft.status}
            onChange={(e) => set('status', e.target.value as ProgrammeCountryInput['status'])}
          >
            <option value="member_state">{t('programmeCountries.status.member_state')}</option>
            <option value="associated">{t('programmeCountries.status.associated')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-scope`}>{t('programmeCountries.scope')}</label>
          <select
            id={`${id}-scope`}
            value={draft.scope}
            onChange={(e) => set('scope', e.target.value as ProgrammeCountryInput['scope'])}
          >
            {(['full', 'pillar2', 'full_except_eic_fund'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`programmeCountries.scopes.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('programmeCountries.from')}</label>
          <input
            id={`${id}-from`}
            type="date"
            value={draft.fromDate ?? ''}
            onChange={(e) => set('fromDate', e.target.value || null)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('programmeCountries.to')}</label>
          <input
            id={`${id}-to`}
            type="date"
            value={draft.toDate ?? ''}
            onChange={(e) => set('toDate', e.target.value || null)}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-source`}>{t('programmeCountries.source')}</label>
        <input
          id={`${id}-source`}
          maxLength={2000}
          value={draft.source}
          onChange={(e) => set('source', e.target.value)}
        />
      </div>
      <div className="field field--checkbox">
        <input
          id={`${id}-tr`}
          type="checkbox"
          checked={draft.transitional}
          onChange={(e) => set('transitional', e.target.checked)}
        />
        <label htmlFor={`${id}-tr`}>{t('programmeCountries.transitionalLabel')}</label>
      </div>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button" disabled={put.isPending}>
          {t('programmeCountries.save')}
        </button>
        {country ? (
          <button type="button" className="button button--secondary" onClick={onDone}>
            {t('consortium.form.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
