import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { useSession } from '../../queries.ts';
import { canCreateRound } from './round-new-page.tsx';
import { ResponseBar, RoundStatusBadge, roundPeriod } from './round-status.tsx';
import { SkillsNav } from './skills-nav.tsx';
import { useRoundDetails, useRounds } from './skills-api.ts';
import { useSkillsLabels } from './skills-labels.ts';
import './skills.css';
import { TableScroll } from './table-scroll.tsx';

/** Survey rounds with their status and, for those who run them, response rates. */
export function RoundsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const user = session.data?.user;
  const labels = useSkillsLabels();
  const rounds = useRounds();
  const details = useRoundDetails(rounds.data ?? []);
  const mayCreate = canCreateRound(user);

  return (
    <>
      <SkillsNav />
      <PageHeading
        title={t('skills.rounds.title')}
        eyebrow={t('modules.skills.title')}
        lead={t('skills.rounds.lead')}
      />
      {mayCreate ? (
        <p>
          <Link className="button" to="/skills/rounds/new">
            {t('skills.rounds.new')}
          </Link>
        </p>
      ) : session.data && !user ? (
        <p className="notice">
          <Link to="/sign-in?next=%2Fskills%2Frounds">{t('skills.signIn')}</Link>
        </p>
      ) : null}
      {rounds.isError ? <ErrorMessage error={rounds.error} /> : null}
      {rounds.isPending ? <Loading /> : null}
      {rounds.data && rounds.data.length === 0 ? (
        <div className="empty">
          <p className="empty__title">{t('skills.rounds.none')}</p>
        </div>
      ) : null}
      {rounds.data && rounds.data.length > 0 ? (
        <TableScroll label={t('skills.rounds.title')}>
          <table className="table skills-rounds">
            <caption className="visually-hidden">{t('skills.rounds.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('skills.rounds.round')}</th>
                <th scope="col">{t('skills.rounds.region')}</th>
                <th scope="col">{t('skills.rounds.status')}</th>
                <th scope="col">{t('skills.rounds.period')}</th>
                <th scope="col">{t('skills.rounds.responses')}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.data.map((round, index) => {
                const stats = details[index]?.data?.stats ?? null;
                return (
                  <tr key={round.id}>
                    <th scope="row">
                      <Link to={`/skills/rounds/${encodeURIComponent(round.id)}`}>
                        {labels.text(round.title)}
                      </Link>
                    </th>
                    <td>{labels.region(round.regionId)}</td>
                    <td>
                      <RoundStatusBadge status={round.status} />
                    </td>
                    <td className="skills-rounds__period">
                      {roundPeriod(round, labels) ?? (
                        <span className="muted">{t('skills.rounds.noDates')}</span>
                      )}
                    </td>
                    <td>
                      {stats ? (
                        <ResponseBar stats={stats} labels={labels} />
                      ) : (
                        <span className="muted">{round.canManage ? '…' : t('skills.rounds.notYours')}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  );
}
