import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, type Competence, type CompetenceStrength, type Organisation } from '../../api.ts';
import { useOrganisationTypeLabel } from '../../components/organisation-type.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { type Locale, pickLabel, pickText, useLocale } from '../../locale.ts';
import { indexConcepts, useConcepts, useOrganisation, useRegions } from '../../queries.ts';
import { OrganisationEditForm } from './organisation-edit-form.tsx';

const STRENGTHS: CompetenceStrength[] = ['core', 'active', 'interest'];

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
  return <OrganisationProfile organisation={organisation.data} />;
}

function OrganisationProfile({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
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
            organisation={organisation}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              setSaved(true);
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

          <Competences competences={organisation.competences} locale={locale} />

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

function Competences({ competences, locale }: { competences: Competence[]; locale: Locale }) {
  const { t } = useTranslation();
  const concepts = useConcepts();
  const index = useMemo(() => indexConcepts(concepts.data), [concepts.data]);
  const label = (id: string) => {
    const concept = index.get(id);
    return concept ? pickLabel(concept.labels, locale.language) : id;
  };
  const groups = STRENGTHS.map((strength) => ({
    strength,
    items: competences
      .filter((competence) => competence.strength === strength)
      .map((competence) => ({ ...competence, label: label(competence.conceptId) }))
      .sort((a, b) => locale.collator.compare(a.label, b.label)),
  })).filter((group) => group.items.length > 0);
  const withEvidence = groups.flatMap((group) => group.items).filter((item) => item.evidence);

  return (
    <section aria-labelledby="competences-heading">
      <h2 id="competences-heading">{t('profile.competences')}</h2>
      {groups.length === 0 ? <p className="muted">{t('profile.noCompetences')}</p> : null}
      {groups.map((group) => (
        <div key={group.strength} className="competence-group">
          <h3 className="competence-group__title">
            <span className={`strength-dot strength-dot--${group.strength}`} aria-hidden="true" />
            {t(`strength.${group.strength}`)}
          </h3>
          <p className="competence-group__hint">{t(`strength.${group.strength}Hint`)}</p>
          <ul className="chips">
            {group.items.map((item) => (
              <li key={item.conceptId} className={`chip chip--${group.strength}`}>
                <Link
                  to={`/organisations?concept=${encodeURIComponent(item.conceptId)}`}
                  className="chip__link"
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {withEvidence.length > 0 ? (
        <details className="evidence">
          <summary>{t('profile.evidence')}</summary>
          <dl>
            {withEvidence.map((item) => (
              <div key={item.conceptId}>
                <dt>{item.label}</dt>
                <dd>{item.evidence}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </section>
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
