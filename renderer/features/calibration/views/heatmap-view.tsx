/**
 * Heatmap: the candidates aiming at one target level against that level's
 * criteria, for a committee to see at a glance where the evidence is thin.
 * The level defaults to the one with the most candidates in the session;
 * rows sort by readiness or by a criterion (click its header) and filter by
 * manager and team. Every name goes through the session's display names, so
 * blind mode hides candidates, managers and teams alike (and the manager and
 * team pickers list pseudonyms in pseudonym order).
 */
import { useCallback, useId, useMemo, useState } from 'react';
import { compareNames } from '../../../../shared/calibration/common';
import { buildHeatmap, heatmapFacets, heatmapSortRule, heatmapView, type HeatmapSort, type SortDirection } from '../../../../shared/calibration/heatmap';
import type { BlindNames } from '../../../../shared/calibration/pseudonyms';
import { READINESS_RULE } from '../../../../shared/rules/readiness';
import { EmptyState } from '../../../components/empty-state';
import { useDisplayNames, useSessionData, type SessionData } from '../use-session-data';
import { Explain } from './explain';
import { criterionCode } from './format';
import { HeatmapGrid, type GridColumn } from './heatmap-grid';
import { COVERAGE_SCALE } from './palette';
import { RATING_TEXT, quartersIndex } from './rating';
import { SessionGate } from './session-gate';
import { busiestLevel, levelLabel, sessionLevels } from './session-levels';
import './views.css';

export function HeatmapView({ sessionId }: { sessionId: string }) {
  const data = useSessionData(sessionId);
  const names = useDisplayNames(data);
  if (!data) return <SessionGate data={data} what="the heatmap" />;
  return <Heatmap data={data} names={names} />;
}

function sameSort(a: HeatmapSort, b: HeatmapSort): boolean {
  return a.by === b.by && (a.by !== 'criterion' || (b.by === 'criterion' && a.criterionId === b.criterionId));
}

function directionText(sort: HeatmapSort, direction: SortDirection): string {
  if (sort.by === 'name') return direction === 'asc' ? 'A to Z.' : 'Z to A.';
  return direction === 'desc' ? 'Strongest first.' : 'Weakest first.';
}

function options(values: readonly string[], label: (v: string) => string): { value: string; label: string }[] {
  return values.map((value) => ({ value, label: label(value) })).sort((a, b) => compareNames(a.label, b.label));
}

function Heatmap({ data, names }: { data: SessionData; names: BlindNames }) {
  const headingId = useId();
  const levels = useMemo(() => sessionLevels(data.framework, data.candidates), [data.framework, data.candidates]);
  const [picked, setPicked] = useState<string | null>(null);
  const levelId = picked && levels.some((l) => l.level.id === picked) ? picked : busiestLevel(levels);
  const [order, setOrder] = useState<{ sort: HeatmapSort; direction: SortDirection }>({ sort: { by: 'readiness' }, direction: 'desc' });
  const [manager, setManager] = useState('');
  const [team, setTeam] = useState('');

  const heatmap = useMemo(
    () =>
      levelId === null
        ? null
        : buildHeatmap({ framework: data.framework, levelId, candidates: data.candidates, coverage: data.coverage, displayName: (c) => names.candidate(c.id) }),
    [data.framework, data.candidates, data.coverage, levelId, names],
  );
  const quartersOf = useMemo(() => quartersIndex(data.coverage), [data.coverage]);
  const columns = useMemo<GridColumn[]>(() => (heatmap ? heatmap.columns.map((c, i) => ({ criterionId: c.criterionId, code: criterionCode(i), text: c.text })) : []), [heatmap]);
  const facets = useMemo(() => (heatmap ? heatmapFacets(heatmap.rows) : { managers: [], teams: [] }), [heatmap]);
  const managerOptions = useMemo(() => options(facets.managers, names.manager), [facets, names]);
  const teamOptions = useMemo(() => options(facets.teams.filter((t) => t !== ''), names.team), [facets, names]);
  // A filter left over from another level that has no such manager or team keeps nothing out.
  const managerFilter = facets.managers.includes(manager) ? manager : '';
  const teamFilter = facets.teams.includes(team) ? team : '';
  // A sort by a criterion of another level falls back to readiness.
  const { sort, direction } = useMemo(
    () => (order.sort.by === 'criterion' && !heatmap?.columnIndex.has(order.sort.criterionId) ? { sort: { by: 'readiness' } as HeatmapSort, direction: 'desc' as SortDirection } : order),
    [order, heatmap],
  );
  const rows = useMemo(
    () => (heatmap ? heatmapView(heatmap, { sort, direction, filter: { managers: managerFilter ? [managerFilter] : [], teams: teamFilter ? [teamFilter] : [] } }) : []),
    [heatmap, sort, direction, managerFilter, teamFilter],
  );

  const onSort = useCallback((next: HeatmapSort) => {
    setOrder((prev) => (sameSort(prev.sort, next) ? { sort: prev.sort, direction: prev.direction === 'desc' ? 'asc' : 'desc' } : { sort: next, direction: next.by === 'name' ? 'asc' : 'desc' }));
  }, []);

  if (!heatmap || levelId === null) {
    return (
      <EmptyState title="No candidates to map">
        <p>The heatmap puts the candidates aiming at one level against that level’s criteria. None of this session’s candidates has a target level yet; set one on the candidate, then come back.</p>
      </EmptyState>
    );
  }
  const level = levels.find((l) => l.level.id === levelId);
  const sortedColumn = sort.by === 'criterion' ? columns.find((c) => c.criterionId === sort.criterionId) : undefined;
  const sortRule = `${heatmapSortRule(sort)}${sortedColumn ? ` (${sortedColumn.code})` : ''} ${directionText(sort, direction)}`;

  return (
    <section className="cv-view cv-heatmap" aria-labelledby={headingId}>
      <h2 id={headingId}>
        Heatmap: candidates against the {level?.level.code ?? ''} criteria
      </h2>
      <div className="cv-toolbar">
        <label className="cv-field">
          <span>Target level</span>
          <select value={levelId} onChange={(e) => setPicked(e.target.value)}>
            {levels.map((l) => (
              <option key={l.level.id} value={l.level.id}>
                {l.trackName}: {levelLabel(l)}
              </option>
            ))}
          </select>
        </label>
        <label className="cv-field">
          <span>Manager</span>
          <select value={managerFilter} onChange={(e) => setManager(e.target.value)}>
            <option value="">All managers</option>
            {managerOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label className="cv-field">
          <span>Team</span>
          <select value={teamFilter} onChange={(e) => setTeam(e.target.value)}>
            <option value="">All teams</option>
            {teamOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <p className="cv-count" role="status">
          {rows.length === heatmap.rows.length ? `${rows.length} ${rows.length === 1 ? 'candidate' : 'candidates'}` : `${rows.length} of ${heatmap.rows.length} candidates`}
        </p>
      </div>
      <div className="cv-rule-line">
        <p className="cv-sort-rule" aria-live="polite">
          {sortRule}
        </p>
        <Explain what="readiness and the sort order" rule={READINESS_RULE}>
          <p>Click a criterion’s header (or press Enter on it) to sort by it; again to reverse. Arrow keys move from cell to cell.</p>
        </Explain>
      </div>
      <Legend />
      {rows.length === 0 ? (
        <p className="cv-empty-note">No candidate at this level matches these filters. Choose “All managers” or “All teams” to see them again.</p>
      ) : (
        <HeatmapGrid labelledBy={headingId} columns={columns} rows={rows} sort={sort} direction={direction} onSort={onSort} names={names} quartersOf={quartersOf} />
      )}
      <details className="cv-criteria" open>
        <summary>
          Criteria of {level?.level.code ?? 'this level'} ({columns.length})
        </summary>
        <ol className="cv-criteria-list">
          {columns.map((c) => (
            <li key={c.criterionId}>
              <span className="cv-criteria-code">{c.code}</span> {c.text}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}

function Legend() {
  const steps = [
    { key: 'none', text: `${RATING_TEXT.none.glyph} ${RATING_TEXT.none.long}` },
    { key: 'not-yet', text: `${RATING_TEXT['not-yet'].glyph} ${RATING_TEXT['not-yet'].label}` },
    { key: 'partially', text: `${RATING_TEXT.partially.glyph} ${RATING_TEXT.partially.label}` },
    { key: 'consistently', text: `${RATING_TEXT.consistently.glyph} ${RATING_TEXT.consistently.label}` },
    { key: 'ready', text: `${RATING_TEXT.consistently.glyph} ${RATING_TEXT.consistently.label} and sustained` },
  ] as const;
  return (
    <ul className="cv-legend" aria-label="Legend">
      {steps.map((s) => (
        <li key={s.key}>
          <span className="cv-swatch" style={{ background: COVERAGE_SCALE[s.key] }} aria-hidden="true" />
          {s.text}
        </li>
      ))}
      <li>
        <span className="cv-legend-key">4 ev</span> evidence items linked
      </li>
      <li>
        <span className="cv-legend-key">↻3q</span> sustained, evidence in 3 quarters
      </li>
    </ul>
  );
}
