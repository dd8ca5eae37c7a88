import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { consumeFocusRequest } from './route-focus.ts';

/** Sets the document title from `title`. */
export function useDocumentTitle(title: string | undefined): void {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} – ${appName}` : `${appName} – ${t('app.tagline')}`;
  }, [title, appName, t]);
}

interface PageHeadingProps {
  /** Plain text for the document title; also the heading unless children are given. */
  title: string;
  children?: ReactNode;
  lead?: ReactNode;
  eyebrow?: ReactNode;
}

/**
 * The page's h1. After an in-app navigation it takes focus, so a screen reader announces
 * the new page and keyboard users continue from its top.
 */
export function PageHeading({ title, children, lead, eyebrow }: PageHeadingProps) {
  useDocumentTitle(title);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (consumeFocusRequest()) ref.current?.focus();
  }, []);
  return (
    <div className="page-heading">
      {eyebrow ? <p className="page-heading__eyebrow">{eyebrow}</p> : null}
      <h1 ref={ref} tabIndex={-1}>
        {children ?? title}
      </h1>
      {lead ? <p className="page-heading__lead">{lead}</p> : null}
    </div>
  );
}
