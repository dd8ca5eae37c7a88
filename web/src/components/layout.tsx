import { Suspense, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { requestRouteFocus } from './route-focus.ts';
import { SiteHeader } from './site-header.tsx';
import { Loading } from './status.tsx';

export function Layout() {
  const { t } = useTranslation();
  const location = useLocation();
  const firstPath = useRef(location.pathname);

  // Moving to another page (not the first one, not a filter change) hands focus to its heading.
  // A layout effect runs before the new page's own effects, which take the request.
  useLayoutEffect(() => {
    if (location.pathname !== firstPath.current) {
      firstPath.current = '';
      requestRouteFocus();
      window.scrollTo(0, 0);
    }
  }, [location.pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <SiteHeader />
      <main id="main" className="main" tabIndex={-1}>
        <div className="container">
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </div>
      </main>
      <footer className="site-footer">
        <div className="container site-footer__inner">
          <div>
            <p className="site-footer__name">{t('app.name')}</p>
            <p className="site-footer__text">{t('footer.about')}</p>
          </div>
          <nav aria-label={t('footer.navLabel')}>
            <ul className="site-footer__links">
              <li>
                <Link to="/accessibility">{t('footer.accessibility')}</Link>
              </li>
              <li>
                <Link to="/privacy">{t('footer.privacy')}</Link>
              </li>
              <li>
                <a href="/api/openapi.json">{t('footer.api')}</a>
              </li>
            </ul>
          </nav>
        </div>
      </footer>
    </div>
  );
}
