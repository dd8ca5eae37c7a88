import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading.tsx';
import type { ModuleKey } from '../../modules.ts';

export function ModulePage({ module }: { module: ModuleKey }) {
  const { t } = useTranslation();
  return (
    <article className="prose">
      <PageHeading title={t(`modules.${module}.title`)} />
      <p className="module-description">{t(`modules.${module}.description`)}</p>
      <div className="notice notice--info">
        <p className="notice__title">{t('modules.notBuilt.title')}</p>
        <p>{t('modules.notBuilt.text')}</p>
      </div>
      <p>
        <Link to="/">{t('common.backToHome')}</Link>
      </p>
    </article>
  );
}
