import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorMessage } from '../../components/status.tsx';
import { useDebouncedValue } from '../../use-debounced-value.ts';
import { LanguageBadge } from './challenge-card.tsx';
import { useChallengeLabels } from './challenge-labels.ts';
import {
  type Challenge,
  type ChallengeStatus,
  isChallengeStatus,
  type SimilarChallenge,
  useChallenges,
  useMergeChallenge,
  useUpdateChallenge,
} from './challenges-api.ts';

/**
 * Where a moderator can take a challenge from each status: the lifecycle of
 * src/domain/challenges/challenge.ts (the server checks it); `merged` comes only from merging.
 */
export const NEXT_STATUSES: Record<ChallengeStatus, readonly ChallengeStatus[]> = {
  new: ['validated', 'rejected'],
  validated: ['new', 'common', 'rejected'],
  common: ['validated', 'in_project', 'rejected'],
  in_project: ['common'],
  rejected: ['new'],
  merged: [],
};

interface Target {
  id: string;
  title: string;
  language: Challenge['language'];
  regionId: string | null;
}

export function ModerationPanel({
  challenge,
  similar,
  regionName,
  onStatusChanged,
}: {
  challenge: Challenge;
  similar: SimilarChallenge[];
  regionName: (id: string | null) => string;
  onStatusChanged: (message: string) => void;
}) {
  const { t } = useTranslation();
  const labels = useChallengeLabels();
  const update = useUpdateChallenge(challenge.id);
  const [status, setStatus] = useState<ChallengeStatus>(challenge.status);
  const ids = { heading: useId(), status: useId() };

  useEffect(() => setStatus(challenge.status), [challenge.status]);

  function saveStatus(event: FormEvent) {
    event.preventDefault();
    if (status === challenge.status) return;
    update.mutate(
      { status },
      {
        onSuccess: (saved) =>
          onStatusChanged(t('challenges.moderation.statusSaved', { status: labels.status(saved.status) })),
      },
    );
  }

  return (
    <section className="panel ch-moderation" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('challenges.moderation.title')}</h2>
      <form className="form--inline" onSubmit={saveStatus}>
        <div className="field">
          <label htmlFor={ids.status}>{t('challenges.moderation.status')}</label>
          <select
            id={ids.status}
            value={status}
            onChange={(e) => {
              if (isChallengeStatus(e.target.value)) setStatus(e.target.value);
            }}
          >
            {[challenge.status, ...NEXT_STATUSES[challenge.status]].map((value) => (
              <option key={value} value={value}>
                {labels.status(value)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button" disabled={update.isPending || status === challenge.status}>
          {t('challenges.moderation.saveStatus')}
        </button>
        {update.isError ? (
          <ErrorMessage error={update.error} title={t('challenges.moderation.statusFailed')} />
        ) : null}
      </form>
      <MergeSection challenge={challenge} similar={similar} regionName={regionName} />
    </section>
  );
}

function MergeSection({
  challenge,
  similar,
  regionName,
}: {
  challenge: Challenge;
  similar: SimilarChallenge[];
  regionName: (id: string | null) => string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const merge = useMergeChallenge(challenge.id);
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [target, setTarget] = useState<Target | null>(null);
  const [confirming, setConfirming] = useState(false);
  const debounced = useDebouncedValue(search.trim(), 300);
  const found = useChallenges({ q: debounced || undefined, limit: 8 });
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const ids = { search: useId(), confirm: useId(), choices: useId() };

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const fromSimilar: Target[] = similar.map((s) => ({
    id: s.challenge.id,
    title: s.challenge.title,
    language: s.challenge.language,
    regionId: s.challenge.regionId,
  }));
  const fromSearch: Target[] = debounced
    ? (found.data?.items ?? [])
        .filter(
          (c) => c.id !== challenge.id && c.status !== 'merged' && !fromSimilar.some((s) => s.id === c.id),
        )
        .map((c) => ({ id: c.id, title: c.title, language: c.language, regionId: c.regionId }))
    : [];

  if (!open) {
    return (
      <div className="ch-merge">
        <h3>{t('challenges.merge.title')}</h3>
        <p className="field__hint">{t('challenges.merge.intro')}</p>
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {t('challenges.merge.open')}
        </button>
      </div>
    );
  }

  const choice = (candidate: Target) => (
    <li key={candidate.id}>
      <label className="ch-radio ch-merge__choice">
        <input
          type="radio"
          name={ids.choices}
          value={candidate.id}
          checked={target?.id === candidate.id}
          onChange={() => setTarget(candidate)}
        />
        <span>
          <span lang={candidate.language}>{candidate.title}</span>
          <span className="ch-merge__meta">
            {' '}
            <LanguageBadge language={candidate.language} />
            {candidate.regionId ? ` ${regionName(candidate.regionId)}` : ''}
          </span>
        </span>
      </label>
    </li>
  );

  return (
    <div className="ch-merge">
      <h3>{t('challenges.merge.title')}</h3>
      {confirming && target ? (
        <section className="notice ch-merge__confirm" aria-labelledby={ids.confirm}>
          <h4 id={ids.confirm} ref={confirmRef} tabIndex={-1} className="notice__title">
            {t('challenges.merge.confirmTitle')}
          </h4>
          <p>{t('challenges.merge.confirmText', { source: challenge.title, target: target.title })}</p>
          {merge.isError ? <ErrorMessage error={merge.error} title={t('challenges.merge.failed')} /> : null}
          <div className="form__actions">
            <button
              type="button"
              className="button"
              disabled={merge.isPending}
              onClick={() =>
                merge.mutate(target.id, {
                  onSuccess: (survivor) =>
                    navigate(`/challenges/${encodeURIComponent(survivor.id)}`, {
                      state: { mergedFrom: { id: challenge.id, title: challenge.title } },
                    }),
                })
              }
            >
              {merge.isPending ? t('challenges.merge.merging') : t('challenges.merge.confirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {t('challenges.merge.back')}
            </button>
          </div>
        </section>
      ) : (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            if (target) setConfirming(true);
          }}
        >
          <fieldset className="fieldset">
            <legend>{t('challenges.merge.pick')}</legend>
            {fromSimilar.length > 0 ? (
              <>
                <p className="field__hint">{t('challenges.merge.fromSimilar')}</p>
                <ul className="ch-merge__choices">{fromSimilar.map(choice)}</ul>
              </>
            ) : (
              <p className="field__hint">{t('challenges.merge.noSimilar')}</p>
            )}
            <div className="field">
              <label htmlFor={ids.search}>{t('challenges.merge.search')}</label>
              <input
                id={ids.search}
                type="search"
                autoComplete="off"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
              />
            </div>
            <div aria-live="polite">
              {debounced && found.data && fromSearch.length === 0 ? (
                <p className="field__hint">{t('challenges.merge.noResults')}</p>
              ) : null}
              {fromSearch.length > 0 ? <ul className="ch-merge__choices">{fromSearch.map(choice)}</ul> : null}
            </div>
          </fieldset>
          <div className="form__actions">
            <button type="submit" className="button" disabled={!target}>
              {t('challenges.merge.next')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setOpen(false);
                setTarget(null);
              }}
            >
              {t('challenges.merge.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
