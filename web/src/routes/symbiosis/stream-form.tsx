// Adding a stream an organisation offers or needs. A member adds for their own organisation;
// a coordinator or an admin chooses the organisation (the server checks the choice per row).
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type User } from '../../api.ts';
import { pickLabel, useLocale } from '../../locale.ts';
import { useOrganisations } from '../../queries.ts';
import { useEcosystemMap } from '../regions/ecosystem-api.ts';
import { parseDecimal } from '../sites/decimal.ts';
import { useFormProblems } from '../sites/form-problems.tsx';
import { useSites } from '../sites/sites-api.ts';
import {
  AVAILABILITIES,
  type Availability,
  type StreamDirection,
  type StreamType,
  useCreateStream,
} from './symbiosis-api.ts';
import { useSymbiosisText } from './symbiosis-text.ts';

interface Props {
  user: User;
  types: StreamType[];
  onSaved: () => void;
  onCancel: () => void;
}

type Problem = 'organisation' | 'streamType' | 'quantity' | 'general';

export function StreamForm({ user, types, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = useSymbiosisText();
  const create = useCreateStream();
  const choosesOrganisation = user.organisationId === null;
  const organisations = useOrganisations({
    pageSize: 100,
    region: user.role === 'coordinator' ? (user.regionId ?? undefined) : undefined,
  });
  const sites = useSites();
  // Without a site, the stream is placed at its organisation's municipality, as on the ecosystem map.
  const ecosystem = useEcosystemMap();
  const [organisationId, setOrganisationId] = useState(user.organisationId ?? '');
  const [direction, setDirection] = useState<StreamDirection>('offer');
  const [streamType, setStreamType] = useState('');
  const [name, setName] = useState('');
  const [quantity, setQuantity] = useState('');
  const [unit, setUnit] = useState('');
  const [quality, setQuality] = useState('');
  const [availability, setAvailability] = useState<Availability>('continuous');
  const [availableFrom, setAvailableFrom] = useState('');
  const [siteId, setSiteId] = useState('');
  const [isPublic, setIsPublic] = useState(true);
  const {
    setProblems,
    idOf,
    invalidProps: invalid,
    errorFor,
    summary,
  } = useFormProblems((problem) => t(`symbiosis.form.errors.${problem as Problem}`));
  const type = types.find((candidate) => candidate.key === streamType);
  const sortedTypes = [...types].sort((a, b) =>
    locale.collator.compare(pickLabel(a.label, locale.language), pickLabel(b.label, locale.language)),
  );

  function chooseType(key: string) {
    setStreamType(key);
    const units = types.find((candidate) => candidate.key === key)?.units ?? [];
    if (!units.includes(unit)) setUnit(units[0] ?? '');
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found: Problem[] = [];
    if (choosesOrganisation && !organisationId) found.push('organisation');
    if (!streamType) found.push('streamType');
    const amount = parseDecimal(quantity);
    if (amount === 'invalid') found.push('quantity');
    setProblems(found);
    if (found.length > 0) return;
    const owner = choosesOrganisation ? organisationId : (user.organisationId ?? '');
    const place = siteId
      ? undefined
      : [
          ...(ecosystem.data?.regions.flatMap((r) => r.organisations) ?? []),
          ...(ecosystem.data?.outside ?? []),
        ].find((point) => point.id === owner);
    const label = name.trim() ? { fi: '', sv: '', en: '', [locale.language]: name.trim() } : undefined;
    create.mutate(
      {
        ...(choosesOrganisation ? { organisationId } : { organisationId: user.organisationId ?? undefined }),
        direction,
        streamType,
        ...(label ? { label: label as { fi: string; sv: string; en: string } } : {}),
        quantity: amount === 'invalid' ? null : amount,
        unit: unit || null,
        quality: quality.trim() || null,
        availability,
        availableFrom: availableFrom || null,
        siteId: siteId || null,
        ...(place ? { lat: place.lat, lon: place.lon } : {}),
        isPublic,
      },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'validation_failed') setProblems(['general']);
        },
      },
    );
  }

  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      {summary(create.error)}

      <div className="form__row">
        {choosesOrganisation ? (
          <div className="field">
            <label htmlFor={idOf('organisation')}>{t('symbiosis.form.organisation')}</label>
            <select
              id={idOf('organisation')}
              value={organisationId}
              onChange={(e) => setOrganisationId(e.target.value)}
              {...invalid('organisation')}
            >
              <option value="">{t('symbiosis.form.chooseOrganisation')}</option>
              {(organisations.data?.items ?? []).map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
            {errorFor('organisation')}
          </div>
        ) : null}

        <fieldset className="fieldset">
          <legend>{t('symbiosis.form.direction')}</legend>
          {(['offer', 'need'] as const).map((value) => (
            <div className="field field--checkbox" key={value}>
              <input
                id={idOf(`direction-${value}`)}
                type="radio"
                name={idOf('direction')}
                checked={direction === value}
                onChange={() => setDirection(value)}
              />
              <label htmlFor={idOf(`direction-${value}`)}>{t(`symbiosis.form.${value}`)}</label>
            </div>
          ))}
        </fieldset>

        <div className="field">
          <label htmlFor={idOf('streamType')}>{t('symbiosis.typeLabel')}</label>
          <select
            id={idOf('streamType')}
            value={streamType}
            onChange={(e) => chooseType(e.target.value)}
            {...invalid('streamType')}
          >
            <option value="">{t('symbiosis.form.chooseType')}</option>
            {sortedTypes.map((candidate) => (
              <option key={candidate.key} value={candidate.key}>
                {text.typeLabel(candidate.key)}
              </option>
            ))}
          </select>
          {errorFor('streamType')}
        </div>

        <div className="field">
          <label htmlFor={idOf('name')}>{t('symbiosis.form.name')}</label>
          <p className="field__hint" id={`${idOf('name')}-hint`}>
            {t('symbiosis.form.nameHint')}
          </p>
          <input
            id={idOf('name')}
            value={name}
            aria-describedby={`${idOf('name')}-hint`}
            onChange={(e) => setName(e.target.value)}
          />
        </div>

        <div className="symbiosis-form__quantity">
          <div className="field">
            <label htmlFor={idOf('quantity')}>{t('symbiosis.form.quantity')}</label>
            <input
              id={idOf('quantity')}
              inputMode="decimal"
              autoComplete="off"
              value={quantity}
              onChange={(e) => setQuantity(e.target.value)}
              {...invalid('quantity')}
            />
            {errorFor('quantity')}
          </div>
          <div className="field">
            <label htmlFor={idOf('unit')}>{t('symbiosis.form.unit')}</label>
            {type && type.units.length > 0 ? (
              <select id={idOf('unit')} value={unit} onChange={(e) => setUnit(e.target.value)}>
                {type.units.map((u) => (
                  <option key={u} value={u}>
                    {u}
                  </option>
                ))}
              </select>
            ) : (
              <input id={idOf('unit')} value={unit} onChange={(e) => setUnit(e.target.value)} />
            )}
          </div>
        </div>

        <div className="field">
          <label htmlFor={idOf('quality')}>{t('symbiosis.form.quality')}</label>
          <input id={idOf('quality')} value={quality} onChange={(e) => setQuality(e.target.value)} />
        </div>

        <div className="field">
          <label htmlFor={idOf('availability')}>{t('symbiosis.colAvailability')}</label>
          <select
            id={idOf('availability')}
            value={availability}
            onChange={(e) => setAvailability(e.target.value as Availability)}
          >
            {AVAILABILITIES.map((value) => (
              <option key={value} value={value}>
                {text.availability(value)}
              </option>
            ))}
          </select>
        </div>

        <div className="field">
          <label htmlFor={idOf('from')}>{t('symbiosis.form.availableFrom')}</label>
          <input
            id={idOf('from')}
            type="month"
            value={availableFrom}
            onChange={(e) => setAvailableFrom(e.target.value)}
          />
        </div>

        <div className="field">
          <label htmlFor={idOf('site')}>{t('symbiosis.form.site')}</label>
          <p className="field__hint" id={`${idOf('site')}-hint`}>
            {t('symbiosis.form.siteHint')}
          </p>
          <select
            id={idOf('site')}
            value={siteId}
            aria-describedby={`${idOf('site')}-hint`}
            onChange={(e) => setSiteId(e.target.value)}
          >
            <option value="">{t('symbiosis.form.noSite')}</option>
            {(sites.data?.items ?? []).map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div className="field field--checkbox">
        <input
          id={idOf('public')}
          type="checkbox"
          checked={isPublic}
          onChange={(e) => setIsPublic(e.target.checked)}
        />
        <label htmlFor={idOf('public')}>{t('symbiosis.form.isPublic')}</label>
      </div>

      <p className="form__status" role="status">
        {create.isPending ? t('sites.edit.saving') : ''}
      </p>
      <div className="form__actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {t('symbiosis.form.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('sites.edit.cancel')}
        </button>
      </div>
    </form>
  );
}
