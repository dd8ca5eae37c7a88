import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { useLocale } from '../../locale.ts';
import { useSession } from '../../queries.ts';
import { NotificationItem } from './notification-item.tsx';
import { useMarkRead, useNotifications } from './notifications-api.ts';
import './notifications.css';

export function NotificationsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useSession();
  const signedIn = Boolean(session.data?.user);
  const notifications = useNotifications(signedIn);
  const markRead = useMarkRead();

  if (session.isPending) return <Loading />;
  if (!signedIn) {
    return (
      <article className="prose">
        <PageHeading title={t('notifications.title')} lead={t('notifications.signIn')} />
        <p>
          <Link className="button" to={`/sign-in?next=${encodeURIComponent('/notifications')}`}>
            {t('auth.signIn')}
          </Link>
        </p>
      </article>
    );
  }
  const data = notifications.data;
  return (
    <article className="nt-page">
      <PageHeading title={t('notifications.title')} lead={t('notifications.lead')} />
      <div className="nt-page__bar">
        <p className="result-count" role="status" aria-live="polite">
          {data
            ? t('notifications.unreadCount', {
                count: data.unread,
                formatted: locale.formatNumber(data.unread),
              })
            : ''}
        </p>
        {data && data.unread > 0 ? (
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={markRead.isPending}
            onClick={() => markRead.mutate(undefined)}
          >
            {t('notifications.markAll')}
          </button>
        ) : null}
      </div>
      {notifications.isPending ? <Loading /> : null}
      {notifications.isError ? <ErrorMessage error={notifications.error} /> : null}
      {markRead.isError ? <ErrorMessage error={markRead.error} /> : null}
      {data && data.items.length === 0 ? (
        <div className="empty">
          <p className="empty__title">{t('notifications.none')}</p>
          <p>{t('notifications.noneHint')}</p>
        </div>
      ) : null}
      {data && data.items.length > 0 ? (
        <ul className="nt-list">
          {data.items.map((item) => (
            <NotificationItem key={item.id} item={item} full onRead={() => markRead.mutate([item.id])} />
          ))}
        </ul>
      ) : null}
    </article>
  );
}
