import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeading } from '../../components/page-heading.tsx';
import { Loading } from '../../components/status.tsx';
import { useLocale } from '../../locale.ts';
import { useOrganisation, useSession } from '../../queries.ts';
import { ChallengeBreadcrumb } from './challenge-filters.tsx';
import { ChallengeForm } from './challenge-form.tsx';
import { initialValues } from './challenge-form-values.ts';
import { useCreateChallenge } from './challenges-api.ts';
import './challenges.css';

export function ChallengeNewPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useSession();
  const navigate = useNavigate();
  const create = useCreateChallenge();
  const user = session.data?.user ?? null;
  // The region defaults to the person's own, else their organisation's.
  const organisation = useOrganisation(user?.regionId ? null : user?.organisationId);
  const defaultRegion = user?.regionId ?? organisation.data?.regionId ?? null;
  // The defaults are taken once: the person's language, organisation and region.
  // biome-ignore lint/correctness/useExhaustiveDependencies: defaults are taken when the user is known
  const initial = useMemo(
    () => initialValues(user, locale.language, undefined, defaultRegion),
    [user?.id, defaultRegion],
  );

  const breadcrumb = <ChallengeBreadcrumb>{t('challenges.new.title')}</ChallengeBreadcrumb>;

  if (session.isPending || (organisation.isPending && organisation.fetchStatus !== 'idle'))
    return <Loading />;
  if (!user) {
    return (
      <article className="prose">
        {breadcrumb}
        <PageHeading title={t('challenges.new.title')} lead={t('challenges.new.signInLead')} />
        <p>
          <Link className="button" to={`/sign-in?next=${encodeURIComponent('/challenges/new')}`}>
            {t('auth.signIn')}
          </Link>
        </p>
      </article>
    );
  }

  return (
    <article className="ch-new">
      {breadcrumb}
      <PageHeading title={t('challenges.new.title')} lead={t('challenges.new.lead')} />
      <ChallengeForm
        key={`${user.id}-${defaultRegion}`}
        initial={initial}
        submitLabel={t('challenges.new.submit')}
        pending={create.isPending}
        error={create.error}
        onSubmit={(input) =>
          create.mutate(input, {
            onSuccess: (challenge) =>
              navigate(`/challenges/${encodeURIComponent(challenge.id)}`, { state: { created: true } }),
          })
        }
        onCancel={() => navigate('/challenges')}
      />
    </article>
  );
}
