import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Concept } from '../../api.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { ErrorMessage, Loading } from '../../components/status.tsx';
import { LANGUAGES, type Language } from '../../i18n/setup.ts';
import { pickLabel, useLocale } from '../../locale.ts';
import { useConcepts } from '../../queries.ts';

interface TreeNode {
  concept: Concept;
  children: TreeNode[];
}

/** Builds the tree in the order the taxonomy lists concepts (the value chain's own order). */
export function buildTree(concepts: Concept[]): TreeNode[] {
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

/** Ids of concepts that match, plus their ancestors so the match is shown in place. */
export function matchingIds(concepts: Concept[], filter: string): Set<string> | null {
  const needle = normalise(filter.trim());
  if (!needle) return null;
  const byId = new Map(concepts.map((concept) => [concept.id, concept]));
  const keep = new Set<string>();
  for (const concept of concepts) {
    const haystack = [concept.id, ...LANGUAGES.map((language) => concept.labels[language] ?? '')];
    if (!haystack.some((text) => normalise(text).includes(needle))) continue;
    let current: Concept | undefined = concept;
    while (current && !keep.has(current.id)) {
      keep.add(current.id);
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
  }
  return keep;
}

export function TaxonomyPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const concepts = useConcepts();
  const [filter, setFilter] = useState('');
  const filterId = useId();

  const tree = useMemo(() => buildTree(concepts.data ?? []), [concepts.data]);
  const visible = useMemo(() => matchingIds(concepts.data ?? [], filter), [concepts.data, filter]);
  const total = concepts.data?.length ?? 0;

  return (
    <>
      <PageHeading
        title={t('taxonomy.title')}
        eyebrow={t('modules.taxonomy.title')}
        lead={t('taxonomy.lead')}
      />

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
        {concepts.data
          ? visible
            ? t('taxonomy.countFiltered', {
                count: [...visible].length,
                formatted: locale.formatNumber([...visible].length),
                total: locale.formatNumber(total),
              })
            : t('taxonomy.count', { count: total, formatted: locale.formatNumber(total) })
          : ''}
      </p>

      {concepts.isPending ? <Loading /> : null}
      {concepts.isError ? <ErrorMessage error={concepts.error} /> : null}
      {concepts.data && visible && visible.size === 0 ? (
        <div className="empty">
          <p className="empty__title">{t('taxonomy.emptyTitle')}</p>
          <p>{t('taxonomy.emptyText')}</p>
        </div>
      ) : null}

      <ol className="taxonomy">
        {tree
          .filter((node) => !visible || visible.has(node.concept.id))
          .map((node, index) => (
            <li key={node.concept.id} className="taxonomy__stage card">
              <h2 className="taxonomy__stage-title">
                <span className="taxonomy__number" aria-hidden="true">
                  {index + 1}
                </span>
                <ConceptLabel concept={node.concept} language={locale.language} />
              </h2>
              <ConceptMeta concept={node.concept} language={locale.language} />
              {node.children.length > 0 ? (
                <ConceptList nodes={node.children} visible={visible} language={locale.language} />
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
}: {
  nodes: TreeNode[];
  visible: Set<string> | null;
  language: Language;
}) {
  const shown = nodes.filter((node) => !visible || visible.has(node.concept.id));
  if (shown.length === 0) return null;
  return (
    <ul className="taxonomy__list">
      {shown.map((node) => (
        <li key={node.concept.id} className="taxonomy__item">
          <span className="taxonomy__label">
            <ConceptLabel concept={node.concept} language={language} />
          </span>
          <ConceptMeta concept={node.concept} language={language} />
          {node.children.length > 0 ? (
            <ConceptList nodes={node.children} visible={visible} language={language} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function ConceptLabel({ concept, language }: { concept: Concept; language: Language }) {
  return <>{pickLabel(concept.labels, language)}</>;
}

/** The other two languages' labels, the stable id and a link to organisations with this competence. */
function ConceptMeta({ concept, language }: { concept: Concept; language: Language }) {
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
      <code className="taxonomy__id">{concept.id}</code>
      <Link to={`/organisations?concept=${encodeURIComponent(concept.id)}`} className="taxonomy__link">
        {t('taxonomy.organisationsLink')}
        <span className="visually-hidden">: {pickLabel(concept.labels, language)}</span>
      </Link>
    </p>
  );
}
