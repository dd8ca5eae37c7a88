// The sub-navigation of the skills module: the gap analysis, survey rounds (for those who run
// them) and training supply. It looks like the sites module's and borrows its styles.
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { useSession } from '../../queries.ts';
import '../sites/sites.css';
import './skills.css';

/** Coordinators and admins run survey rounds (each round: its region's coordinator or an admin). */
export function useRunsSurveys(): boolean {
  const role = useSession().data?.user?.role;
  return role === 'admin' || role === 'coordinator';
}

export function SkillsNav() {
  const { t } = useTranslation();
  const runsSurveys = useRunsSurveys();
  const sections: { key: 'gaps' | 'rounds' | 'supply'; to: string; end: boolean }[] = [
    { key: 'gaps', to: '/skills', end: true },
    ...(runsSurveys ? [{ key: 'rounds' as const, to: '/skills/rounds', end: false }] : []),
    { key: 'supply', to: '/skills/supply', end: true },
  ];
  return (
    <nav className="sites-nav" aria-label={t('skills.nav.label')}>
      <ul>
        {sections.map((section) => (
          <li key={section.key}>
            <NavLink to={section.to} end={section.end} className="sites-nav__link">
              {t(`skills.nav.${section.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Home › Survey rounds › the current page. */
export function RoundsBreadcrumb({ current }: { current: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('skills.breadcrumb')} className="breadcrumb">
      <ol>
        <li>
          <Link to="/skills">{t('modules.skills.title')}</Link>
        </li>
        <li>
          <Link to="/skills/rounds">{t('skills.rounds.title')}</Link>
        </li>
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
