import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Region } from '../../api.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { type Locale, pickLabel, pickText, useLocale } from '../../locale.ts';
import { MODULES } from '../../modules.ts';
import { useRegions } from '../../queries.ts';

export function HomePage() {
  const { t } = useTranslation();
  const regions = useRegions();
  const locale = useLocale();

  const sorted = useMemo(
    () =>
      [...(regions.data ?? [])].sort((a, b) =>
        locale.collator.compare(pickLabel(a.name, locale.language), pickLabel(b.name, locale.language)),
      ),
    [regions.data, locale],
  );

  return (
    <>
      <section className="hero">
        <PageHeading title={t('home.title')} lead={t('home.lead')} />
        <div className="hero__actions">
          <Link className="button" to="/organisations">
            {t('home.browseOrganisations')}
          </Link>
          <Link className="button button--secondary" to="/map">
            {t('regions.openMap')}
          </Link>
          <Link className="button button--secondary" to="/taxonomy">
            {t('home.browseTaxonomy')}
          </Link>
        </div>
      </section>

      <section className="section" aria-labelledby="regions-heading">
        <h2 id="regions-heading">{t('home.regionsTitle')}</h2>
        <p className="section__intro">{t('home.regionsIntro')}</p>
        {regions.isPending ? <Loading /> : null}
        {regions.isError ? <ErrorMessage error={regions.error} /> : null}
        {regions.data && sorted.length === 0 ? <p className="empty">{t('home.noRegions')}</p> : null}
        <ul className="card-grid card-grid--wide">
          {sorted.map((region) => (
            <li key={region.id}>
              <RegionCard region={region} locale={locale} />
            </li>
          ))}
        </ul>
      </section>

      <section className="section" aria-labelledby="modules-heading">
        <h2 id="modules-heading">{t('home.modulesTitle')}</h2>
        <p className="section__intro">{t('home.modulesIntro')}</p>
        <ul className="module-grid">
          {MODULES.map((module) => (
            <li key={module.key} className="module-card">
              <h3 className="module-card__title">
                <Link to={module.path}>{t(`modules.${module.key}.title`)}</Link>
              </h3>
              <p>{t(`modules.${module.key}.summary`)}</p>
              <p className={module.built ? 'badge badge--ok' : 'badge'}>
                {module.built ? t('modules.status.available') : t('modules.status.notBuilt')}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function RegionCard({ region, locale }: { region: Region; locale: Locale }) {
  const { t } = useTranslation();
  const name = pickLabel(region.name, locale.language);
  const specialisation = pickText(region.specialisation.stated, locale.language);
  return (
    <article className="card region-card">
      <h3 className="card__title">
        <Link to={`/regions/${encodeURIComponent(region.id)}`}>{name}</Link>
      </h3>
      <p className="card__meta">{pickLabel(region.maakunta.name, locale.language)}</p>
      <p className="region-card__label">{t('home.specialisation')}</p>
      {specialisation ? (
        <p
          className="region-card__text"
          lang={specialisation.isFallback ? specialisation.language : undefined}
        >
          {specialisation.text}
        </p>
      ) : (
        <p className="region-card__text muted">{t('home.noSpecialisation')}</p>
      )}
      <p className="region-card__count">
        <Link to={`/organisations?region=${encodeURIComponent(region.id)}`}>
          {t('home.organisationCount', {
            count: region.organisationCount,
            formatted: locale.formatNumber(region.organisationCount),
          })}
          <span className="visually-hidden">{t('home.inRegion', { region: name })}</span>
        </Link>
      </p>
    </article>
  );
}
