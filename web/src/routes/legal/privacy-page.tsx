import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading.tsx';

const STORED = ['account', 'password', 'session', 'tokens', 'audit', 'organisation', 'language'] as const;
const RIGHTS = ['access', 'rectify', 'erase', 'restrict', 'complain'] as const;

export function PrivacyPage() {
  const { t } = useTranslation();
  return (
    <article className="prose">
      <PageHeading title={t('privacy.title')} lead={t('privacy.lead')} />

      <h2>{t('privacy.controller.title')}</h2>
      <p>{t('privacy.controller.text')}</p>

      <h2>{t('privacy.stored.title')}</h2>
      <ul>
        {STORED.map((item) => (
          <li key={item}>{t(`privacy.stored.${item}`)}</li>
        ))}
      </ul>

      <h2>{t('privacy.purpose.title')}</h2>
      <p>{t('privacy.purpose.text')}</p>
      <p>{t('privacy.purpose.noTracking')}</p>

      <h2>{t('privacy.basis.title')}</h2>
      <p>{t('privacy.basis.text')}</p>

      <h2>{t('privacy.cookies.title')}</h2>
      <p>{t('privacy.cookies.text')}</p>

      <h2>{t('privacy.retention.title')}</h2>
      <p>{t('privacy.retention.text')}</p>

      <h2>{t('privacy.sharing.title')}</h2>
      <p>{t('privacy.sharing.text')}</p>

      <h2>{t('privacy.rights.title')}</h2>
      <ul>
        {RIGHTS.map((item) => (
          <li key={item}>{t(`privacy.rights.${item}`)}</li>
        ))}
      </ul>
      <p>{t('privacy.rights.how')}</p>
      <p>
        <a href={t('privacy.rights.ombudsmanUrl')} rel="noopener noreferrer" target="_blank">
          {t('privacy.rights.ombudsmanName')}
          <span className="visually-hidden"> ({t('common.opensInNewTab')})</span>
        </a>
      </p>
    </article>
  );
}
