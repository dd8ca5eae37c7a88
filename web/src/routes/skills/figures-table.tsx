// Gap figures as a table: a row per cell, region, horizon or round, named in one or two columns,
// with demand, supply, gap and (optionally) employers; a suppressed figure says so, never 0.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type GapRow, MIN_EMPLOYERS } from './skills-api.ts';
import type { SkillsLabels } from './skills-labels.ts';
import { TableScroll } from './table-scroll.tsx';

type Figures = Pick<GapRow, 'demand' | 'supply' | 'gap' | 'suppressed'> & { employers?: number | null };

interface FiguresTableProps {
  caption: string;
  /** The headers of the columns that name a row (the first is the row header). */
  nameHeaders: string[];
  rows: { key: string; names: ReactNode[]; row: Figures }[];
  labels: SkillsLabels;
  withEmployers?: boolean;
  className?: string;
}

export function FiguresTable({
  caption,
  nameHeaders,
  rows,
  labels,
  withEmployers,
  className,
}: FiguresTableProps) {
  const { t } = useTranslation();
  const hidden = (
    <span className="gap-hidden" title={t('skills.gaps.suppressedText', { min: MIN_EMPLOYERS })}>
      {t('skills.gaps.suppressedShort')}
    </span>
  );
  const figureHeaders = [
    t('skills.gaps.demand'),
    t('skills.gaps.supply'),
    t('skills.gaps.gap'),
    ...(withEmployers ? [t('skills.gaps.employers')] : []),
  ];
  return (
    <TableScroll label={caption} className={className}>
      <table className="table table--compact">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {nameHeaders.map((header) => (
              <th scope="col" key={header}>
                {header}
              </th>
            ))}
            {figureHeaders.map((header) => (
              <th scope="col" className="num" key={header}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, names, row }) => (
            <tr key={key} className={row.suppressed ? 'is-suppressed' : undefined}>
              <th scope="row">{names[0]}</th>
              {names.slice(1).map((name, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the name columns are fixed
                <td key={i}>{name}</td>
              ))}
              <td className="num">
                {row.suppressed || row.demand === null ? hidden : labels.number(row.demand)}
              </td>
              <td className="num">{labels.number(row.supply)}</td>
              <td className="num">{row.suppressed || row.gap === null ? hidden : labels.signed(row.gap)}</td>
              {withEmployers ? (
                <td className="num">{row.suppressed || row.employers == null ? hidden : row.employers}</td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
