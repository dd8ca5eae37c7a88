import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useLocale } from '../locale.ts';

interface PaginationProps {
  page: number;
  pageCount: number;
  /** Builds the query string for a page, keeping the other filters. */
  hrefFor: (page: number) => string;
}

export function Pagination({ page, pageCount, hrefFor }: PaginationProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const location = useLocation();
  if (pageCount <= 1) return null;
  const to = (target: number) => ({ pathname: location.pathname, search: hrefFor(target) });
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      {page > 1 ? (
        <Link className="button button--secondary" to={to(page - 1)} rel="prev">
          <span aria-hidden="true">← </span>
          {t('pagination.previous')}
        </Link>
      ) : (
        <span className="pagination__spacer" />
      )}
      <p className="pagination__status">
        {t('pagination.status', { page: locale.formatNumber(page), pages: locale.formatNumber(pageCount) })}
      </p>
      {page < pageCount ? (
        <Link className="button button--secondary" to={to(page + 1)} rel="next">
          {t('pagination.next')}
          <span aria-hidden="true"> →</span>
        </Link>
      ) : (
        <span className="pagination__spacer" />
      )}
    </nav>
  );
}
