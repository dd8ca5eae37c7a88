import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading.tsx';

const LIMITATIONS = ['modules', 'mapsCharts', 'userContent', 'languages', 'externalSites'] as const;

export function AccessibilityPage() {
  const { t } = useTranslation();
  return (
    <article className="prose">
      <PageHeading title={t('accessibility.title')} lead={t('accessibility.lead')} />

      <h2>{t('accessibility.status.title')}</h2>
      <p>{t('accessibility.status.target')}</p>
      <p>{t('accessibility.status.partial')}</p>

      <h2>{t('accessibility.limitations.title')}</h2>
      <ul>
        {LIMITATIONS.map((item) => (
          <li key={item}>{t(`accessibility.limitations.${item}`)}</li>
        ))}
      </ul>

      <h2>{t('accessibility.assessment.title')}</h2>
      <p>{t('accessibility.assessment.text')}</p>

      <h2>{t('accessibility.feedback.title')}</h2>
      <p>{t('accessibility.feedback.text')}</p>
      <p>{t('accessibility.feedback.response')}</p>

      <h2>{t('accessibility.enforcement.title')}</h2>
      <p>{t('accessibility.enforcement.text')}</p>
      <address className="contact-card">
        <strong>{t('accessibility.enforcement.authority')}</strong>
        <br />
        {t('accessibility.enforcement.unit')}
        <br />
        <a href={t('accessibility.enforcement.url')} rel="noopener noreferrer" target="_blank">
          {t('accessibility.enforcement.urlText')}
          <span className="visually-hidden"> ({t('common.opensInNewTab')})</span>
        </a>
      </address>

      <h2>{t('accessibility.updates.title')}</h2>
      <p>{t('accessibility.updates.text')}</p>
    </article>
  );
}
