import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, type Organisation } from '../../api.ts';
import { useOrganisationTypeLabel } from '../../components/organisation-type.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { pickLabel, pickText, useLocale } from '../../locale.ts';
import { useOrganisation, useRegions } from '../../queries.ts';
import { CompetenceSection } from './competence-section.tsx';
import { ContactsSection } from './contacts-section.tsx';
import { InfrastructureSection } from './infrastructure-section.tsx';
import { RegistryCordisSection } from '../cordis/registry-cordis-section.tsx';
import { OrganisationEditForm } from './organisation-edit-form.tsx';
import { type Profile, suggestionsKey } from './profile-api.ts';

export function OrganisationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const organisation = useOrganisation(id);

  if (organisation.isPending) return <Loading />;
  if (organisation.isError) {
    if (organisation.error instanceof ApiError && organisation.error.code === 'not_found') {
      return (
        <article className="prose">
          <PageHeading title={t('profile.notFoundTitle')} lead={t('profile.notFoundText')} />
          <p>
            <Link to="/organisations">{t('profile.backToList')}</Link>
          </p>
        </article>
      );
    }
    return <ErrorMessage error={organisation.error} />;
  }
  // The profile carries infrastructure, contacts and competence sources beyond api.ts's type.
  return <OrganisationProfile organisation={organisation.data as unknown as Profile} />;
}

function OrganisationProfile({ organisation }: { organisation: Profile }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const locale = useLocale();
  const typeLabel = useOrganisationTypeLabel();
  const regions = useRegions();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editId = useId();

  const region = regions.data?.find((r) => r.id === organisation.regionId);
  const regionName = region ? pickLabel(region.name, locale.language) : (organisation.regionId ?? '');
  const description = pickText(organisation.description, locale.language);

  return (
    <article className="profile">
      <nav aria-label={t('profile.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
          <li>
            <Link to="/organisations">{t('organisations.title')}</Link>
          </li>
          <li aria-current="page">{organisation.name}</li>
        </ol>
      </nav>

      <PageHeading title={organisation.name} eyebrow={typeLabel(organisation.type)} />
      {organisation.nameEn && organisation.nameEn !== organisation.name ? (
        <p className="profile__alt-name" lang="en">
          {organisation.nameEn}
        </p>
      ) : null}
      {organisation.isPublic ? null : <p className="badge badge--warn">{t('organisations.notPublic')}</p>}

      <p className="profile__status" role="status">
        {saved ? t('edit.saved') : ''}
      </p>

      {organisation.canEdit ? (
        <p>
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
            {editing ? t('edit.close') : t('edit.open')}
          </button>
        </p>
      ) : null}

      {organisation.canEdit && editing ? (
        <section id={editId} className="panel" aria-labelledby={`${editId}-heading`}>
          <h2 id={`${editId}-heading`}>{t('edit.title')}</h2>
          <OrganisationEditForm
            organisation={organisation as unknown as Organisation}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              setSaved(true);
              // Suggestions come from the descriptions, which may just have changed.
              void queryClient.invalidateQueries({ queryKey: suggestionsKey(organisation.id) });
            }}
          />
        </section>
      ) : null}

      <div className="profile__grid">
        <section className="card profile__facts" aria-labelledby="facts-heading">
          <h2 id="facts-heading">{t('profile.facts')}</h2>
          <dl className="facts">
            <dt>{t('profile.type')}</dt>
            <dd>{typeLabel(organisation.type)}</dd>
            <dt>{t('profile.region')}</dt>
            <dd>
              {organisation.regionId ? (
                <Link to={`/organisations?region=${encodeURIComponent(organisation.regionId)}`}>
                  {regionName}
                </Link>
              ) : (
                <span className="muted">{t('common.notGiven')}</span>
              )}
            </dd>
            <dt>{t('profile.municipality')}</dt>
            <dd>{organisation.municipality || <span className="muted">{t('common.notGiven')}</span>}</dd>
            <dt>{t('profile.website')}</dt>
            <dd>
              {organisation.website ? (
                <ExternalLink href={organisation.website}>{displayUrl(organisation.website)}</ExternalLink>
              ) : (
                <span className="muted">{t('common.notGiven')}</span>
              )}
            </dd>
            <dt>{t('profile.businessId')}</dt>
            <dd>{organisation.businessId || <span className="muted">{t('common.notGiven')}</span>}</dd>
            {organisation.type === 'company' || organisation.sme !== null ? (
              <>
                <dt>{t('profile.sme')}</dt>
                <dd>
                  {organisation.sme === null ? (
                    <span className="muted">{t('common.notGiven')}</span>
                  ) : organisation.sme ? (
                    t('profile.smeYes')
                  ) : (
                    t('profile.smeNo')
                  )}
                </dd>
              </>
            ) : null}
            <dt>{t('profile.updated')}</dt>
            <dd>
              <time dateTime={organisation.updatedAt}>{locale.formatDate(organisation.updatedAt)}</time>
            </dd>
          </dl>
        </section>

        <div className="profile__main">
          <section aria-labelledby="description-heading">
            <h2 id="description-heading">{t('profile.description')}</h2>
            {description ? (
              <>
                {description.isFallback ? (
                  <p className="language-note">{t(`profile.descriptionOnlyIn.${description.language}`)}</p>
                ) : null}
                <div className="profile__description" lang={description.language}>
                  {description.text.split(/\n{2,}/).map((paragraph, index) => (
                    // Paragraphs of one text have no identity beyond their position.
                    // biome-ignore lint/suspicious/noArrayIndexKey: static text split
                    <p key={index}>{paragraph}</p>
                  ))}
                </div>
              </>
            ) : (
              <p className="muted">{t('profile.noDescription')}</p>
            )}
          </section>

          <CompetenceSection organisation={organisation} locale={locale} />

          <InfrastructureSection organisation={organisation} locale={locale} />

          <ContactsSection organisation={organisation} />

          <RegistryCordisSection organisationId={organisation.id} />

          <section aria-labelledby="sources-heading">
            <h2 id="sources-heading">{t('profile.sources')}</h2>
            {organisation.sources.length > 0 ? (
              <ol className="sources">
                {organisation.sources.map((source) => (
                  <li key={source}>
                    <ExternalLink href={source}>
                      {/^https?:\/\//i.test(source) ? displayUrl(source) : source}
                    </ExternalLink>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="muted">{t('profile.noSources')}</p>
            )}
          </section>
        </div>
      </div>
    </article>
  );
}

function displayUrl(url: string): string {
  return url.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, '');
}

function ExternalLink({ href, children }: { href: string; children: string }) {
  const { t } = useTranslation();
  // Only web addresses become links; anything else (javascript:, data:) stays plain text.
  if (!/^https?:\/\//i.test(href)) return <span>{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="external-link">
      {children}
      <span className="visually-hidden"> ({t('common.opensInNewTab')})</span>
    </a>
  );
}
