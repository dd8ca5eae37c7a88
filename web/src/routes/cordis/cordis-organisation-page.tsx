import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { CordisQueryError } from './cordis-query-state.tsx';
import { useLocale } from '../../locale.ts';
import { useConceptLabel } from '../../queries.ts';
import {
  type CordisOrganisationProfile,
  type LinkAction,
  useCordisOrganisation,
  useLinkAction,
} from './cordis-api.ts';
import { formatEuros, TrackRecordFigures, TrackRecordTable } from './track-record-table.tsx';
import './cordis.css';

/** /partners/cordis/:id — a CORDIS organisation: who it is, its registry link, its track record. */
export function CordisOrganisationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const profile = useCordisOrganisation(id);
  if (profile.isPending) return <Loading />;
  if (profile.isError) {
    return (
      <CordisQueryError
        error={profile.error}
        title={t('cordis.profile.title')}
        notFoundTitle={t('cordis.profile.notFoundTitle')}
        notFoundText={t('cordis.profile.notFoundText')}
      />
    );
  }
  return <Profile profile={profile.data} />;
}

function Profile({ profile }: { profile: CordisOrganisationProfile }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { organisation: org, summary } = profile;
  const conceptLabel = useConceptLabel();
  const notGiven = <span className="muted">{t('common.notGiven')}</span>;
  const activity = org.activityType
    ? t(`cordis.activityTypes.${org.activityType}`, { defaultValue: org.activityType })
    : null;

  return (
    <article className="profile cordis-profile">
      <nav aria-label={t('cordis.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/partners">{t('cordis.partners')}</Link>
          </li>
          <li aria-current="page">{org.shortName || org.name}</li>
        </ol>
      </nav>
      <PageHeading
        title={org.name}
        eyebrow={[t('cordis.profile.eyebrow'), org.city, org.country].filter(Boolean).join(' · ')}
      />

      <LinkPanel profile={profile} />

      <TrackRecordFigures summary={summary} locale={locale} />

      <div className="profile__grid">
        <section className="card profile__facts" aria-labelledby="cordis-facts-heading">
          <h2 id="cordis-facts-heading">{t('cordis.profile.facts')}</h2>
          <dl className="facts">
            <dt>{t('cordis.profile.pic')}</dt>
            <dd>{org.id}</dd>
            <dt>{t('cordis.profile.vatNumber')}</dt>
            <dd>{org.vatNumber ?? notGiven}</dd>
            <dt>{t('cordis.profile.activityType')}</dt>
            <dd>{activity ?? notGiven}</dd>
            <dt>{t('cordis.profile.sme')}</dt>
            <dd>{org.sme === null ? notGiven : org.sme ? t('cordis.yes') : t('cordis.no')}</dd>
            <dt>{t('cordis.profile.country')}</dt>
            <dd>{org.country ?? notGiven}</dd>
            <dt>{t('cordis.profile.website')}</dt>
            <dd>
              {org.url && /^https?:\/\//i.test(org.url) ? (
                <a href={org.url} target="_blank" rel="noopener noreferrer">
                  {org.url.replace(/^https?:\/\/(www\.)?/i, '')}
                  <span className="visually-hidden"> ({t('common.opensInNewTab')})</span>
                </a>
              ) : (
                (org.url ?? notGiven)
              )}
            </dd>
          </dl>
        </section>

        <div className="profile__main">
          <section aria-labelledby="cordis-programmes-heading">
            <h2 id="cordis-programmes-heading">{t('cordis.profile.byProgramme')}</h2>
            {summary.byProgramme.length ? (
              <div className="table-wrap">
                <table className="table cordis-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('cordis.table.programme')}</th>
                      <th scope="col" className="cordis-table__number">
                        {t('cordis.figures.projects')}
                      </th>
                      <th scope="col" className="cordis-table__number">
                        {t('cordis.figures.ecContribution')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {summary.byProgramme.map((p) => (
                      <tr key={p.frameworkProgramme}>
                        <th scope="row">{p.frameworkProgramme}</th>
                        <td className="cordis-table__number">{locale.formatNumber(p.projects)}</td>
                        <td className="cordis-table__number">{formatEuros(locale, p.ecContributionEur)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="muted">{t('cordis.profile.noProjects')}</p>
            )}
          </section>

          <section aria-labelledby="cordis-concepts-heading">
            <h2 id="cordis-concepts-heading">{t('cordis.profile.concepts')}</h2>
            {summary.concepts.length ? (
              <ul className="cordis-concepts">
                {summary.concepts.map((c) => (
                  <li key={c.conceptId}>
                    {conceptLabel(c.conceptId)} ({t('cordis.profile.projectCount', { count: c.projects })})
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('cordis.profile.noConcepts')}</p>
            )}
          </section>
        </div>
      </div>

      <section aria-labelledby="cordis-track-heading">
        <h2 id="cordis-track-heading">{t('cordis.profile.trackRecord')}</h2>
        {profile.trackRecord.length ? (
          <>
            <TrackRecordTable
              items={profile.trackRecord}
              locale={locale}
              caption={t('cordis.profile.trackRecordCaption', { name: org.shortName || org.name })}
            />
            {profile.totalParticipations > profile.trackRecord.length ? (
              <p className="muted">
                {t('cordis.profile.moreProjects', {
                  shown: locale.formatNumber(profile.trackRecord.length),
                  total: locale.formatNumber(profile.totalParticipations),
                })}
              </p>
            ) : null}
          </>
        ) : (
          <p className="muted">{t('cordis.profile.noProjects')}</p>
        )}
      </section>
    </article>
  );
}

/** The registry link: linked (with how), a suggestion to confirm or reject, or none. */
function LinkPanel({ profile }: { profile: CordisOrganisationProfile }) {
  const { t } = useTranslation();
  const action = useLinkAction();
  const [status, setStatus] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  const { registry, suggestion, canManageLink, organisation } = profile;

  function decide(kind: LinkAction) {
    setStatus('');
    action.mutate(
      { id: organisation.id, action: kind },
      {
        onSuccess: () => {
          setStatus(t(`cordis.link.done.${kind}`));
          statusRef.current?.focus();
        },
      },
    );
  }

  return (
    <section className="card cordis-link" aria-labelledby="cordis-link-heading">
      <h2 id="cordis-link-heading">{t('cordis.link.title')}</h2>
      {registry ? (
        <p>
          {t('cordis.link.linkedTo')}{' '}
          <Link to={`/organisations/${encodeURIComponent(registry.id)}`}>{registry.name}</Link>{' '}
          {registry.linkMethod ? (
            <span className="muted">({t(`cordis.link.method.${registry.linkMethod}`)})</span>
          ) : null}
        </p>
      ) : suggestion ? (
        <p>
          {t('cordis.link.suggestion')}{' '}
          <Link to={`/organisations/${encodeURIComponent(suggestion.id)}`}>{suggestion.name}</Link>
        </p>
      ) : (
        <p className="muted">{t('cordis.link.none')}</p>
      )}
      {canManageLink ? (
        <div className="cordis-link__actions">
          {suggestion ? (
            <>
              <button
                type="button"
                className="button"
                disabled={action.isPending}
                onClick={() => decide('confirm')}
              >
                {t('cordis.link.confirm')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={action.isPending}
                onClick={() => decide('reject')}
              >
                {t('cordis.link.reject')}
              </button>
            </>
          ) : null}
          {registry ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={action.isPending}
              onClick={() => decide('unlink')}
            >
              {t('cordis.link.unlink')}
            </button>
          ) : null}
        </div>
      ) : null}
      <p role="status" ref={statusRef} tabIndex={-1}>
        {status}
      </p>
      {action.isError ? <ErrorMessage error={action.error} /> : null}
    </section>
  );
}
