import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Concept } from '../../api.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { LANGUAGES, type Language } from '../../i18n/setup.ts';
import { pickLabel, useLocale } from '../../locale.ts';
import { useDebouncedValue } from '../../use-debounced-value.ts';
import { ConceptLink, isSearchedScheme, VALUE_CHAIN } from './concept-link.tsx';
import { ConceptPage } from './concept-page.tsx';
import {
  type ConceptScheme,
  skosUrl,
  type TaxonomyConcept,
  useConceptSchemes,
  useConceptSearch,
  useSchemeConcepts,
} from './taxonomy-api.ts';
import './taxonomy.css';

const PAGE_SIZE = 25;
const SEARCH_DELAY_MS = 300;

type TreeConcept = Concept & { altLabels?: TaxonomyConcept['altLabels']; notation?: string | null };

interface TreeNode {
  concept: TreeConcept;
  children: TreeNode[];
}

/** Builds the tree in the order the taxonomy lists concepts (the scheme's own order). */
export function buildTree(concepts: TreeConcept[]): TreeNode[] {
  const nodes = new Map(concepts.map((concept) => [concept.id, { concept, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.concept.parentId ? nodes.get(node.concept.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

function normalise(text: string): string {
  return text
    .toLocaleLowerCase()
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '');
}

/** Ids of concepts that match (labels, alternative labels, notation, id), plus their ancestors. */
export function matchingIds(concepts: TreeConcept[], filter: string): Set<string> | null {
  const needle = normalise(filter.trim());
  if (!needle) return null;
  const byId = new Map(concepts.map((concept) => [concept.id, concept]));
  const keep = new Set<string>();
  for (const concept of concepts) {
    const haystack = [
      concept.id,
      concept.notation ?? '',
      ...LANGUAGES.map((language) => concept.labels[language] ?? ''),
      ...LANGUAGES.flatMap((language) => concept.altLabels?.[language] ?? []),
    ];
    if (!haystack.some((text) => normalise(text).includes(needle))) continue;
    let current: TreeConcept | undefined = concept;
    while (current && !keep.has(current.id)) {
      keep.add(current.id);
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
  }
  return keep;
}

export function TaxonomyPage() {
  const [params] = useSearchParams();
  const conceptId = params.get('concept');
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when the page shown changes
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [conceptId]);
  if (conceptId) return <ConceptPage key={conceptId} id={conceptId} />;
  return <SchemesView />;
}

function readPage(value: string | null): number {
  const page = Number.parseInt(value ?? '', 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}

function SchemesView() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params] = useSearchParams();
  const schemes = useConceptSchemes();
  const current = params.get('scheme') ?? VALUE_CHAIN;
  const scheme = schemes.data?.find((s) => s.id === current) ?? null;

  return (
    <>
      <PageHeading
        title={t('taxonomy.heading')}
        eyebrow={t('modules.taxonomy.title')}
        lead={t('taxonomy.headingLead')}
      />
      {schemes.isPending ? <Loading /> : null}
      {schemes.isError ? <ErrorMessage error={schemes.error} /> : null}
      {schemes.data ? (
        <nav className="scheme-nav" aria-label={t('taxonomy.schemesLabel')}>
          <ul>
            {schemes.data.map((s) => (
              <li key={s.id}>
                <Link
                  to={{ pathname: '/taxonomy', search: `?scheme=${encodeURIComponent(s.id)}` }}
                  aria-current={s.id === current ? 'page' : undefined}
                  className="scheme-nav__link"
                >
                  <span className="scheme-nav__title">{pickLabel(s.title, locale.language)}</span>
                  <span className="scheme-nav__count">
                    {t('taxonomy.count', {
                      count: s.conceptCount,
                      formatted: locale.formatNumber(s.conceptCount),
                    })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {schemes.data && !scheme ? (
        <div className="empty">
          <p className="empty__title">{t('taxonomy.unknownScheme')}</p>
        </div>
      ) : null}
      {scheme ? <SchemeSection key={scheme.id} scheme={scheme} /> : null}
    </>
  );
}

function SchemeSection({ scheme }: { scheme: ConceptScheme }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  return (
    <section className="scheme" aria-labelledby={headingId}>
      <div className="scheme__header">
        <h2 id={headingId}>{pickLabel(scheme.title, locale.language)}</h2>
        <p className="scheme__description">{pickLabel(scheme.description, locale.language)}</p>
        <p className="scheme__export">
          <a href={skosUrl(scheme.id)} download={`${scheme.id}.skos.jsonld`}>
            {t('taxonomy.skosLink')}
            <span className="visually-hidden">: {pickLabel(scheme.title, locale.language)}</span>
          </a>{' '}
          <span className="scheme__export-hint">{t('taxonomy.skosHint')}</span>
        </p>
      </div>
      {scheme.conceptCount === 0 ? (
        <div className="empty">
          <p className="empty__title">{t('taxonomy.emptyScheme')}</p>
          {scheme.id.startsWith('esco-') ? <p>{t('taxonomy.emptySchemeEsco')}</p> : null}
        </div>
      ) : isSearchedScheme(scheme) ? (
        <SchemeSearch scheme={scheme} />
      ) : (
        <SchemeTree scheme={scheme} />
      )}
    </section>
  );
}

/** A small scheme as a tree, filtered in the browser. */
function SchemeTree({ scheme }: { scheme: ConceptScheme }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const concepts = useSchemeConcepts(scheme.id);
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const items = concepts.data?.items;
  const tree = useMemo(() => buildTree(items ?? []), [items]);
  const visible = useMemo(() => matchingIds(items ?? [], filter), [items, filter]);
  const total = items?.length ?? 0;
  const numbered = scheme.id === VALUE_CHAIN;

  return (
    <>
      <div className="filters filters--single">
        <div className="field filters__search">
          <label htmlFor={filterId}>{t('taxonomy.filterLabel')}</label>
          <input
            id={filterId}
            type="search"
            value={filter}
            autoComplete="off"
            placeholder={t('taxonomy.filterPlaceholder')}
            onChange={(event) => setFilter(event.target.value)}
          />
        </div>
      </div>
      <p className="result-count" role="status" aria-live="polite">
        {items
          ? visible
            ? t('taxonomy.countFiltered', {
                count: visible.size,
                formatted: locale.formatNumber(visible.size),
                total: locale.formatNumber(total),
              })
            : t('taxonomy.count', { count: total, formatted: locale.formatNumber(total) })
          : ''}
      </p>
      {concepts.isPending ? <Loading /> : null}
      {concepts.isError ? <ErrorMessage error={concepts.error} /> : null}
      {items && visible && visible.size === 0 ? (
        <div className="empty">
          <p className="empty__title">{t('taxonomy.emptyTitle')}</p>
          <p>{t('taxonomy.emptyText')}</p>
        </div>
      ) : null}
      <ol className={numbered ? 'taxonomy' : 'taxonomy taxonomy--plain'}>
        {tree
          .filter((node) => !visible || visible.has(node.concept.id))
          .map((node, index) => (
            <li key={node.concept.id} className="taxonomy__stage card">
              <h3 className="taxonomy__stage-title">
                {numbered ? (
                  <span className="taxonomy__number" aria-hidden="true">
                    {index + 1}
                  </span>
                ) : null}
                <ConceptLink id={node.concept.id}>
                  {pickLabel(node.concept.labels, locale.language)}
                </ConceptLink>
              </h3>
              <ConceptMeta concept={node.concept} language={locale.language} scheme={scheme.id} />
              {node.children.length > 0 ? (
                <ConceptList
                  nodes={node.children}
                  visible={visible}
                  language={locale.language}
                  scheme={scheme.id}
                />
              ) : null}
            </li>
          ))}
      </ol>
    </>
  );
}

function ConceptList({
  nodes,
  visible,
  language,
  scheme,
}: {
  nodes: TreeNode[];
  visible: Set<string> | null;
  language: Language;
  scheme: string;
}) {
  const shown = nodes.filter((node) => !visible || visible.has(node.concept.id));
  if (shown.length === 0) return null;
  return (
    <ul className="taxonomy__list">
      {shown.map((node) => (
        <li key={node.concept.id} className="taxonomy__item">
          <span className="taxonomy__label">
            <ConceptLink id={node.concept.id}>{pickLabel(node.concept.labels, language)}</ConceptLink>
          </span>
          <ConceptMeta concept={node.concept} language={language} scheme={scheme} />
          {node.children.length > 0 ? (
            <ConceptList nodes={node.children} visible={visible} language={language} scheme={scheme} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The other two languages' labels, the notation, the stable id and, for the value chain, organisations. */
function ConceptMeta({
  concept,
  language,
  scheme,
}: {
  concept: TreeConcept;
  language: Language;
  scheme: string;
}) {
  const { t } = useTranslation();
  const others = LANGUAGES.filter((other) => other !== language && concept.labels[other]);
  return (
    <p className="taxonomy__meta">
      {others.map((other) => (
        <span key={other} className="taxonomy__other">
          <abbr title={t(`language.names.${other}`)} className="taxonomy__lang">
            {other}
          </abbr>{' '}
          <span lang={other}>{concept.labels[other]}</span>
        </span>
      ))}
      {concept.notation ? (
        <span className="taxonomy__notation">
          <span className="visually-hidden">{t('taxonomy.concept.notation')}: </span>
          {concept.notation}
        </span>
      ) : null}
      <code className="taxonomy__id">{concept.id}</code>
      {scheme === VALUE_CHAIN ? (
        <Link to={`/organisations?concept=${encodeURIComponent(concept.id)}`} className="taxonomy__link">
          {t('taxonomy.organisationsLink')}
          <span className="visually-hidden">: {pickLabel(concept.labels, language)}</span>
        </Link>
      ) : null}
    </p>
  );
}

/** A big scheme (ESCO): searched and paged on the server. */
function SchemeSearch({ scheme }: { scheme: ConceptScheme }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = readPage(params.get('page'));
  const [search, setSearch] = useState(q);
  const debounced = useDebouncedValue(search, SEARCH_DELAY_MS);
  const searchId = useId();
  const result = useConceptSearch({ scheme: scheme.id, q, lang: locale.language, page, pageSize: PAGE_SIZE });

  // Typing updates the address after a pause, without a history entry per keystroke.
  // biome-ignore lint/correctness/useExhaustiveDependencies: react to the debounced text only
  useEffect(() => {
    if (debounced.trim() === q) return;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (debounced.trim()) next.set('q', debounced.trim());
        else next.delete('q');
        next.delete('page');
        return next;
      },
      { replace: true },
    );
  }, [debounced]);

  const total = result.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const hrefFor = (target: number) => {
    const next = new URLSearchParams(params);
    if (target > 1) next.set('page', String(target));
    else next.delete('page');
    return `?${next.toString()}`;
  };

  return (
    <>
      <div className="filters filters--single">
        <div className="field filters__search">
          <label htmlFor={searchId}>{t('taxonomy.searchLabel')}</label>
          <input
            id={searchId}
            type="search"
            value={search}
            autoComplete="off"
            placeholder={t('taxonomy.searchPlaceholder')}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
      </div>
      <p className="result-count" role="status" aria-live="polite">
        {result.data ? t('taxonomy.count', { count: total, formatted: locale.formatNumber(total) }) : ''}
      </p>
      {result.isPending ? <Loading /> : null}
      {result.isError ? <ErrorMessage error={result.error} /> : null}
      {result.data && total === 0 ? (
        <div className="empty">
          <p className="empty__title">{t('taxonomy.emptyTitle')}</p>
          <p>{t('taxonomy.emptyText')}</p>
        </div>
      ) : null}
      {result.data && total > 0 ? (
        <ul className="concept-results">
          {result.data.items.map((concept) => (
            <li key={concept.id} className="concept-results__item">
              <ConceptLink id={concept.id} className="concept-results__label">
                {pickLabel(concept.labels, locale.language)}
              </ConceptLink>
              <ConceptMeta concept={concept} language={locale.language} scheme={scheme.id} />
            </li>
          ))}
        </ul>
      ) : null}
      <Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} />
    </>
  );
}
