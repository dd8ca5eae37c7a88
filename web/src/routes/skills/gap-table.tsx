// The heatmap's figures as a table: every cell with data, one row each, in the heatmap's order.
import { useTranslation } from 'react-i18next';
import { FiguresTable } from './figures-table.tsx';
import type { HeatGrid } from './gap-grid.ts';
import type { SkillsLabels } from './skills-labels.ts';

export function GapTable({
  grid,
  columnTitle,
  columnLabel,
  labels,
}: {
  grid: HeatGrid;
  columnTitle: string;
  columnLabel: (column: string) => string;
  labels: SkillsLabels;
}) {
  const { t } = useTranslation();
  const cells = grid.cells.flatMap(({ roleId, column, row }) =>
    row ? [{ key: `${roleId}|${column}`, names: [labels.role(roleId), columnLabel(column)], row }] : [],
  );
  return (
    <details className="gap-table">
      <summary>{t('skills.gaps.tableToggle', { count: cells.length })}</summary>
      <FiguresTable
        caption={t('skills.gaps.tableCaption')}
        nameHeaders={[t('skills.gaps.role'), columnTitle]}
        rows={cells}
        labels={labels}
        withEmployers
      />
    </details>
  );
}
