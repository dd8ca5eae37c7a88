// Editing a site's key facts: name, status, descriptions, land, utilities, logistics, permit,
// shared services and visibility. Only what changed is sent.
import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import { parseDecimal } from './decimal.ts';
import { useFormProblems } from './form-problems.tsx';
import { isOneOf, useSiteLabels } from './site-labels.ts';
import {
  PERMIT_STATUSES,
  SITE_STATUSES,
  type Site,
  type SiteInput,
  type SiteUtility,
  UTILITY_KINDS,
  useUpdateSite,
} from './sites-api.ts';

/** The usual units per utility kind, offered when a row is added. */
const DEFAULT_UNITS: Record<string, [string | null, string | null]> = {
  electricity: ['MW', '€/MWh'],
  steam: ['t/h', '€/t'],
  process_water: ['m³/h', '€/m³'],
  cooling_water: ['m³/h', '€/m³'],
  demineralised_water: ['m³/h', '€/m³'],
  wastewater_treatment: ['m³/d', '€/m³'],
  industrial_gases: [null, null],
  natural_gas: ['MW', '€/MWh'],
  hydrogen: ['t/d', '€/kg'],
  district_heat: ['MW', '€/MWh'],
};

type NumberField = 'totalAreaHa' | 'availableAreaHa' | 'fairwayDepthM' | 'portDistanceKm' | 'readyInMonths';
const NUMBER_FIELDS: NumberField[] = [
  'totalAreaHa',
  'availableAreaHa',
  'fairwayDepthM',
  'portDistanceKm',
  'readyInMonths',
];
/** The fields that show their own problem; any other problem is said in general. */
const SHOWN_FIELDS = new Set<string>(['name', 'utilities', ...NUMBER_FIELDS]);

interface UtilityRow {
  kind: string;
  capacity: string;
  capacityUnit: string;
  price: string;
  priceUnit: string;
  note: string;
}

interface Values {
  name: string;
  status: string;
  municipality: string;
  descriptionFi: string;
  descriptionSv: string;
  descriptionEn: string;
  numbers: Record<NumberField, string>;
  portName: string;
  /** null: not stated. */
  rail: boolean | null;
  chemicalsHandling: boolean | null;
  /** '' : not stated. */
  permitStatus: string;
  permitNote: string;
  sharedServices: string;
  utilities: UtilityRow[];
  isPublic: boolean;
}

const text = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

function toValues(site: Site): Values {
  return {
    name: site.name,
    status: site.status,
    municipality: site.municipality ?? '',
    descriptionFi: site.description.fi,
    descriptionSv: site.description.sv,
    descriptionEn: site.description.en,
    numbers: Object.fromEntries(NUMBER_FIELDS.map((f) => [f, text(site[f])])) as Record<NumberField, string>,
    portName: site.portName ?? '',
    rail: site.rail,
    chemicalsHandling: site.chemicalsHandling,
    permitStatus: site.permitStatus ?? '',
    permitNote: site.permitNote ?? '',
    sharedServices: site.sharedServices.join('\n'),
    utilities: site.utilities.map((u) => ({
      kind: u.kind,
      capacity: text(u.capacity),
      capacityUnit: u.capacityUnit ?? '',
      price: text(u.price),
      priceUnit: u.priceUnit ?? '',
      note: u.note ?? '',
    })),
    isPublic: site.isPublic,
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

function toUtilities(rows: UtilityRow[]): SiteUtility[] | 'invalid' {
  const out: SiteUtility[] = [];
  for (const row of rows) {
    const capacity = parseDecimal(row.capacity);
    const price = parseDecimal(row.price);
    if (capacity === 'invalid' || price === 'invalid') return 'invalid';
    out.push({
      kind: row.kind,
      capacity,
      capacityUnit: orNull(row.capacityUnit),
      price,
      priceUnit: orNull(row.priceUnit),
      ...(row.note.trim() ? { note: row.note.trim() } : {}),
    });
  }
  return out;
}

/** The changed fields, or the names of the fields that are not valid numbers. */
export function changedSiteFields(before: Values, after: Values): { input: SiteInput; invalid: string[] } {
  const input: SiteInput = {};
  const invalid: string[] = [];
  if (after.name.trim() !== before.name) input.name = after.name.trim();
  if (after.status !== before.status && isOneOf(SITE_STATUSES, after.status)) input.status = after.status;
  if (orNull(after.municipality) !== orNull(before.municipality))
    input.municipality = orNull(after.municipality);
  if (
    after.descriptionFi !== before.descriptionFi ||
    after.descriptionSv !== before.descriptionSv ||
    after.descriptionEn !== before.descriptionEn
  ) {
    input.description = {
      fi: after.descriptionFi.trim(),
      sv: after.descriptionSv.trim(),
      en: after.descriptionEn.trim(),
    };
  }
  for (const field of NUMBER_FIELDS) {
    if (after.numbers[field] === before.numbers[field]) continue;
    const parsed = parseDecimal(after.numbers[field]);
    if (parsed === 'invalid') invalid.push(field);
    else input[field] = parsed;
  }
  if (orNull(after.portName) !== orNull(before.portName)) input.portName = orNull(after.portName);
  if (after.rail !== before.rail) input.rail = after.rail;
  if (after.chemicalsHandling !== before.chemicalsHandling) input.chemicalsHandling = after.chemicalsHandling;
  if (after.permitStatus !== before.permitStatus) input.permitStatus = after.permitStatus || null;
  if (orNull(after.permitNote) !== orNull(before.permitNote)) input.permitNote = orNull(after.permitNote);
  if (after.sharedServices !== before.sharedServices) {
    input.sharedServices = after.sharedServices
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  }
  if (JSON.stringify(after.utilities) !== JSON.stringify(before.utilities)) {
    const utilities = toUtilities(after.utilities);
    if (utilities === 'invalid') invalid.push('utilities');
    else input.utilities = utilities;
  }
  if (after.isPublic !== before.isPublic) input.isPublic = after.isPublic;
  return { input, invalid };
}

interface Props {
  site: Site;
  onSaved: () => void;
  onCancel: () => void;
}

export function SiteEditForm({ site, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const labels = useSiteLabels();
  const update = useUpdateSite(site.id);
  const initial = useMemo(() => toValues(site), [site]);
  const [values, setValues] = useState<Values>(initial);
  const [status, setStatus] = useState('');
  const { setProblems, idOf, invalidProps, errorFor, summary } = useFormProblems(problemText);

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((current) => ({ ...current, [key]: value }));
    setStatus('');
  }
  function setNumber(field: NumberField, value: string) {
    setValues((current) => ({ ...current, numbers: { ...current.numbers, [field]: value } }));
  }
  function setUtility(index: number, changes: Partial<UtilityRow>) {
    setValues((current) => ({
      ...current,
      utilities: current.utilities.map((row, i) => (i === index ? { ...row, ...changes } : row)),
    }));
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const missing = values.name.trim() === '' ? ['name'] : [];
    const { input, invalid } = changedSiteFields(initial, values);
    if (missing.length + invalid.length > 0) {
      setProblems([...missing, ...invalid]);
      return;
    }
    setProblems([]);
    if (Object.keys(input).length === 0) {
      setStatus(t('sites.edit.nothingChanged'));
      return;
    }
    update.mutate(input, {
      onSuccess: onSaved,
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'validation_failed') {
          // Fields the form shows get their own message; the rest say so in general.
          const fields = error.issues.map((issue) => {
            const field = (issue.path[0] === 'body' ? issue.path[1] : issue.path[0]) ?? '';
            return SHOWN_FIELDS.has(field) ? field : 'general';
          });
          setProblems(fields.length > 0 ? [...new Set(fields)] : ['general']);
        }
      },
    });
  }

  function problemText(field: string): string {
    if (field === 'name') return t('sites.edit.errors.name');
    if (field === 'utilities') return t('sites.edit.errors.utilities');
    if ((NUMBER_FIELDS as string[]).includes(field))
      return t('sites.edit.errors.number', { field: fieldLabel(field) });
    return t('sites.edit.errors.general');
  }
  function fieldLabel(field: string): string {
    switch (field) {
      case 'totalAreaHa':
        return t('sites.facts.totalArea');
      case 'availableAreaHa':
        return t('sites.facts.availableLand');
      case 'fairwayDepthM':
        return t('sites.facts.fairwayDepth');
      case 'portDistanceKm':
        return t('sites.facts.portDistance');
      default:
        return t('sites.facts.readyIn');
    }
  }
  const numberUnits: Record<NumberField, string> = {
    totalAreaHa: 'ha',
    availableAreaHa: 'ha',
    fairwayDepthM: 'm',
    portDistanceKm: 'km',
    readyInMonths: t('sites.units.months'),
  };

  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      {summary(update.error)}

      <div className="form__row">
        <div className="field">
          <label htmlFor={idOf('name')}>{t('sites.edit.name')}</label>
          <input
            id={idOf('name')}
            value={values.name}
            required
            onChange={(e) => set('name', e.target.value)}
            {...invalidProps('name')}
          />
          {errorFor('name')}
        </div>
        <div className="field">
          <label htmlFor={idOf('status')}>{t('sites.edit.status')}</label>
          <select id={idOf('status')} value={values.status} onChange={(e) => set('status', e.target.value)}>
            {SITE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {labels.status(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={idOf('municipality')}>{t('sites.facts.municipality')}</label>
          <input
            id={idOf('municipality')}
            value={values.municipality}
            onChange={(e) => set('municipality', e.target.value)}
          />
        </div>
      </div>

      <fieldset className="fieldset">
        <legend>{t('sites.edit.descriptions')}</legend>
        {(['Fi', 'Sv', 'En'] as const).map((suffix) => {
          const key = `description${suffix}` as const;
          const lang = suffix.toLowerCase() as 'fi' | 'sv' | 'en';
          return (
            <div className="field" key={suffix}>
              <label htmlFor={idOf(key)}>{t(`sites.edit.description.${lang}`)}</label>
              <textarea
                id={idOf(key)}
                lang={lang}
                rows={4}
                value={values[key]}
                onChange={(e) => set(key, e.target.value)}
              />
            </div>
          );
        })}
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('sites.edit.landAndLogistics')}</legend>
        <p className="field__hint">{t('sites.edit.numbersHint')}</p>
        <div className="form__row">
          {NUMBER_FIELDS.map((field) => (
            <div className="field" key={field}>
              <label htmlFor={idOf(field)}>
                {fieldLabel(field)} ({numberUnits[field]})
              </label>
              <input
                id={idOf(field)}
                inputMode="decimal"
                autoComplete="off"
                value={values.numbers[field]}
                onChange={(e) => setNumber(field, e.target.value)}
                {...invalidProps(field)}
              />
              {errorFor(field)}
            </div>
          ))}
          <div className="field">
            <label htmlFor={idOf('portName')}>{t('sites.facts.port')}</label>
            <input
              id={idOf('portName')}
              value={values.portName}
              onChange={(e) => set('portName', e.target.value)}
            />
          </div>
        </div>
        <div className="form__row">
          <StatedChoice
            id={idOf('rail')}
            label={t('sites.edit.rail')}
            value={values.rail}
            onChange={(value) => set('rail', value)}
          />
          <StatedChoice
            id={idOf('chemicals')}
            label={t('sites.edit.chemicals')}
            value={values.chemicalsHandling}
            onChange={(value) => set('chemicalsHandling', value)}
          />
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('sites.profile.utilities')}</legend>
        <p className="field__hint">{t('sites.edit.utilitiesHint')}</p>
        {errorFor('utilities')}
        {values.utilities.length > 0 ? (
          <div className="table-wrap">
            <table className="table site-table" id={idOf('utilities')}>
              <thead>
                <tr>
                  <th scope="col">{t('sites.profile.utility')}</th>
                  <th scope="col">{t('sites.profile.capacity')}</th>
                  <th scope="col">{t('sites.edit.unit')}</th>
                  <th scope="col">{t('sites.profile.price')}</th>
                  <th scope="col">{t('sites.edit.unit')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('sites.edit.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {values.utilities.map((row, index) => {
                  const name = labels.utility(row.kind);
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place by position
                    <tr key={index}>
                      <th scope="row">{name}</th>
                      <td>
                        <input
                          aria-label={t('sites.edit.capacityOf', { utility: name })}
                          inputMode="decimal"
                          value={row.capacity}
                          onChange={(e) => setUtility(index, { capacity: e.target.value })}
                        />
                      </td>
                      <td>
                        <input
                          aria-label={t('sites.edit.capacityUnitOf', { utility: name })}
                          value={row.capacityUnit}
                          onChange={(e) => setUtility(index, { capacityUnit: e.target.value })}
                        />
                      </td>
                      <td>
                        <input
                          aria-label={t('sites.edit.priceOf', { utility: name })}
                          inputMode="decimal"
                          value={row.price}
                          placeholder={t('sites.notPublished')}
                          onChange={(e) => setUtility(index, { price: e.target.value })}
                        />
                      </td>
                      <td>
                        <input
                          aria-label={t('sites.edit.priceUnitOf', { utility: name })}
                          value={row.priceUnit}
                          onChange={(e) => setUtility(index, { priceUnit: e.target.value })}
                        />
                      </td>
                      <td>
                        <button
                          type="button"
                          className="link-button link-button--danger"
                          onClick={() =>
                            set(
                              'utilities',
                              values.utilities.filter((_, i) => i !== index),
                            )
                          }
                        >
                          {t('sites.edit.remove')}
                          <span className="visually-hidden"> {name}</span>
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
        <AddUtility
          onAdd={(kind) => {
            const [capacityUnit, priceUnit] = DEFAULT_UNITS[kind] ?? [null, null];
            set('utilities', [
              ...values.utilities,
              {
                kind,
                capacity: '',
                capacityUnit: capacityUnit ?? '',
                price: '',
                priceUnit: priceUnit ?? '',
                note: '',
              },
            ]);
          }}
        />
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('sites.profile.permits')}</legend>
        <div className="form__row">
          <div className="field">
            <label htmlFor={idOf('permit')}>{t('sites.facts.permit')}</label>
            <select
              id={idOf('permit')}
              value={values.permitStatus}
              onChange={(e) => set('permitStatus', e.target.value)}
            >
              <option value="">{t('sites.edit.notStated')}</option>
              {PERMIT_STATUSES.map((p) => (
                <option key={p} value={p}>
                  {labels.permit(p)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={idOf('permitNote')}>{t('sites.edit.permitNote')}</label>
            <textarea
              id={idOf('permitNote')}
              rows={2}
              value={values.permitNote}
              onChange={(e) => set('permitNote', e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={idOf('sharedServices')}>{t('sites.profile.sharedServices')}</label>
            <p className="field__hint" id={`${idOf('sharedServices')}-hint`}>
              {t('sites.edit.onePerLine')}
            </p>
            <textarea
              id={idOf('sharedServices')}
              rows={4}
              aria-describedby={`${idOf('sharedServices')}-hint`}
              value={values.sharedServices}
              onChange={(e) => set('sharedServices', e.target.value)}
            />
          </div>
        </div>
      </fieldset>

      <div className="field field--checkbox">
        <input
          id={idOf('isPublic')}
          type="checkbox"
          checked={values.isPublic}
          onChange={(e) => set('isPublic', e.target.checked)}
        />
        <label htmlFor={idOf('isPublic')}>{t('sites.edit.isPublic')}</label>
      </div>

      <p className="form__status" role="status">
        {update.isPending ? t('sites.edit.saving') : status}
      </p>
      <div className="form__actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {t('sites.edit.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('sites.edit.cancel')}
        </button>
      </div>
    </form>
  );
}

function AddUtility({ onAdd }: { onAdd: (kind: string) => void }) {
  const { t } = useTranslation();
  const labels = useSiteLabels();
  const [kind, setKind] = useState<string>(UTILITY_KINDS[0]);
  const id = useId();
  return (
    <div className="form--inline site-add-utility">
      <div className="field">
        <label htmlFor={id}>{t('sites.edit.addUtilityKind')}</label>
        <select id={id} value={kind} onChange={(e) => setKind(e.target.value)}>
          {UTILITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {labels.utility(k)}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="button button--secondary" onClick={() => onAdd(kind)}>
        {t('sites.edit.addUtility')}
      </button>
    </div>
  );
}

/** A yes/no fact the site may also leave unstated: "not stated", yes or no. */
function StatedChoice({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: boolean | null;
  onChange: (value: boolean | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value === null ? '' : value ? 'yes' : 'no'}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value === 'yes')}
      >
        <option value="">{t('sites.edit.notStated')}</option>
        <option value="yes">{t('sites.yes')}</option>
        <option value="no">{t('sites.no')}</option>
      </select>
    </div>
  );
}
