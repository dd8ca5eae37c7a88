/**
 * A concept scheme as SKOS in JSON-LD. Pure: the caller passes the scheme, its concepts with
 * their relations, and the base URL of this Kenno.
 *
 * Identifiers (`@id`): a concept's published URI when it has one (ESCO concepts keep their
 * http://data.europa.eu/esco/… URI); otherwise `<base>/api/concepts/<id>`, which answers the
 * concept as JSON. A scheme without a URI is `<base>/api/concept-schemes/<id>/skos`, this
 * document. `<base>` is the address the request came to (protocol and host, honouring
 * X-Forwarded-* behind a trusted proxy), so the ids are stable for one deployment and
 * resolvable where the export was fetched.
 */
import { LANGUAGES, type Localized, type LocalizedList } from '../i18n/localized.ts';

export const SKOS_CONTEXT = {
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dct: 'http://purl.org/dc/terms/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

export type SkosConceptInput = {
  id: string;
  parentId: string | null;
  labels: Localized;
  altLabels: LocalizedList;
  description: Localized;
  notation: string | null;
  uri: string | null;
  /** Further broader concepts (ids) beyond the parent. */
  broaderIds: string[];
  /** Related concepts (ids), possibly in other schemes. */
  relatedIds: string[];
  /** Published URIs of the same concept (ESCO occupation URIs of a job role). */
  exactMatchUris: string[];
};

export type SkosSchemeInput = {
  id: string;
  title: Localized;
  description: Localized;
  uri: string | null;
};

export type LangString = { '@value': string; '@language': string };
export type IdRef = { '@id': string };

export type SkosConceptNode = {
  '@id': string;
  '@type': 'skos:Concept';
  'skos:inScheme': IdRef;
  'skos:prefLabel': LangString[];
  'skos:altLabel'?: LangString[];
  'skos:notation'?: string;
  'skos:broader'?: IdRef[];
  'skos:narrower'?: IdRef[];
  'skos:topConceptOf'?: IdRef;
  'skos:related'?: IdRef[];
  'skos:exactMatch'?: IdRef[];
  'dct:description'?: LangString[];
  'dct:identifier': string;
};

export type SkosSchemeNode = {
  '@id': string;
  '@type': 'skos:ConceptScheme';
  'dct:title': LangString[];
  'dct:description'?: LangString[];
  'dct:identifier': string;
  'skos:hasTopConcept': IdRef[];
};

export type SkosDocument = {
  '@context': typeof SKOS_CONTEXT;
  '@graph': [SkosSchemeNode, ...SkosConceptNode[]];
};

function langStrings(values: Localized): LangString[] {
  return LANGUAGES.filter((lang) => values[lang].trim()).map((lang) => ({
    '@value': values[lang],
    '@language': lang,
  }));
}

function langLists(values: LocalizedList): LangString[] {
  return LANGUAGES.flatMap((lang) => values[lang].map((value) => ({ '@value': value, '@language': lang })));
}

function refs(ids: Iterable<string>): IdRef[] {
  return [...new Set(ids)].map((id) => ({ '@id': id }));
}

export function conceptIri(baseUrl: string, concept: { id: string; uri: string | null }): string {
  return concept.uri ?? `${baseUrl.replace(/\/+$/, '')}/api/concepts/${encodeURIComponent(concept.id)}`;
}

export function schemeIri(baseUrl: string, scheme: { id: string; uri: string | null }): string {
  return (
    scheme.uri ?? `${baseUrl.replace(/\/+$/, '')}/api/concept-schemes/${encodeURIComponent(scheme.id)}/skos`
  );
}

/**
 * Builds the JSON-LD document. `iriOf` resolves ids outside this scheme (a related value-chain
 * concept) to their `@id`; ids it does not know are left out rather than invented.
 */
export function buildSkosDocument(input: {
  scheme: SkosSchemeInput;
  concepts: readonly SkosConceptInput[];
  baseUrl: string;
  iriOf?: (id: string) => string | undefined;
}): SkosDocument {
  const { scheme, concepts, baseUrl } = input;
  const schemeId = schemeIri(baseUrl, scheme);
  const own = new Map(concepts.map((c) => [c.id, conceptIri(baseUrl, c)]));
  const iri = (id: string) => own.get(id) ?? input.iriOf?.(id);
  const narrower = new Map<string, string[]>();
  for (const c of concepts) {
    if (c.parentId && own.has(c.parentId)) {
      const list = narrower.get(c.parentId) ?? [];
      list.push(own.get(c.id)!);
      narrower.set(c.parentId, list);
    }
  }
  const nodes: SkosConceptNode[] = concepts.map((c) => {
    const node: SkosConceptNode = {
      '@id': own.get(c.id)!,
      '@type': 'skos:Concept',
      'skos:inScheme': { '@id': schemeId },
      'skos:prefLabel': langStrings(c.labels),
      'dct:identifier': c.id,
    };
    const alt = langLists(c.altLabels);
    if (alt.length) node['skos:altLabel'] = alt;
    if (c.notation) node['skos:notation'] = c.notation;
    const broader = [c.parentId, ...c.broaderIds].flatMap((id) => {
      const target = id ? iri(id) : undefined;
      return target ? [target] : [];
    });
    if (broader.length) node['skos:broader'] = refs(broader);
    else node['skos:topConceptOf'] = { '@id': schemeId };
    const children = narrower.get(c.id);
    if (children?.length) node['skos:narrower'] = refs(children);
    const related = c.relatedIds.flatMap((id) => {
      const target = iri(id);
      return target ? [target] : [];
    });
    if (related.length) node['skos:related'] = refs(related);
    if (c.exactMatchUris.length) node['skos:exactMatch'] = refs(c.exactMatchUris);
    const description = langStrings(c.description);
    if (description.length) node['dct:description'] = description;
    return node;
  });
  const schemeNode: SkosSchemeNode = {
    '@id': schemeId,
    '@type': 'skos:ConceptScheme',
    'dct:title': langStrings(scheme.title),
    'dct:identifier': scheme.id,
    'skos:hasTopConcept': nodes.filter((n) => n['skos:topConceptOf']).map((n) => ({ '@id': n['@id'] })),
  };
  const description = langStrings(scheme.description);
  if (description.length) schemeNode['dct:description'] = description;
  return { '@context': SKOS_CONTEXT, '@graph': [schemeNode, ...nodes] };
}
