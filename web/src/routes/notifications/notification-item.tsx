import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../locale.ts';
import {
  type AppNotification,
  describeNotification,
  notificationExcerpt,
  safeLink,
} from './notifications-api.ts';

interface NotificationItemProps {
  item: AppNotification;
  /** Marks it read (a click on its link does too). */
  onRead: () => void;
  /** After a click on its link (the bell closes). */
  onOpen?: () => void;
  /** The full page shows the comment excerpt and a button to mark one read. */
  full?: boolean;
}

export function NotificationItem({ item, onRead, onOpen, full = false }: NotificationItemProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const link = safeLink(item.link);
  const sentence = describeNotification(t, item, locale.formatDate);
  const excerpt = full ? notificationExcerpt(item) : '';
  return (
    <li className={item.readAt ? 'nt-item' : 'nt-item nt-item--unread'}>
      <div className="nt-item__text">
        {item.readAt ? null : (
          <span className="badge badge--ok nt-item__new">{t('notifications.unread')}</span>
        )}
        {link ? (
          <Link
            to={link}
            onClick={() => {
              if (!item.readAt) onRead();
              onOpen?.();
            }}
          >
            {sentence}
          </Link>
        ) : (
          <span>{sentence}</span>
        )}
        {excerpt ? <p className="nt-item__excerpt">{excerpt}</p> : null}
      </div>
      <time className="nt-item__time" dateTime={item.createdAt}>
        {locale.formatDateTime(item.createdAt)}
      </time>
      {full && !item.readAt ? (
        <button type="button" className="link-button nt-item__mark" onClick={onRead}>
          {t('notifications.markOne')}
          <span className="visually-hidden">: {sentence}</span>
        </button>
      ) : null}
    </li>
  );
}
