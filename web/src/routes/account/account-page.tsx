import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { apiUrl, type CreatedApiToken, type User } from '../../api.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { pickLabel, useLocale } from '../../locale.ts';
import {
  useCreateToken,
  useDeleteToken,
  useEraseAccount,
  useOrganisation,
  useRegions,
  useSession,
  useTokens,
} from '../../queries.ts';

export function AccountPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorMessage error={session.error} />;
  const user = session.data.user;
  if (!user) return <Navigate to="/sign-in?next=%2Faccount" replace />;
  return (
    <>
      <PageHeading title={t('account.title')} />
      <UserDetails user={user} />
      <Tokens />
      <PersonalData />
    </>
  );
}

function UserDetails({ user }: { user: User }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const organisation = useOrganisation(user.organisationId);
  const regions = useRegions();
  const region = regions.data?.find((r) => r.id === user.regionId);
  return (
    <section className="card" aria-labelledby="account-details">
      <h2 id="account-details">{t('account.details')}</h2>
      <dl className="facts">
        <dt>{t('account.name')}</dt>
        <dd>{user.displayName || <span className="muted">{t('common.notGiven')}</span>}</dd>
        <dt>{t('account.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('account.role')}</dt>
        <dd>
          {t(`roles.${user.role}`)}
          <span className="muted"> – {t(`roles.${user.role}Hint`)}</span>
        </dd>
        <dt>{t('account.organisation')}</dt>
        <dd>
          {user.organisationId ? (
            <Link to={`/organisations/${encodeURIComponent(user.organisationId)}`}>
              {organisation.data?.name ?? user.organisationId}
            </Link>
          ) : (
            <span className="muted">{t('common.notGiven')}</span>
          )}
        </dd>
        <dt>{t('account.region')}</dt>
        <dd>
          {user.regionId ? (
            region ? (
              pickLabel(region.name, locale.language)
            ) : (
              user.regionId
            )
          ) : (
            <span className="muted">{t('common.notGiven')}</span>
          )}
        </dd>
      </dl>
    </section>
  );
}

function Tokens() {
  const { t } = useTranslation();
  const locale = useLocale();
  const tokens = useTokens(true);
  const create = useCreateToken();
  const remove = useDeleteToken();
  const [name, setName] = useState('');
  const [missingName, setMissingName] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const nameId = useId();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setMissingName(true);
      return;
    }
    setMissingName(false);
    create.mutate(name.trim(), {
      onSuccess: (token) => {
        setCreated(token);
        setName('');
      },
    });
  }

  return (
    <section className="section" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">{t('account.tokens.title')}</h2>
      <p className="section__intro">{t('account.tokens.intro')}</p>
      <p className="section__intro">
        {t('account.tokens.usage')} <code>Authorization: Bearer …</code>
      </p>

      {created ? <NewToken token={created} onDone={() => setCreated(null)} /> : null}

      <form className="form card form--inline" noValidate onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={nameId}>{t('account.tokens.name')}</label>
          <p className="field__hint" id={`${nameId}-hint`}>
            {t('account.tokens.nameHint')}
          </p>
          {missingName ? (
            <p className="field__error" id={`${nameId}-error`}>
              {t('account.tokens.nameRequired')}
            </p>
          ) : null}
          <input
            id={nameId}
            value={name}
            maxLength={100}
            aria-invalid={missingName || undefined}
            aria-describedby={missingName ? `${nameId}-error ${nameId}-hint` : `${nameId}-hint`}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {t('account.tokens.create')}
          </button>
        </div>
        {create.isError ? <ErrorMessage error={create.error} /> : null}
      </form>

      <h3>{t('account.tokens.existing')}</h3>
      {tokens.isPending ? <Loading /> : null}
      {tokens.isError ? <ErrorMessage error={tokens.error} /> : null}
      {remove.isError ? <ErrorMessage error={remove.error} /> : null}
      {tokens.data && tokens.data.length === 0 ? <p className="muted">{t('account.tokens.none')}</p> : null}
      {tokens.data && tokens.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('account.tokens.name')}</th>
                <th scope="col">{t('account.tokens.createdAt')}</th>
                <th scope="col">{t('account.tokens.lastUsedAt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('account.tokens.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>{locale.formatDateTime(token.createdAt)}</td>
                  <td>
                    {token.lastUsedAt
                      ? locale.formatDateTime(token.lastUsedAt)
                      : t('account.tokens.neverUsed')}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link-button link-button--danger"
                      disabled={remove.isPending}
                      onClick={() => {
                        if (window.confirm(t('account.tokens.confirmRevoke', { name: token.name }))) {
                          remove.mutate(token.id);
                        }
                      }}
                    >
                      {t('account.tokens.revoke')}
                      <span className="visually-hidden">: {token.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function NewToken({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputId = useId();

  useEffect(() => headingRef.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied('yes');
    } catch {
      // Clipboard access can be refused (no HTTPS, no permission): select the text instead.
      inputRef.current?.select();
      setCopied('failed');
    }
  }

  return (
    <div className="notice notice--success token-once">
      <h3 ref={headingRef} tabIndex={-1} className="notice__title">
        {t('account.tokens.createdTitle', { name: token.name })}
      </h3>
      <p>{t('account.tokens.showOnce')}</p>
      <div className="token-once__row">
        <label htmlFor={inputId} className="visually-hidden">
          {t('account.tokens.tokenLabel')}
        </label>
        <input
          id={inputId}
          ref={inputRef}
          className="token-once__value"
          readOnly
          value={token.token}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button" onClick={() => void copy()}>
          {t('account.tokens.copy')}
        </button>
      </div>
      <p role="status" className="token-once__status">
        {copied === 'yes'
          ? t('account.tokens.copied')
          : copied === 'failed'
            ? t('account.tokens.copyFailed')
            : ''}
      </p>
      <button type="button" className="link-button" onClick={onDone}>
        {t('account.tokens.done')}
      </button>
    </div>
  );
}

/** The person's own data: download all of it, or erase the account (GDPR articles 15 and 17). */
function PersonalData() {
  const { t } = useTranslation();
  const erase = useEraseAccount();
  const passwordId = useId();
  const [password, setPassword] = useState('');
  const [confirmed, setConfirmed] = useState(false);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!password || !confirmed) return;
    erase.mutate(password);
  }

  if (erase.isSuccess) return <Navigate to="/?erased=1" replace />;
  return (
    <section className="section" aria-labelledby="personal-data-heading">
      <h2 id="personal-data-heading">{t('account.data.title')}</h2>
      <p className="section__intro">{t('account.data.intro')}</p>
      <p>
        <a className="button button--secondary" href={apiUrl('/me/data')} download="kenno-my-data.json">
          {t('account.data.download')}
        </a>
      </p>
      <h3>{t('account.data.eraseTitle')}</h3>
      <p className="section__intro">{t('account.data.eraseIntro')}</p>
      <form className="form card" noValidate onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={passwordId}>{t('account.data.password')}</label>
          <input
            id={passwordId}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <div className="field field--checkbox">
          <label>
            <input
              type="checkbox"
              checked={confirmed}
              onChange={(event) => setConfirmed(event.target.checked)}
            />{' '}
            {t('account.data.confirm')}
          </label>
        </div>
        <div className="form__actions">
          <button
            type="submit"
            className="button button--danger"
            disabled={!password || !confirmed || erase.isPending}
          >
            {t('account.data.erase')}
          </button>
        </div>
        {erase.isError ? <ErrorMessage error={erase.error} /> : null}
      </form>
    </section>
  );
}
