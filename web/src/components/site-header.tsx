import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { MODULES } from '../modules.ts';
import { NotificationBell } from '../routes/notifications/notification-bell.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { UserMenu } from './user-menu.tsx';

export function SiteHeader() {
  const { t } = useTranslation();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const panelId = useId();

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => setMenuOpen(false), [location.pathname]);

  useEffect(() => {
    if (!menuOpen) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') setMenuOpen(false);
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [menuOpen]);

  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect x="6" y="6" width="20" height="24" rx="3" />
            <rect x="12" y="2" width="8" height="4" rx="1" />
            <path d="M17 10l-6 9h5l-1 7 6-9h-5z" className="brand__bolt" />
          </svg>
          <span className="brand__text">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </span>
        </Link>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls={panelId}
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span className="menu-toggle__icon" aria-hidden="true" />
          {t('app.menu')}
        </button>
        <div id={panelId} className="site-header__panel" data-open={menuOpen}>
          <div className="site-header__tools">
            <LanguageSwitch />
            <NotificationBell />
            <UserMenu />
          </div>
          <nav className="main-nav" aria-label={t('app.primaryNav')}>
            <ul>
              {MODULES.map((module) => (
                <li key={module.key}>
                  <NavLink to={module.path} className="main-nav__link">
                    {t(`modules.${module.key}.nav`)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </div>
    </header>
  );
}
