import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MapLine, MapMarker } from '../../components/map/point-map.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { pickLabel, useLocale } from '../../locale.ts';
import { useSession } from '../../queries.ts';
import { useSiteLabels } from '../sites/site-labels.ts';
import { FilterSelect } from '../sites/filter-select.tsx';
import { SitesNav } from '../sites/sites-nav.tsx';
import { useUrlFilters } from '../sites/use-url-filters.ts';
import { StreamForm } from './stream-form.tsx';
import {
  type Stream,
  type StreamMatch,
  streamLabel,
  useStreamMatches,
  useStreams,
  useStreamTypes,
} from './symbiosis-api.ts';
import { isPositiveReason, useSymbiosisText } from './symbiosis-text.ts';
import '../sites/sites.css';
import './symbiosis.css';

const PointMap = lazy(() => import('../../components/map/point-map.tsx'));

type DirectionFilter = '' | 'offer' | 'need';

export function SymbiosisPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = useSymbiosisText();
  const session = useSession();
  const filters = useUrlFilters(['type', 'direction'] as const);
  const type = filters.values.type;
  const direction: DirectionFilter =
    filters.values.direction === 'offer' || filters.values.direction === 'need'
      ? filters.values.direction
      : '';
  const types = useStreamTypes();
  const streams = useStreams(type);
  const matches = useStreamMatches();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState(false);
  const [activeMatch, setActiveMatch] = useState<string | null>(null);
  const ids = {
    matches: useId(),
    offers: useId(),
    needs: useId(),
    add: useId(),
  };

  const all = streams.data ?? [];
  const byId = useMemo(() => new Map(all.map((s) => [s.id, s])), [all]);
  const shown = all.filter((s) => !direction || s.direction === direction);
  const offers = shown.filter((s) => s.direction === 'offer');
  const needs = shown.filter((s) => s.direction === 'need');
  const shownIds = new Set(shown.map((s) => s.id));
  const shownMatches = (matches.data ?? []).filter(
    (m) => (!type || m.streamType === type) && byId.has(m.offerId) && byId.has(m.needId),
  );
  const typeOptions = useMemo(
    () =>
      (types.data ?? [])
        .map((st) => ({ value: st.key, label: pickLabel(st.label, locale.language) }))
        .sort((a, b) => locale.collator.compare(a.label, b.label)),
    [types.data, locale],
  );

  const markers: MapMarker[] = shown.flatMap((s) =>
    s.lat !== null && s.lon !== null
      ? [
          {
            id: s.id,
            lon: s.lon,
            lat: s.lat,
            shape: s.direction === 'offer' ? ('triangle' as const) : ('square' as const),
            tone: s.direction,
            label: text.markerLabel(s),
            href: text.holder(s).href ?? undefined,
          },
        ]
      : [],
  );
  const lines: MapLine[] = shownMatches
    .filter((m) => shownIds.has(m.offerId) && shownIds.has(m.needId))
    .map((m) => ({
      id: matchId(m),
      fromId: m.offerId,
      toId: m.needId,
      tone: activeMatch === matchId(m) ? 'active' : 'match',
      strength: m.score,
      label: text.matchTitle(m, byId),
    }));

  return (
    <>
      <SitesNav />
      <PageHeading
        title={t('symbiosis.title')}
        eyebrow={t('modules.sites.title')}
        lead={t('symbiosis.lead')}
      />

      <div className="sites-layout symbiosis-layout">
        <figure className="sites-layout__map">
          <div className="eco-map-frame sites-map-frame">
            <Suspense fallback={<Loading label={t('sites.list.loadingMap')} />}>
              <PointMap markers={markers} lines={lines} label={t('symbiosis.mapLabel')} size={8} />
            </Suspense>
          </div>
          <figcaption className="sites-legend">
            <p className="sites-legend__title">{t('sites.list.legend')}</p>
            <ul>
              <li>
                <LegendSymbol kind="offer" />
                {t('symbiosis.offer')}
              </li>
              <li>
                <LegendSymbol kind="need" />
                {t('symbiosis.need')}
              </li>
              <li>
                <LegendSymbol kind="match" />
                {t('symbiosis.matchLine')}
              </li>
            </ul>
            <p className="sites-legend__note">{t('symbiosis.mapNote')}</p>
            <p className="sites-legend__note">{t('sites.list.mapSource')}</p>
          </figcaption>
        </figure>

        <div className="symbiosis-side">
          <p className="symbiosis__status profile__status" role="status">
            {added ? t('symbiosis.form.added') : ''}
          </p>
          {session.data?.user ? (
            <p>
              <button
                type="button"
                className="button button--secondary"
                aria-expanded={adding}
                aria-controls={ids.add}
                onClick={() => {
                  setAdding((open) => !open);
                  setAdded(false);
                }}
              >
                {adding ? t('symbiosis.form.close') : t('symbiosis.form.open')}
              </button>
            </p>
          ) : (
            <p className="field__hint">
              {t('symbiosis.signInToAdd')} <Link to="/sign-in">{t('symbiosis.signIn')}</Link>
            </p>
          )}
          {session.data?.user && adding ? (
            <section id={ids.add} className="panel" aria-labelledby={`${ids.add}-heading`}>
              <h2 id={`${ids.add}-heading`}>{t('symbiosis.form.title')}</h2>
              <StreamForm
                user={session.data.user}
                types={types.data ?? []}
                onCancel={() => setAdding(false)}
                onSaved={() => {
                  setAdding(false);
                  setAdded(true);
                }}
              />
            </section>
          ) : null}

          <search aria-label={t('symbiosis.filtersLabel')}>
            <form className="filters symbiosis-filters" onSubmit={(event) => event.preventDefault()}>
              <FilterSelect
                label={t('symbiosis.typeLabel')}
                value={type}
                allLabel={t('symbiosis.allTypes')}
                options={typeOptions}
                onChange={(value) => filters.update({ type: value }, true)}
              />
              <FilterSelect
                label={t('symbiosis.directionLabel')}
                value={direction}
                allLabel={t('symbiosis.bothDirections')}
                options={[
                  { value: 'offer', label: t('symbiosis.offersOnly') },
                  { value: 'need', label: t('symbiosis.needsOnly') },
                ]}
                onChange={(value) => filters.update({ direction: value }, true)}
              />
            </form>
          </search>

          <p className="result-count" role="status" aria-live="polite">
            {streams.data
              ? t('symbiosis.count', {
                  offers: offers.length,
                  needs: needs.length,
                  matches: shownMatches.length,
                })
              : ''}
          </p>
          {streams.isPending ? <Loading /> : null}
          {streams.isError ? <ErrorMessage error={streams.error} /> : null}
          {matches.isError ? <ErrorMessage error={matches.error} /> : null}
          <section className="symbiosis-matches" aria-labelledby={ids.matches}>
            <h2 id={ids.matches}>{t('symbiosis.matchesTitle')}</h2>
            {matches.isPending ? <Loading /> : null}
            {matches.data && shownMatches.length === 0 ? (
              <p className="empty">{t('symbiosis.noMatches')}</p>
            ) : null}
            <ol className="match-list">
              {shownMatches.map((m) => (
                <li
                  key={matchId(m)}
                  onMouseEnter={() => setActiveMatch(matchId(m))}
                  onMouseLeave={() => setActiveMatch(null)}
                >
                  <MatchCard match={m} byId={byId} />
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>

      {streams.data ? (
        <>
          {direction !== 'need' ? (
            <StreamTable id={ids.offers} title={t('symbiosis.offersTitle')} streams={offers} />
          ) : null}
          {direction !== 'offer' ? (
            <StreamTable id={ids.needs} title={t('symbiosis.needsTitle')} streams={needs} />
          ) : null}
        </>
      ) : null}
    </>
  );
}

const matchId = (m: StreamMatch) => `${m.offerId}>${m.needId}`;

function LegendSymbol({ kind }: { kind: 'offer' | 'need' | 'match' }) {
  return (
    <svg
      className={`status-symbol legend-symbol--${kind}`}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
    >
      {kind === 'offer' ? <path d="M8 1L15 14H1Z" /> : null}
      {kind === 'need' ? <path d="M2 2h12v12h-12Z" /> : null}
      {kind === 'match' ? <path d="M1 12Q8 2 15 12" /> : null}
    </svg>
  );
}

function MatchCard({ match, byId }: { match: StreamMatch; byId: Map<string, Stream> }) {
  const { t } = useTranslation();
  const labels = useSiteLabels();
  const text = useSymbiosisText();
  const offer = byId.get(match.offerId);
  const need = byId.get(match.needId);
  const share = Math.max(0, Math.min(1, match.score));
  return (
    <article className="match-card symbiosis-match">
      <div className="match-card__head">
        <span className="match-card__rank" aria-hidden="true">
          ⇄
        </span>
        <h3 className="match-card__title">{text.typeLabel(match.streamType)}</h3>
        <span className="match-card__score">
          {t('symbiosis.matchScore', { score: labels.percent(share) })}
        </span>
      </div>
      <div className="score-bar" aria-hidden="true">
        <div className="score-bar__fill" style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
      <dl className="symbiosis-match__ends">
        <div>
          <dt>{t('symbiosis.offeredBy')}</dt>
          <dd>
            <StreamHolder stream={offer} />
          </dd>
        </div>
        <div>
          <dt>{t('symbiosis.neededBy')}</dt>
          <dd>
            <StreamHolder stream={need} />
          </dd>
        </div>
        <div>
          <dt>{t('symbiosis.distance')}</dt>
          <dd>
            {match.distanceKm !== null
              ? labels.quantity(match.distanceKm, 'km')
              : t('symbiosis.distanceUnknown')}
          </dd>
        </div>
        <div>
          <dt>{t('symbiosis.covered')}</dt>
          <dd>
            {match.quantityCovered !== null
              ? labels.percent(match.quantityCovered)
              : t('symbiosis.coveredUnknown')}
          </dd>
        </div>
      </dl>
      {match.reasons.length > 0 ? (
        <ul className="reason-list" aria-label={t('symbiosis.reasons')}>
          {/* The type is the card's title already. */}
          {match.reasons
            .filter((reason) => reason.code !== 'same_type')
            .map((reason) => (
              <li key={reason.code} className={isPositiveReason(reason.code) ? 'is-met' : 'is-unmet'}>
                <span className="reason-list__icon" aria-hidden="true">
                  {isPositiveReason(reason.code) ? '✓' : '−'}
                </span>
                <span>{text.reason(reason)}</span>
              </li>
            ))}
        </ul>
      ) : null}
    </article>
  );
}

function StreamHolder({ stream }: { stream: Stream | undefined }) {
  const labels = useSiteLabels();
  const text = useSymbiosisText();
  if (!stream) return null;
  const { name, href } = text.holder(stream);
  const quantity = labels.quantity(stream.quantity, stream.unit);
  return (
    <>
      {href ? <Link to={href}>{name}</Link> : name}
      {quantity ? <span className="muted"> · {quantity}</span> : null}
    </>
  );
}

function StreamHolderName({ stream }: { stream: Stream }) {
  const { name, href } = useSymbiosisText().holder(stream);
  return href ? <Link to={href}>{name}</Link> : name;
}

function StreamTable({ id, title, streams }: { id: string; title: string; streams: Stream[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useSiteLabels();
  const text = useSymbiosisText();
  return (
    <section className="section symbiosis-streams" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="muted">({labels.number(streams.length)})</span>
      </h2>
      {streams.length === 0 ? (
        <p className="muted">{t('symbiosis.noStreams')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table site-table">
            <thead>
              <tr>
                <th scope="col">{t('symbiosis.colType')}</th>
                <th scope="col">{t('symbiosis.colOrganisation')}</th>
                <th scope="col" className="num">
                  {t('symbiosis.colQuantity')}
                </th>
                <th scope="col">{t('symbiosis.colQuality')}</th>
                <th scope="col">{t('symbiosis.colAvailability')}</th>
              </tr>
            </thead>
            <tbody>
              {streams.map((stream) => {
                const own = streamLabel(stream, locale.language);
                return (
                  <tr key={stream.id}>
                    <th scope="row">
                      {text.typeLabel(stream.streamType)}
                      {own ? <span className="compare-table__unit">{own}</span> : null}
                      {stream.isPublic ? null : (
                        <span className="badge badge--warn">{t('symbiosis.notPublic')}</span>
                      )}
                    </th>
                    <td>
                      <StreamHolderName stream={stream} />
                    </td>
                    <td className="num">
                      {labels.quantity(stream.quantity, stream.unit) ?? (
                        <span className="muted">{t('sites.notPublished')}</span>
                      )}
                    </td>
                    <td>{stream.quality ?? <span className="muted">{t('common.notGiven')}</span>}</td>
                    <td>
                      {text.availability(stream.availability)}
                      {stream.availableFrom ? (
                        <span className="compare-table__unit">
                          {t('symbiosis.from', { date: stream.availableFrom })}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
