// The round's respondents: who was invited, in which language, how far they are and how many
// reminders they got — never their answers or their links. A link can be revoked here.
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/status.tsx';
import { RespondentStatusBadge } from './round-status.tsx';
import { type Respondent, revokeRespondent, useSkillsMutation } from './skills-api.ts';
import type { SkillsLabels } from './skills-labels.ts';
import { TableScroll } from './table-scroll.tsx';

const NATIVE: Record<string, string> = { fi: 'suomi', sv: 'svenska', en: 'English' };

export function RespondentsTable({
  roundId,
  respondents,
  labels,
}: {
  roundId: string;
  respondents: Respondent[];
  labels: SkillsLabels;
}) {
  const { t } = useTranslation();
  const revoke = useSkillsMutation((respondentId: string) => revokeRespondent(roundId, respondentId));
  if (respondents.length === 0) return <p className="muted">{t('skills.respondents.none')}</p>;
  const sorted = [...respondents].sort((a, b) =>
    labels.locale.collator.compare(a.organisationName, b.organisationName),
  );
  return (
    <>
      {revoke.isError ? <ErrorMessage error={revoke.error} /> : null}
      <TableScroll label={t('skills.respondents.title')}>
        <table className="table skills-respondents">
          <caption className="visually-hidden">{t('skills.respondents.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('skills.respondents.organisation')}</th>
              <th scope="col">{t('skills.respondents.email')}</th>
              <th scope="col">{t('skills.respondents.language')}</th>
              <th scope="col">{t('skills.respondents.status')}</th>
              <th scope="col" className="num">
                {t('skills.respondents.reminders')}
              </th>
              <th scope="col">{t('skills.respondents.expires')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('skills.respondents.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.respondentId}>
                <th scope="row">{r.organisationName}</th>
                <td>{r.email ?? <span className="muted">{t('skills.respondents.noEmail')}</span>}</td>
                <td lang={r.language}>{NATIVE[r.language] ?? r.language}</td>
                <td>
                  <RespondentStatusBadge status={r.status} />
                </td>
                <td className="num">{r.remindersSent}</td>
                <td>{labels.locale.formatDate(r.expiresAt)}</td>
                <td>
                  {r.status !== 'revoked' && r.status !== 'expired' ? (
                    <button
                      type="button"
                      className="link-button link-button--danger"
                      disabled={revoke.isPending}
                      onClick={() => {
                        if (
                          window.confirm(t('skills.respondents.confirmRevoke', { name: r.organisationName }))
                        )
                          revoke.mutate(r.respondentId);
                      }}
                    >
                      {t('skills.respondents.revoke')}
                      <span className="visually-hidden">: {r.organisationName}</span>
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
