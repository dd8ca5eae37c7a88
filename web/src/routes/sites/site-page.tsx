import { useQueries } from '@tanstack/react-query';
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, getOrganisation } from '../../api.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { pickLabel, pickText, useLocale } from '../../locale.ts';
import { queryKeys, useRegions } from '../../queries.ts';
import { SourceLink } from './external-link.tsx';
import { STATUS_SHAPE, type SiteLabels, permitRank, siteStatusOf, useSiteLabels } from './site-labels.ts';
import { SiteEditForm } from './site-edit-form.tsx';
import { PERMIT_STATUSES, type Site, useSite } from './sites-api.ts';
import { SitesBreadcrumb } from './sites-nav.tsx';
import { StatusSymbol } from './status-symbol.tsx';
import './sites.css';

const PointMap = lazy(() => import('../../components/map/point-map.tsx'));

export function SitePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const site = useSite(id);
  if (site.isPending) return <Loading />;
  if (site.isError) {
    if (site.error instanceof ApiError && site.error.code === 'not_found') {
      return (
        <article className="prose">
          <PageHeading title={t('sites.profile.notFoundTitle')} lead={t('sites.profile.notFoundText')} />
          <p>
            <Link to="/sites">{t('sites.profile.backToList')}</Link>
          </p>
        </article>
      );
    }
    return <ErrorMessage error={site.error} />;
  }
  return <SiteProfile site={site.data} />;
}

function SiteProfile({ site }: { site: Site }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useSiteLabels();
  const regions = useRegions();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editId = useId();
  const region = regions.data?.find((r) => r.id === site.regionId);
  const description = pickText(site.description, locale.language);
  const notPublished = <span className="muted">{t('sites.notPublished')}</span>;
  const status = siteStatusOf(site.status);

  return (
    <article className="profile site-profile">
      <SitesBreadcrumb current={site.name} />
      <PageHeading
        title={site.name}
        eyebrow={[t('sites.profile.eyebrow'), site.municipality].filter(Boolean).join(' · ')}
      />
      <p className="site-card__meta">
        <span className={`site-status site-status--${status}`}>
          <StatusSymbol status={site.status} />
          {labels.status(site.status)}
        </span>
        {site.isPublic ? null : <span className="badge badge--warn">{t('sites.profile.notPublic')}</span>}
      </p>

      <p className="profile__status" role="status">
        {saved ? t('sites.edit.saved') : ''}
      </p>

      <div className="compare-actions">
        <Link className="button" to={`/sites/match`}>
          {t('sites.profile.matchLink')}
        </Link>
        {site.canEdit ? (
          <button
            type="button"
            className="button button--secondary"
            aria-expanded={editing}
            aria-controls={editId}
            onClick={() => {
              setEditing((value) => !value);
              setSaved(false);
            }}
          >
            {editing ? t('sites.edit.close') : t('sites.edit.open')}
          </button>
        ) : null}
      </div>

      {site.canEdit && editing ? (
        <section id={editId} className="panel" aria-labelledby={`${editId}-heading`}>
          <h2 id={`${editId}-heading`}>{t('sites.edit.title')}</h2>
          <SiteEditForm
            site={site}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              setSaved(true);
            }}
          />
        </section>
      ) : null}

      <div className="profile__grid">
        <section className="card profile__facts" aria-labelledby="site-facts-heading">
          <h2 id="site-facts-heading">{t('sites.profile.facts')}</h2>
          {site.lat !== null && site.lon !== null ? (
            <div className="site-profile__locator">
              <Suspense fallback={null}>
                <PointMap
                  decorative
                  label=""
                  size={7}
                  markers={[
                    {
                      id: site.id,
                      lon: site.lon,
                      lat: site.lat,
                      shape: STATUS_SHAPE[status],
                      tone: status,
                      label: site.name,
                    },
                  ]}
                />
              </Suspense>
            </div>
          ) : null}
          <dl className="facts">
            <dt>{t('sites.facts.operator')}</dt>
            <dd>
              {site.operatorOrganisationId ? (
                <Link to={`/organisations/${encodeURIComponent(site.operatorOrganisationId)}`}>
                  {site.operatorName ?? site.operatorOrganisationId}
                </Link>
              ) : (
                (site.operatorName ?? <span className="muted">{t('common.notGiven')}</span>)
              )}
            </dd>
            <dt>{t('sites.facts.region')}</dt>
            <dd>
              {site.regionId ? (
                <Link to={`/regions/${encodeURIComponent(site.regionId)}`}>
                  {region ? pickLabel(region.name, locale.language) : site.regionId}
                </Link>
              ) : (
                <span className="muted">{t('common.notGiven')}</span>
              )}
            </dd>
            <dt>{t('sites.facts.municipality')}</dt>
            <dd>{site.municipality ?? <span className="muted">{t('common.notGiven')}</span>}</dd>
            <dt>{t('sites.facts.totalArea')}</dt>
            <dd>{labels.quantity(site.totalAreaHa, 'ha') ?? notPublished}</dd>
            <dt>{t('sites.facts.availableLand')}</dt>
            <dd>{labels.quantity(site.availableAreaHa, 'ha') ?? notPublished}</dd>
            <dt>{t('sites.facts.permit')}</dt>
            <dd>{site.permitStatus === null ? notPublished : labels.permit(site.permitStatus)}</dd>
            <dt>{t('sites.facts.readyIn')}</dt>
            <dd>
              {site.readyInMonths !== null
                ? t('sites.profile.months', {
                    count: site.readyInMonths,
                    formatted: labels.number(site.readyInMonths),
                  })
                : notPublished}
            </dd>
          </dl>
        </section>

        <div className="profile__main">
          <section aria-labelledby="site-description-heading">
            <h2 id="site-description-heading">{t('sites.profile.description')}</h2>
            {description ? (
              <>
                {description.isFallback ? (
                  <p className="language-note">{t(`sites.profile.onlyIn.${description.language}`)}</p>
                ) : null}
                <div className="profile__description" lang={description.language}>
                  {description.text.split(/\n{2,}/).map((paragraph, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one static text
                    <p key={index}>{paragraph}</p>
                  ))}
                </div>
              </>
            ) : (
              <p className="muted">{t('sites.profile.noDescription')}</p>
            )}
          </section>

          <UtilitiesSection site={site} labels={labels} />
          <LandSection site={site} labels={labels} />
          <LogisticsSection site={site} labels={labels} />

          <section aria-labelledby="site-permit-heading">
            <h2 id="site-permit-heading">{t('sites.profile.permits')}</h2>
            <ol className="permit-steps" aria-label={t('sites.profile.permitSteps')}>
              {PERMIT_STATUSES.filter((p) => p !== 'none').map((permit) => {
                const rank = permitRank(permit);
                // Not stated: no step is marked reached.
                const current = site.permitStatus === null ? -1 : permitRank(site.permitStatus);
                const className = rank === current ? 'is-current' : rank < current ? 'is-reached' : '';
                return (
                  <li key={permit} className={className} aria-current={rank === current ? 'step' : undefined}>
                    {rank <= current ? <span aria-hidden="true">✓ </span> : null}
                    {labels.permit(permit)}
                    {rank <= current ? (
                      <span className="visually-hidden"> ({t('sites.profile.reached')})</span>
                    ) : null}
                  </li>
                );
              })}
            </ol>
            <p>
              <strong>{t('sites.profile.permitNow')}:</strong>{' '}
              {site.permitStatus === null ? notPublished : labels.permit(site.permitStatus)}
            </p>
            {site.permitNote ? <p>{site.permitNote}</p> : null}
          </section>

          <section aria-labelledby="site-services-heading">
            <h2 id="site-services-heading">{t('sites.profile.sharedServices')}</h2>
            {site.sharedServices.length > 0 ? (
              <ul className="chips">
                {site.sharedServices.map((service) => (
                  <li key={service} className="chip">
                    {service}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('sites.profile.noSharedServices')}</p>
            )}
          </section>

          <TenantsSection site={site} />

          <section aria-labelledby="site-contacts-heading">
            <h2 id="site-contacts-heading">{t('sites.profile.contacts')}</h2>
            {site.contacts.length > 0 ? (
              <ul className="result-list">
                {site.contacts.map((contact) => (
                  <li key={`${contact.name}-${contact.email ?? ''}`} className="contact-card">
                    <p>
                      <strong>{contact.name}</strong>
                      {contact.title ? <>, {contact.title}</> : null}
                    </p>
                    {contact.email ? (
                      <p>
                        <a href={`mailto:${contact.email}`}>{contact.email}</a>
                      </p>
                    ) : null}
                    {contact.phone ? (
                      <p>
                        <a href={`tel:${contact.phone.replace(/\s+/g, '')}`}>{contact.phone}</a>
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('sites.profile.noContacts')}</p>
            )}
          </section>

          <section aria-labelledby="site-sources-heading">
            <h2 id="site-sources-heading">{t('sites.profile.sources')}</h2>
            {site.sources.length > 0 ? (
              <ol className="sources">
                {site.sources.map((source) => (
                  <li key={source}>
                    <SourceLink href={source} />
                  </li>
                ))}
              </ol>
            ) : (
              <p className="muted">{t('sites.profile.noSources')}</p>
            )}
          </section>
        </div>
      </div>
    </article>
  );
}

function UtilitiesSection({ site, labels }: { site: Site; labels: SiteLabels }) {
  const { t } = useTranslation();
  const notPublished = <span className="muted">{t('sites.notPublished')}</span>;
  return (
    <section aria-labelledby="site-utilities-heading">
      <h2 id="site-utilities-heading">{t('sites.profile.utilities')}</h2>
      {site.utilities.length > 0 ? (
        <div className="table-wrap">
          <table className="table site-table">
            <caption className="visually-hidden">
              {t('sites.profile.utilitiesCaption', { site: site.name })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('sites.profile.utility')}</th>
                <th scope="col" className="num">
                  {t('sites.profile.capacity')}
                </th>
                <th scope="col" className="num">
                  {t('sites.profile.price')}
                </th>
                <th scope="col">{t('sites.profile.note')}</th>
              </tr>
            </thead>
            <tbody>
              {site.utilities.map((utility, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a site may list one kind twice (two water qualities)
                <tr key={`${utility.kind}-${index}`}>
                  <th scope="row">{labels.utility(utility.kind)}</th>
                  <td className="num">
                    {labels.quantity(utility.capacity, utility.capacityUnit) ?? notPublished}
                  </td>
                  <td className="num">{labels.quantity(utility.price, utility.priceUnit) ?? notPublished}</td>
                  <td>{utility.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t('sites.profile.noUtilities')}</p>
      )}
    </section>
  );
}

function LandSection({ site, labels }: { site: Site; labels: SiteLabels }) {
  const { t } = useTranslation();
  if (site.plots.length === 0) return null;
  return (
    <section aria-labelledby="site-plots-heading">
      <h2 id="site-plots-heading">{t('sites.profile.plots')}</h2>
      <div className="table-wrap">
        <table className="table site-table">
          <thead>
            <tr>
              <th scope="col">{t('sites.profile.plot')}</th>
              <th scope="col" className="num">
                {t('sites.profile.area')}
              </th>
              <th scope="col">{t('sites.profile.zoning')}</th>
              <th scope="col">{t('sites.profile.plotAvailable')}</th>
            </tr>
          </thead>
          <tbody>
            {site.plots.map((plot) => (
              <tr key={plot.id}>
                <th scope="row">{plot.id}</th>
                <td className="num">{labels.quantity(plot.areaHa, 'ha')}</td>
                <td>{plot.zoning ?? <span className="muted">{t('common.notGiven')}</span>}</td>
                <td>{labels.yesNo(plot.available)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function LogisticsSection({ site, labels }: { site: Site; labels: SiteLabels }) {
  const { t } = useTranslation();
  const none = (text: string) => <span className="muted">{text}</span>;
  return (
    <section aria-labelledby="site-logistics-heading">
      <h2 id="site-logistics-heading">{t('sites.profile.logistics')}</h2>
      <dl className="site-logistics">
        <div>
          <dt>{t('sites.facts.port')}</dt>
          <dd>{site.portName ?? none(t('sites.noPort'))}</dd>
        </div>
        <div>
          <dt>{t('sites.facts.fairwayDepth')}</dt>
          <dd>{labels.quantity(site.fairwayDepthM, 'm') ?? none(t('sites.notPublished'))}</dd>
        </div>
        <div>
          <dt>{t('sites.facts.portDistance')}</dt>
          <dd>{labels.quantity(site.portDistanceKm, 'km') ?? none(t('sites.notPublished'))}</dd>
        </div>
        <div>
          <dt>{t('sites.facts.rail')}</dt>
          <dd>{site.rail === null ? none(t('sites.notPublished')) : labels.yesNo(site.rail)}</dd>
        </div>
        <div>
          <dt>{t('sites.facts.chemicals')}</dt>
          <dd>
            {site.chemicalsHandling === null
              ? none(t('sites.notPublished'))
              : labels.yesNo(site.chemicalsHandling)}
          </dd>
        </div>
      </dl>
    </section>
  );
}

/**
 * Tenants as the site names them, each linked to its registry profile when one of the site's
 * tenant organisations has that name; linked organisations not named in the text follow.
 */
function TenantsSection({ site }: { site: Site }) {
  const { t } = useTranslation();
  const organisations = useQueries({
    queries: site.tenantOrganisationIds.map((id) => ({
      queryKey: queryKeys.organisation(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => getOrganisation(id, signal),
      staleTime: 5 * 60_000,
    })),
  });
  const known = useMemo(
    () => organisations.flatMap((q) => (q.data ? [{ id: q.data.id, name: q.data.name }] : [])),
    [organisations],
  );
  const linked = new Set<string>();
  const rows = site.tenants.map((tenant) => {
    const lower = tenant.toLowerCase();
    const match = known.find((o) => lower.includes(o.name.toLowerCase().replace(/\s+oy(j)?$/, '')));
    if (match) linked.add(match.id);
    return { tenant, match };
  });
  const rest = known.filter((o) => !linked.has(o.id));
  if (rows.length === 0 && rest.length === 0) {
    return (
      <section aria-labelledby="site-tenants-heading">
        <h2 id="site-tenants-heading">{t('sites.profile.tenants')}</h2>
        <p className="muted">{t('sites.profile.noTenants')}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="site-tenants-heading">
      <h2 id="site-tenants-heading">{t('sites.profile.tenants')}</h2>
      <ul className="site-list-plain">
        {rows.map(({ tenant, match }) => (
          <li key={tenant}>
            {match ? <Link to={`/organisations/${encodeURIComponent(match.id)}`}>{tenant}</Link> : tenant}
          </li>
        ))}
        {rest.map((o) => (
          <li key={o.id}>
            <Link to={`/organisations/${encodeURIComponent(o.id)}`}>{o.name}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
