// A table that may scroll sideways on a narrow screen: a named region that takes the keyboard
// focus, so keyboard users can scroll it too (WCAG 2.1.1).
import type { ReactNode } from 'react';

export function TableScroll({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard
    <section className={className ? `table-wrap ${className}` : 'table-wrap'} aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
