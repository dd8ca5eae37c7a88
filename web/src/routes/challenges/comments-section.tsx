import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { useLocale } from '../../locale.ts';
import { useAddComment, useComments } from './challenges-api.ts';

export const COMMENT_MAX = 5_000;

export function CommentsSection({ challengeId, canComment }: { challengeId: string; canComment: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const location = useLocation();
  const comments = useComments(challengeId);
  const add = useAddComment(challengeId);
  const [body, setBody] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [status, setStatus] = useState('');
  const ids = { heading: useId(), body: useId() };

  function submit(event: FormEvent) {
    event.preventDefault();
    const text = body.trim();
    if (!text || text.length > COMMENT_MAX) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    add.mutate(text, {
      onSuccess: () => {
        setBody('');
        setStatus(t('challenges.comments.added'));
      },
    });
  }

  return (
    <section aria-labelledby={ids.heading} className="ch-comments">
      <h2 id={ids.heading}>
        {t('challenges.comments.title')}
        {comments.data ? (
          <span className="ch-count"> ({locale.formatNumber(comments.data.length)})</span>
        ) : null}
      </h2>
      {comments.isPending ? <Loading /> : null}
      {comments.isError ? <ErrorMessage error={comments.error} /> : null}
      {comments.data && comments.data.length === 0 ? (
        <p className="muted">{t('challenges.comments.none')}</p>
      ) : null}
      {comments.data && comments.data.length > 0 ? (
        <ol className="ch-comments__list">
          {comments.data.map((comment) => (
            <li key={comment.id} className="ch-comment">
              <p className="ch-comment__meta">
                <span className="ch-comment__author">
                  {comment.authorName ?? t('challenges.comments.unknownAuthor')}
                </span>
                <time dateTime={comment.createdAt}>{locale.formatDateTime(comment.createdAt)}</time>
              </p>
              <p className="ch-comment__body">{comment.body}</p>
            </li>
          ))}
        </ol>
      ) : null}
      <p className="form__status" role="status">
        {status}
      </p>
      {canComment ? (
        <form className="form ch-comment-form" noValidate onSubmit={submit}>
          <div className="field">
            <label htmlFor={ids.body}>{t('challenges.comments.label')}</label>
            <p className="field__hint" id={`${ids.body}-hint`}>
              {t('challenges.comments.hint')}
            </p>
            {invalid ? (
              <p className="field__error" id={`${ids.body}-error`}>
                <span className="visually-hidden">{t('edit.errorPrefix')} </span>
                {t('challenges.comments.invalid', { max: locale.formatNumber(COMMENT_MAX) })}
              </p>
            ) : null}
            <textarea
              id={ids.body}
              rows={3}
              value={body}
              aria-invalid={invalid || undefined}
              aria-describedby={`${ids.body}-hint${invalid ? ` ${ids.body}-error` : ''}`}
              onChange={(e) => {
                setBody(e.target.value);
                setStatus('');
              }}
            />
          </div>
          {add.isError ? <ErrorMessage error={add.error} title={t('challenges.comments.failed')} /> : null}
          <button type="submit" className="button" disabled={add.isPending}>
            {t('challenges.comments.send')}
          </button>
        </form>
      ) : (
        <p>
          <Link to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>
            {t('challenges.comments.signIn')}
          </Link>
        </p>
      )}
    </section>
  );
}
