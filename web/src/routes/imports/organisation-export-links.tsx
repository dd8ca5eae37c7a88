import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../queries.ts';
import './imports.css';

const FILTERS = ['q', 'region', 'type', 'concept'] as const;

/**
 * Export buttons for the organisations list (the list's current filters apply, and what the
 * person may see) and, for admins and coordinators, the way to the import wizard.
 */
export function OrganisationExportLinks({ params }: { params: URLSearchParams }) {
  const { t } = useTranslation();
  const session = useSession();
  const role = session.data?.user?.role;
  const href = (format: 'csv' | 'xlsx') => {
    const query = new URLSearchParams({ format });
    for (const name of FILTERS) {
      const value = params.get(name);
      if (value) query.set(name, value);
    }
    return `/api/organisations/export?${query.toString()}`;
  };
  return (
    <div className="export-links">
      <a className="button button--secondary button--small" href={href('csv')} download>
        {t('imports.exportCsv')}
      </a>
      <a className="button button--secondary button--small" href={href('xlsx')} download>
        {t('imports.exportXlsx')}
      </a>
      {role === 'admin' || role === 'coordinator' ? (
        <Link className="button button--small" to="/imports">
          {t('imports.importOrganisations')}
        </Link>
      ) : null}
      <p className="export-links__hint">{t('imports.exportHint')}</p>
    </div>
  );
}
