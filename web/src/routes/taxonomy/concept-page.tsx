import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { LANGUAGES } from '../../i18n/setup.ts';
import { pickLabel, pickText, useLocale } from '../../locale.ts';
import { ConceptEditForm } from './concept-edit-form.tsx';
import { historyChanges } from './concept-history.ts';
import {
  type ConceptDetail,
  type ConceptHistoryEntry,
  type ConceptRef,
  type RelationKind,
  useConcept,
  useConceptHistory,
  useConceptSchemes,
} from './taxonomy-api.ts';
import { ConceptLink } from './concept-link.tsx';

type Direction = 'outgoing' | 'incoming';
/** The order relation groups are shown in, and the key of each group's heading. */
const GROUPS: { direction: Direction; kind: RelationKind; key: string }[] = [
  { direction: 'outgoing', kind: 'exact-match', key: 'exactMatch' },
  { direction: 'incoming', kind: 'exact-match', key: 'exactMatchOf' },
  { direction: 'outgoing', kind: 'essential', key: 'essential' },
  { direction: 'outgoing', kind: 'optional', key: 'optional' },
  { direction: 'incoming', kind: 'essential', key: 'essentialFor' },
  { direction: 'incoming', kind: 'optional', key: 'optionalFor' },
  { direction: 'outgoing', kind: 'broader', key: 'alsoBroader' },
  { direction: 'incoming', kind: 'broader', key: 'alsoNarrower' },
  { direction: 'outgoing', kind: 'related', key: 'related' },
  { direction: 'incoming', kind: 'related', key: 'relatedFrom' },
];

export function ConceptPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const concept = useConcept(id);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  if (concept.isPending) return <Loading />;
  if (concept.isError) {
    return (
      <>
        <PageHeading title={t('taxonomy.concept.notFoundTitle')} />
        <ErrorMessage error={concept.error} />
        <p>
          <Link to="/taxonomy">{t('taxonomy.concept.back')}</Link>
        </p>
      </>
    );
  }
  const c = concept.data;
  const title = pickLabel(c.labels, locale.language) || c.id;
  const schemeTitle = pickLabel(c.schemeTitle, locale.language);

  return (
    <>
      <nav className="breadcrumb" aria-label={t('taxonomy.concept.breadcrumb')}>
        <ol>
          <li>
            <Link to="/taxonomy">{t('taxonomy.heading')}</Link>
          </li>
          <li>
            <Link to={{ pathname: '/taxonomy', search: `?scheme=${encodeURIComponent(c.scheme)}` }}>
              {schemeTitle}
            </Link>
          </li>
          {c.parent ? (
            <li>
              <ConceptLink id={c.parent.id}>
                {pickLabel(c.parent.labels, locale.language) || c.parent.id}
              </ConceptLink>
            </li>
          ) : null}
        </ol>
      </nav>
      <PageHeading title={title} eyebrow={schemeTitle} />
      <p className="profile__status" role="status">
        {saved ? t('taxonomy.edit.saved') : ''}
      </p>
      {c.canEdit ? (
        <p>
          <button
            type="button"
            className="button button--secondary"
            aria-expanded={editing}
            onClick={() => {
              setEditing(!editing);
              setSaved(false);
            }}
          >
            {editing ? t('taxonomy.edit.close') : t('taxonomy.edit.open')}
          </button>
        </p>
      ) : null}
      {editing ? (
        <section className="panel" aria-labelledby="concept-edit-heading">
          <h2 id="concept-edit-heading">{t('taxonomy.edit.title')}</h2>
          <ConceptEditForm
            concept={c}
            onSaved={() => {
              setEditing(false);
              setSaved(true);
            }}
            onCancel={() => setEditing(false)}
          />
        </section>
      ) : null}

      <div className="profile__grid">
        <div className="profile__main">
          <Labels concept={c} />
          <Description concept={c} />
          <Hierarchy concept={c} />
          <Relations concept={c} />
          <History id={c.id} />
        </div>
        <aside className="profile__facts card" aria-labelledby="concept-facts-heading">
          <h2 id="concept-facts-heading">{t('taxonomy.concept.facts')}</h2>
          <dl className="facts">
            <dt>{t('taxonomy.concept.scheme')}</dt>
            <dd>{schemeTitle}</dd>
            <dt>{t('taxonomy.concept.id')}</dt>
            <dd>
              <code>{c.id}</code>
            </dd>
            {c.notation ? (
              <>
                <dt>{t('taxonomy.concept.notation')}</dt>
                <dd>{c.notation}</dd>
              </>
            ) : null}
            <dt>{t('taxonomy.concept.level')}</dt>
            <dd>{locale.formatNumber(c.level)}</dd>
            {c.uri ? (
              <>
                <dt>{t('taxonomy.concept.uri')}</dt>
                <dd>
                  <ExternalLink href={c.uri} />
                </dd>
              </>
            ) : null}
            {c.exactMatch.length > 0 ? (
              <>
                <dt>{t('taxonomy.concept.published')}</dt>
                {c.exactMatch.map((uri) => (
                  <dd key={uri}>
                    <ExternalLink href={uri} />
                  </dd>
                ))}
              </>
            ) : null}
          </dl>
          {c.sources.length > 0 ? (
            <>
              <h3 className="concept__sources-title">{t('taxonomy.concept.sources')}</h3>
              <ul className="sources">
                {c.sources.map((source) => (
                  <li key={source}>
                    {/^https?:\/\//.test(source) ? <ExternalLink href={source} /> : source}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </aside>
      </div>
    </>
  );
}

function ExternalLink({ href }: { href: string }) {
  const { t } = useTranslation();
  return (
    <a href={href} rel="noopener noreferrer" target="_blank" className="concept__uri">
      {href}
      <span className="visually-hidden"> ({t('common.opensInNewTab')})</span>
    </a>
  );
}

function Labels({ concept }: { concept: ConceptDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="concept-labels-heading">
      <h2 id="concept-labels-heading">{t('taxonomy.concept.labels')}</h2>
      <dl className="concept-labels">
        {LANGUAGES.map((lang) => (
          <div key={lang} className="concept-labels__row">
            <dt>{t(`language.names.${lang}`)}</dt>
            <dd>
              {concept.labels[lang] ? (
                <span lang={lang} className="concept-labels__pref">
                  {concept.labels[lang]}
                </span>
              ) : (
                <span className="concept-labels__missing">{t('taxonomy.concept.noLabel')}</span>
              )}
              {concept.altLabels[lang].length > 0 ? (
                <span className="concept-labels__alt">
                  <span className="visually-hidden">{t('taxonomy.concept.altLabels')}: </span>
                  <span lang={lang}>{concept.altLabels[lang].join(' · ')}</span>
                </span>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
      <p className="concept-labels__note">{t('taxonomy.concept.altLabelsNote')}</p>
    </section>
  );
}

function Description({ concept }: { concept: ConceptDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = pickText(concept.description, locale.language);
  if (!text) return null;
  return (
    <section aria-labelledby="concept-description-heading">
      <h2 id="concept-description-heading">{t('taxonomy.concept.description')}</h2>
      {text.isFallback ? (
        <p className="language-note">
          {t('taxonomy.concept.descriptionIn', { language: t(`language.names.${text.language}`) })}
        </p>
      ) : null}
      <p lang={text.language} className="profile__description">
        {text.text}
      </p>
    </section>
  );
}

function RefList({ refs }: { refs: ConceptRef[] }) {
  const locale = useLocale();
  const schemes = useConceptSchemes();
  const titles = useMemo(() => new Map((schemes.data ?? []).map((s) => [s.id, s.title])), [schemes.data]);
  return (
    <ul className="concept-refs">
      {refs.map((ref) => (
        <li key={ref.id}>
          <ConceptLink id={ref.id}>{pickLabel(ref.labels, locale.language) || ref.id}</ConceptLink>
          {ref.notation ? <span className="concept-refs__notation"> {ref.notation}</span> : null}
          {titles.get(ref.scheme) ? (
            <span className="concept-refs__scheme">
              {' '}
              · {pickLabel(titles.get(ref.scheme)!, locale.language)}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function Hierarchy({ concept }: { concept: ConceptDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="concept-hierarchy-heading">
      <h2 id="concept-hierarchy-heading">{t('taxonomy.concept.hierarchy')}</h2>
      <h3>{t('taxonomy.concept.broader')}</h3>
      {concept.parent ? <RefList refs={[concept.parent]} /> : <p>{t('taxonomy.concept.topLevel')}</p>}
      <h3>{t('taxonomy.concept.narrower')}</h3>
      {concept.children.length > 0 ? (
        <RefList refs={concept.children} />
      ) : (
        <p>{t('taxonomy.concept.noNarrower')}</p>
      )}
    </section>
  );
}

function Relations({ concept }: { concept: ConceptDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const groups = GROUPS.map((g) => ({
    ...g,
    refs: concept.relations[g.direction].filter((r) => r.kind === g.kind).map((r) => r.concept),
  })).filter((g) => g.refs.length > 0);
  const shown = concept.relations.outgoing.length + concept.relations.incoming.length;
  const total = concept.relations.outgoingTotal + concept.relations.incomingTotal;
  return (
    <section aria-labelledby="concept-relations-heading">
      <h2 id="concept-relations-heading">{t('taxonomy.concept.relations')}</h2>
      {groups.length === 0 ? <p>{t('taxonomy.concept.noRelations')}</p> : null}
      {groups.map((g) => (
        <div key={`${g.direction}-${g.kind}`} className="concept-relations__group">
          <h3>
            {t(`taxonomy.concept.relation.${g.key}` as 'taxonomy.concept.relation.related')}{' '}
            <span className="concept-relations__count">({locale.formatNumber(g.refs.length)})</span>
          </h3>
          <RefList refs={g.refs} />
        </div>
      ))}
      {total > shown ? (
        <p>
          {t('taxonomy.concept.moreRelations', {
            shown: locale.formatNumber(shown),
            total: locale.formatNumber(total),
          })}
        </p>
      ) : null}
    </section>
  );
}

function History({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const history = useConceptHistory(id);
  return (
    <section aria-labelledby="concept-history-heading">
      <h2 id="concept-history-heading">{t('taxonomy.concept.history')}</h2>
      {history.isPending ? <Loading /> : null}
      {history.isError ? <ErrorMessage error={history.error} /> : null}
      {history.data && history.data.length === 0 ? <p>{t('taxonomy.concept.historyEmpty')}</p> : null}
      {history.data && history.data.length > 0 ? (
        <ol className="concept-history">
          {history.data.map((entry) => (
            <HistoryEntry key={entry.id} entry={entry} when={locale.formatDateTime(entry.at)} />
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function HistoryEntry({ entry, when }: { entry: ConceptHistoryEntry; when: string }) {
  const { t } = useTranslation();
  // A first import or a creation lists every field: only the time and action are shown.
  const changes = entry.before ? historyChanges(entry) : [];
  const headingId = useId();
  return (
    <li className="concept-history__entry" aria-labelledby={headingId}>
      <p className="concept-history__head" id={headingId}>
        <time dateTime={entry.at}>{when}</time> · {t(`taxonomy.concept.action.${entry.action}`)}
        {entry.actor ? ` · ${entry.actor.name}` : ''}
      </p>
      {changes.length > 0 && entry.after ? (
        <dl className="concept-history__changes">
          {changes.map((change) => (
            <div key={`${change.field}-${change.language ?? ''}`}>
              <dt>
                {t(`taxonomy.concept.field.${change.field}`)}
                {change.language ? ` (${t(`language.names.${change.language}`)})` : ''}
              </dt>
              <dd>
                <del lang={change.language ?? undefined}>{change.before || '–'}</del>
                <span aria-hidden="true"> → </span>
                <span className="visually-hidden"> {t('taxonomy.concept.changedTo')} </span>
                <ins lang={change.language ?? undefined}>{change.after || '–'}</ins>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </li>
  );
}
