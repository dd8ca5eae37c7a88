import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { useSession, useSignIn } from '../../queries.ts';

/** Only paths inside Kenno are followed after sign-in, never another site. */
function safeNext(value: string | null): string {
  return value?.startsWith('/') && !value.startsWith('//') ? value : '/account';
}

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const ids = { email: useId(), password: useId() };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!email.trim() || !password) {
      setMissing(true);
      return;
    }
    setMissing(false);
    signIn.mutate(
      { email: email.trim(), password },
      { onSuccess: () => void navigate(safeNext(params.get('next')), { replace: true }) },
    );
  }

  if (session.isPending) return <Loading />;
  const user = session.data?.user;
  if (user && !signIn.isPending && !signIn.isSuccess) {
    return (
      <article className="narrow">
        <PageHeading title={t('signIn.title')} />
        <p>{t('signIn.alreadySignedIn', { name: user.displayName || user.email })}</p>
        <p>
          <Link to="/account">{t('auth.account')}</Link>
        </p>
      </article>
    );
  }

  const invalid = signIn.error instanceof ApiError && signIn.error.code === 'invalid_credentials';

  return (
    <article className="narrow">
      <PageHeading title={t('signIn.title')} lead={t('signIn.lead')} />
      <form className="form card" noValidate onSubmit={onSubmit}>
        {missing ? (
          <p className="notice notice--error" role="alert">
            {t('signIn.missing')}
          </p>
        ) : null}
        {invalid ? (
          <p className="notice notice--error" role="alert">
            {t('signIn.invalid')}
          </p>
        ) : null}
        {signIn.isError && !invalid ? <ErrorMessage error={signIn.error} title={t('signIn.failed')} /> : null}
        <div className="field">
          <label htmlFor={ids.email}>{t('signIn.email')}</label>
          <input
            id={ids.email}
            type="email"
            name="email"
            autoComplete="username"
            value={email}
            aria-invalid={invalid || (missing && !email.trim()) || undefined}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.password}>{t('signIn.password')}</label>
          <input
            id={ids.password}
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            aria-invalid={invalid || (missing && !password) || undefined}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={signIn.isPending}>
            {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </div>
      </form>
      <p className="muted">{t('signIn.noAccount')}</p>
    </article>
  );
}
