import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage } from '../../components/status.tsx';

/**
 * What a CORDIS page shows when its data did not come: "not found" with a way back to partner
 * search, a sign-in link for a visitor, or the error itself.
 */
export function CordisQueryError({
  error,
  title,
  notFoundTitle,
  notFoundText,
}: {
  error: Error;
  title: string;
  notFoundTitle: string;
  notFoundText: string;
}) {
  const { t } = useTranslation();
  const code = error instanceof ApiError ? error.code : null;
  if (code === 'not_found' || code === 'validation_failed') {
    return (
      <article className="prose">
        <PageHeading title={notFoundTitle} lead={notFoundText} />
        <p>
          <Link to="/partners">{t('cordis.backToPartners')}</Link>
        </p>
      </article>
    );
  }
  if (code === 'unauthenticated') {
    return (
      <article className="prose">
        <PageHeading title={title} lead={t('cordis.signInToSee')} />
        <p>
          <Link to="/sign-in">{t('cordis.signIn')}</Link>
        </p>
      </article>
    );
  }
  return <ErrorMessage error={error} />;
}
