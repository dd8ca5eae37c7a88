// The sub-navigation of the sites and services module: sites, investor match, services,
// subcontracting chains and industrial symbiosis.
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import './sites.css';

const SECTIONS = [
  { key: 'sites', to: '/sites', end: true },
  { key: 'match', to: '/sites/match', end: true },
  { key: 'services', to: '/services', end: true },
  { key: 'chain', to: '/services/chain', end: true },
  { key: 'symbiosis', to: '/symbiosis', end: true },
] as const;

export function SitesNav() {
  const { t } = useTranslation();
  return (
    <nav className="sites-nav" aria-label={t('sites.nav.label')}>
      <ul>
        {SECTIONS.map((section) => (
          <li key={section.key}>
            <NavLink to={section.to} end={section.end} className="sites-nav__link">
              {t(`sites.nav.${section.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Home › Industrial sites › the current page, for the pages under the site list. */
export function SitesBreadcrumb({ current }: { current: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('sites.profile.breadcrumb')} className="breadcrumb">
      <ol>
        <li>
          <Link to="/">{t('nav.home')}</Link>
        </li>
        <li>
          <Link to="/sites">{t('sites.list.title')}</Link>
        </li>
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
