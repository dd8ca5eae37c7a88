import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useLocale } from '../../locale.ts';
import { useSession } from '../../queries.ts';
import { NotificationItem } from './notification-item.tsx';
import { useMarkRead, useNotifications } from './notifications-api.ts';
import './notifications.css';

const SHOWN = 6;

/** The bell in the site header: the unread count, and the latest notifications a click away. */
export function NotificationBell() {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useSession();
  const signedIn = Boolean(session.data?.user);
  const notifications = useNotifications(signedIn);
  const markRead = useMarkRead();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
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

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => setOpen(false), [location.pathname]);

  if (!signedIn) return null;
  const unread = notifications.data?.unread ?? 0;
  const items = (notifications.data?.items ?? []).slice(0, SHOWN);
  const label =
    unread > 0
      ? t('notifications.bellUnread', { count: unread, formatted: locale.formatNumber(unread) })
      : t('notifications.bell');

  return (
    <div className="nt-bell" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="nt-bell__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={label}
        onClick={() => setOpen((v) => !v)}
      >
        <svg className="nt-bell__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 3a6 6 0 0 0-6 6v3.6L4.3 16a1 1 0 0 0 .9 1.4h13.6a1 1 0 0 0 .9-1.4L18 12.6V9a6 6 0 0 0-6-6zm-2.2 16a2.3 2.3 0 0 0 4.4 0z" />
        </svg>
        {unread > 0 ? (
          <span className="nt-bell__count" aria-hidden="true">
            {unread > 99 ? '99+' : locale.formatNumber(unread)}
          </span>
        ) : null}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {unread > 0 ? label : ''}
      </span>
      <div id={panelId} className="nt-bell__panel" hidden={!open}>
        <p className="nt-bell__title">{t('notifications.title')}</p>
        {items.length === 0 ? (
          <p className="muted nt-bell__empty">{t('notifications.none')}</p>
        ) : (
          <ul className="nt-list nt-list--compact">
            {items.map((item) => (
              <NotificationItem
                key={item.id}
                item={item}
                onRead={() => markRead.mutate([item.id])}
                onOpen={() => setOpen(false)}
              />
            ))}
          </ul>
        )}
        <div className="nt-bell__actions">
          {unread > 0 ? (
            <button
              type="button"
              className="link-button"
              disabled={markRead.isPending}
              onClick={() => markRead.mutate(undefined)}
            >
              {t('notifications.markAll')}
            </button>
          ) : null}
          <Link to="/notifications">{t('notifications.all')}</Link>
        </div>
      </div>
    </div>
  );
}
