import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../components/page-heading.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <article className="prose">
      <PageHeading title={t('notFound.title')} lead={t('notFound.text')} />
      <ul>
        <li>
          <Link to="/">{t('common.backToHome')}</Link>
        </li>
        <li>
          <Link to="/organisations">{t('modules.organisations.title')}</Link>
        </li>
      </ul>
    </article>
  );
}
