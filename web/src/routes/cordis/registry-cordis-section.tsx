import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../locale.ts';
import { useSession } from '../../queries.ts';
import { useRegistryCordis } from './cordis-api.ts';
import { TrackRecordFigures, TrackRecordTable } from './track-record-table.tsx';
import './cordis.css';

/**
 * "EU projects (CORDIS)" on a registry organisation's page, when it is linked to CORDIS
 * organisations; shown to signed-in users (the CORDIS pages are theirs), nothing otherwise.
 */
export function RegistryCordisSection({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useSession();
  const signedIn = Boolean(session.data?.user);
  const cordis = useRegistryCordis(organisationId, signedIn);
  if (!signedIn || !cordis.data || cordis.data.organisations.length === 0) return null;
  const { organisations, projects } = cordis.data;
  return (
    <section aria-labelledby="cordis-section-heading">
      <h2 id="cordis-section-heading">{t('cordis.section.title')}</h2>
      {organisations.map((org) => (
        <div key={org.id}>
          <p>
            {t('cordis.section.as')}{' '}
            <Link to={`/partners/cordis/${encodeURIComponent(org.id)}`}>{org.name}</Link>{' '}
            {org.linkMethod ? (
              <span className="muted">({t(`cordis.link.method.${org.linkMethod}`)})</span>
            ) : null}
          </p>
          <TrackRecordFigures summary={org.summary} locale={locale} />
        </div>
      ))}
      <TrackRecordTable
        items={projects}
        locale={locale}
        caption={t('cordis.section.caption')}
        organisationLink={
          organisations.length > 1 ? (id) => `/partners/cordis/${encodeURIComponent(id)}` : undefined
        }
      />
    </section>
  );
}
