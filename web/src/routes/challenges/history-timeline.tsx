import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../locale.ts';
import { useChallengeLabels } from './challenge-labels.ts';
import type { HistoryEntry } from './challenges-api.ts';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Events shown on request: one person's support or evaluation. */
const MINOR_EVENTS = new Set(['supported', 'support_withdrawn', 'evaluated']);

const EDITABLE_FIELDS = [
  'title',
  'description',
  'language',
  'regionId',
  'organisationId',
  'conceptIds',
  'trlNow',
  'trlWanted',
  'horizon',
  'isPublic',
] as const;
type EditableField = (typeof EDITABLE_FIELDS)[number];
const isEditableField = (value: unknown): value is EditableField =>
  (EDITABLE_FIELDS as readonly unknown[]).includes(value);

/** The history events the server writes, as sentences; unknown events show their name. */
export function useHistoryText() {
  const { t } = useTranslation();
  const labels = useChallengeLabels();
  return (entry: HistoryEntry): { sentence: string; link: { to: string; title: string } | null } => {
    const d = entry.details ?? {};
    switch (entry.event) {
      case 'created':
        return { sentence: t('challenges.history.created'), link: null };
      case 'edited': {
        const fields = Array.isArray(d.fields) ? d.fields.filter(isEditableField) : [];
        return {
          sentence: fields.length
            ? t('challenges.history.editedFields', {
                fields: fields.map((f) => t(`challenges.history.field.${f}`)).join(', '),
              })
            : t('challenges.history.edited'),
          link: null,
        };
      }
      case 'status_changed':
        return {
          sentence: t('challenges.history.status', {
            from: labels.status(text(d.from)),
            to: labels.status(text(d.to)),
          }),
          link: null,
        };
      case 'merged_into': {
        const id = text(d.targetId);
        return {
          sentence: t('challenges.history.mergedInto'),
          link: id ? { to: `/challenges/${encodeURIComponent(id)}`, title: text(d.targetTitle) || id } : null,
        };
      }
      case 'merged_from':
        return {
          sentence: t('challenges.history.mergedFrom', { title: text(d.sourceTitle) }),
          link: null,
        };
      case 'supported':
        return { sentence: t('challenges.history.supported'), link: null };
      case 'support_withdrawn':
        return { sentence: t('challenges.history.supportWithdrawn'), link: null };
      case 'commented':
        return { sentence: t('challenges.history.commented'), link: null };
      case 'evaluated':
        return { sentence: t('challenges.history.evaluated'), link: null };
      case 'added_to_project': {
        const id = text(d.projectId);
        return {
          sentence: t('challenges.history.project'),
          link: id ? { to: `/projects/${encodeURIComponent(id)}`, title: text(d.projectTitle) || id } : null,
        };
      }
      default:
        return {
          sentence: t('challenges.history.other', { event: entry.event.replaceAll('_', ' ') }),
          link: null,
        };
    }
  };
}

export function HistoryTimeline({
  history,
  ownId,
  mergedFrom,
}: {
  history: HistoryEntry[];
  ownId: string;
  mergedFrom: { id: string; title: string }[];
}) {
  const mergedTitles = new Map(mergedFrom.map((m) => [m.id, m.title]));
  const { t } = useTranslation();
  const locale = useLocale();
  const describe = useHistoryText();
  const headingId = useId();
  const [showAll, setShowAll] = useState(false);
  const sorted = [...history].sort((a, b) => a.at.localeCompare(b.at));
  // Supports and evaluations can be many; the story of the challenge comes first.
  const minor = sorted.filter((entry) => MINOR_EVENTS.has(entry.event)).length;
  const entries = showAll ? sorted : sorted.filter((entry) => !MINOR_EVENTS.has(entry.event));
  return (
    <section aria-labelledby={headingId} className="ch-history">
      <h2 id={headingId}>{t('challenges.history.title')}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t('challenges.history.none')}</p>
      ) : (
        <ol className="ch-timeline">
          {entries.map((entry, index) => {
            const { sentence, link } = describe(entry);
            // A survivor's history carries that of the challenges merged into it.
            const from = entry.challengeId ?? '';
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: history entries have no id of their own
              <li key={`${entry.at}-${index}`} className="ch-timeline__item">
                <p className="ch-timeline__when">
                  <time dateTime={entry.at}>{locale.formatDateTime(entry.at)}</time>
                  {entry.actorName ? <span> · {entry.actorName}</span> : null}
                </p>
                <p className="ch-timeline__what">
                  {sentence}
                  {link ? (
                    <>
                      {' '}
                      <Link to={link.to}>{link.title}</Link>
                    </>
                  ) : null}
                </p>
                {from && from !== ownId ? (
                  <p className="ch-timeline__origin">
                    {t('challenges.history.fromMerged', { title: mergedTitles.get(from) ?? from })}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {minor > 0 ? (
        <p className="ch-history__toggle">
          <button
            type="button"
            className="link-button"
            aria-pressed={showAll}
            onClick={() => setShowAll((v) => !v)}
          >
            {showAll ? t('challenges.history.showMain') : t('challenges.history.showAll', { count: minor })}
          </button>
        </p>
      ) : null}
    </section>
  );
}
