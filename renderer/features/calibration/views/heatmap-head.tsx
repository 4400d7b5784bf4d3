/** The heatmap grid's header row: a sort button per column (name, readiness, each criterion), aria-sort on the active one. */
import type { HeatmapSort, SortDirection } from '../../../../shared/calibration/heatmap';
import { READINESS_RULE } from '../../../../shared/rules/readiness';
import { ariaSort, sortKey, type GridColumn } from './heatmap-cells';

function SortGlyph({ active, direction }: { active: boolean; direction: SortDirection }) {
  return (
    <span className="cv-sort-glyph" aria-hidden="true">
      {active ? (direction === 'asc' ? '▲' : '▼') : '↕'}
    </span>
  );
}

export function HeaderRow({
  columns,
  sort,
  direction,
  onSort,
  tabCol,
  onFocusCell,
}: {
  columns: readonly GridColumn[];
  sort: HeatmapSort;
  direction: SortDirection;
  onSort(sort: HeatmapSort): void;
  /** The column holding the tab stop in the header row, or -1. */
  tabCol: number;
  onFocusCell(row: number, col: number): void;
}) {
  const key = sortKey(sort);
  const tab = (col: number) => (tabCol === col ? 0 : -1);
  return (
    <div role="row" aria-rowindex={1} className="cv-hm-row cv-hm-headrow">
      <div role="columnheader" aria-colindex={1} aria-sort={ariaSort(key === 'name', direction)} className="cv-hm-cell cv-hm-name" data-cell="0:0">
        <button type="button" className="cv-hm-sort" tabIndex={tab(0)} onFocus={() => onFocusCell(0, 0)} onClick={() => onSort({ by: 'name' })}>
          Candidate <SortGlyph active={key === 'name'} direction={direction} />
        </button>
      </div>
      <div role="columnheader" aria-colindex={2} aria-sort={ariaSort(key === 'readiness', direction)} className="cv-hm-cell cv-hm-ready" data-cell="0:1">
        <button type="button" className="cv-hm-sort" tabIndex={tab(1)} title={READINESS_RULE} onFocus={() => onFocusCell(0, 1)} onClick={() => onSort({ by: 'readiness' })}>
          Readiness <SortGlyph active={key === 'readiness'} direction={direction} />
        </button>
      </div>
      {columns.map((c, i) => {
        const on = key === `c:${c.criterionId}`;
        return (
          <div key={c.criterionId} role="columnheader" aria-colindex={i + 3} aria-sort={ariaSort(on, direction)} className="cv-hm-cell cv-hm-crit" data-cell={`0:${i + 2}`}>
            <button
              type="button"
              className="cv-hm-sort"
              tabIndex={tab(i + 2)}
              title={`${c.code}: ${c.text}`}
              aria-label={`${c.code}: ${c.text}`}
              onFocus={() => onFocusCell(0, i + 2)}
              onClick={() => onSort({ by: 'criterion', criterionId: c.criterionId })}
            >
              <span className="cv-hm-code">
                {c.code} <SortGlyph active={on} direction={direction} />
              </span>
              <span className="cv-hm-crit-text" aria-hidden="true">
                {c.text}
              </span>
            </button>
          </div>
        );
      })}
    </div>
  );
}
