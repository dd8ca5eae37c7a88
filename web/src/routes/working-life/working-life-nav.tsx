// The training module's sub-navigation as the working-life and continuing-education pages show it:
// training paths, teachers' working-life periods and continuing education. It borrows the sites
// module's tab styles.
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import '../sites/sites.css';
import './working-life.css';

export function TrainingNav() {
  const { t } = useTranslation();
  const sections = [
    { key: 'paths', to: '/training-paths' },
    { key: 'workingLife', to: '/working-life' },
    { key: 'continuing', to: '/continuing-education' },
  ] as const;
  return (
    <nav className="sites-nav" aria-label={t('workingLife.nav.label')}>
      <ul>
        {sections.map((section) => (
          <li key={section.key}>
            <NavLink to={section.to} end={section.key === 'paths'} className="sites-nav__link">
              {t(`workingLife.nav.${section.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
