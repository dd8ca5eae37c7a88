import type { ConceptRow, getConceptDetail } from '../../db/queries/concepts.ts';
import { escoUrisIn } from '../../domain/taxonomy/schemes/concept-record.ts';
import type { ConceptDetail, ConceptOut } from './schema.ts';

export function presentConcept(c: ConceptRow): ConceptOut {
  return {
    id: c.id,
    scheme: c.scheme,
    parentId: c.parentId,
    level: c.level,
    labels: c.labels,
    altLabels: c.altLabels,
    notation: c.notation,
    uri: c.uri,
  };
}

type Detail = NonNullable<Awaited<ReturnType<typeof getConceptDetail>>>;

export function presentConceptDetail(detail: Detail, canEdit: boolean): ConceptDetail {
  const { concept } = detail;
  const matched = detail.outgoing
    .filter((r) => r.kind === 'exact-match')
    .flatMap((r) => (r.concept.uri ? [r.concept.uri] : []));
  return {
    ...presentConcept(concept),
    schemeTitle: detail.scheme?.title ?? { fi: concept.scheme, sv: concept.scheme, en: concept.scheme },
    description: concept.description,
    sources: concept.sources,
    updatedAt: concept.updatedAt.toISOString(),
    parent: detail.parent,
    children: detail.children,
    relations: {
      outgoing: detail.outgoing,
      incoming: detail.incoming,
      outgoingTotal: detail.outgoingTotal,
      incomingTotal: detail.incomingTotal,
    },
    // Linked ESCO concepts, and ESCO URIs a job role names before ESCO is imported.
    exactMatch: [...new Set([...matched, ...escoUrisIn(concept.sources)])],
    canEdit,
  };
}
