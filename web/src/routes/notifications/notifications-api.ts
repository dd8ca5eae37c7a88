// In-app notifications (GET /api/notifications, POST /api/notifications/read) and what they say.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { request } from '../../api.ts';
import { isChallengeStatus } from '../challenges/challenges-api.ts';

export interface AppNotification {
  id: string;
  kind: string;
  link: string | null;
  payload: Record<string, unknown>;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationList {
  items: AppNotification[];
  unread: number;
}

export const notificationKeys = { all: ['notifications'] as const };

/** New notifications show up within a minute while the page is open. */
const POLL_MS = 60_000;

export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.all,
    queryFn: ({ signal }) => request<NotificationList>('GET', '/notifications', { signal }),
    enabled,
    refetchInterval: POLL_MS,
    staleTime: 15_000,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    /** No ids: all of them. */
    mutationFn: (ids?: string[]) =>
      request<{ unread: number }>('POST', '/notifications/read', { body: ids ? { ids } : {} }),
    onSuccess: (result, ids) => {
      const now = new Date().toISOString();
      queryClient.setQueryData<NotificationList>(notificationKeys.all, (old) =>
        old
          ? {
              unread: result.unread,
              items: old.items.map((n) =>
                !ids || ids.includes(n.id) ? { ...n, readAt: n.readAt ?? now } : n,
              ),
            }
          : old,
      );
    },
  });
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Only paths inside the app become links; anything else is ignored. */
export function safeLink(link: string | null): string | null {
  return link && /^\/(?!\/)/.test(link) ? link : null;
}

/** The sentence a notification shows, from its kind and payload (see src/domain/challenges/notifications.ts). */
export function describeNotification(
  t: TFunction,
  notification: AppNotification,
  formatDate: (iso: string) => string = (iso) => iso.slice(0, 10),
): string {
  const p = notification.payload ?? {};
  const title = text(p.title);
  const actor = text(p.actorName) || t('notifications.someone');
  switch (notification.kind) {
    case 'challenge_comment':
      return t('notifications.kind.comment', { title, actor });
    case 'challenge_status': {
      const status = text(p.to);
      return t('notifications.kind.status', {
        title,
        actor,
        status: (isChallengeStatus(status) ? t(`challenges.status.${status}`) : status).toLocaleLowerCase(),
      });
    }
    case 'challenge_merged':
      return t('notifications.kind.merged', { title, actor, target: text(p.targetTitle) });
    case 'challenge_in_project':
      return t('notifications.kind.project', { title, actor, project: text(p.projectTitle) });
    case 'project_deadline': {
      const deadline = text(p.deadline);
      const daysLeft = typeof p.daysLeft === 'number' ? p.daysLeft : null;
      if (!deadline || daysLeft === null) return t('notifications.kind.other');
      return t('notifications.kind.deadline', {
        title,
        call: text(p.topicId) || text(p.callTitle),
        date: formatDate(deadline),
        count: daysLeft,
      });
    }
    default:
      return title ? t('notifications.kind.otherWithTitle', { title }) : t('notifications.kind.other');
  }
}

/** A comment's opening words, shown under the sentence. */
export function notificationExcerpt(notification: AppNotification): string {
  return notification.kind === 'challenge_comment' ? text(notification.payload?.excerpt) : '';
}
