import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useSession, useSignOut } from '../queries.ts';

export function UserMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    }
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  // A page change closes the menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => setOpen(false), [location.pathname]);

  const user = session.data?.user;
  if (!user) {
    if (session.isPending) return <span className="user-menu user-menu--placeholder" />;
    const next =
      location.pathname === '/sign-in'
        ? ''
        : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return (
      <Link className="button button--secondary button--small" to={`/sign-in${next}`}>
        {t('auth.signIn')}
      </Link>
    );
  }

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="visually-hidden">{t('auth.signedInAs')} </span>
        <span className="user-menu__name">{user.displayName || user.email}</span>
        <span className="user-menu__caret" aria-hidden="true" />
      </button>
      <div id={menuId} className="user-menu__panel" hidden={!open}>
        <p className="user-menu__email">{user.email}</p>
        <ul>
          <li>
            <Link to="/account">{t('auth.account')}</Link>
          </li>
          <li>
            <button
              type="button"
              className="link-button"
              disabled={signOut.isPending}
              onClick={() =>
                signOut.mutate(undefined, {
                  onSuccess: () => {
                    setOpen(false);
                    void navigate('/');
                  },
                })
              }
            >
              {t('auth.signOut')}
            </button>
          </li>
        </ul>
        {signOut.isError ? (
          <p className="field__error" role="alert">
            {t('auth.signOutFailed')}
          </p>
        ) : null}
      </div>
    </div>
  );
}
