import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { requestRouteFocus } from '../../components/route-focus.ts';
import type { ConceptScheme } from './taxonomy-api.ts';

export const VALUE_CHAIN = 'value-chain';
/** Schemes bigger than this (and ESCO) are searched and paged on the server, not drawn as a tree. */
export const TREE_LIMIT = 1000;

export function isSearchedScheme(scheme: Pick<ConceptScheme, 'id' | 'conceptCount'>): boolean {
  return scheme.id.startsWith('esco-') || scheme.conceptCount > TREE_LIMIT;
}

/** The address of a concept page: the taxonomy page with `?concept=<id>`. */
export function conceptHref(id: string) {
  return { pathname: '/taxonomy', search: `?concept=${encodeURIComponent(id)}` };
}

/** A link to a concept page; in-app navigation moves focus to its heading. */
export function ConceptLink({
  id,
  children,
  className,
}: {
  id: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <Link className={className} to={conceptHref(id)} onClick={() => requestRouteFocus()}>
      {children}
    </Link>
  );
}
