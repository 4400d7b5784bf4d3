/**
 * Heatmap: the candidates aiming at one target level against that level's
 * criteria, for a committee to see at a glance where the evidence is thin.
 * The level defaults to the one with the most candidates in the session;
 * rows sort by readiness or by a criterion (click its header) and filter by
 * manager and team. Every name goes through the session's display names, so
 * blind mode hides candidates, managers and teams alike (and the manager and
 * team pickers list pseudonyms in pseudonym order).
 */
import { useId } from 'react';
import type { BlindNames } from '../../../../shared/calibration/pseudonyms';
import { READINESS_RULE } from '../../../../shared/rules/readiness';
import { EmptyState } from '../../../components/empty-state';
import { FilterSelect } from '../../../components/filter-options';
import { useDisplayNames, useSessionData, type SessionData } from '../use-session-data';
import { Explain } from './explain';
import { HeatmapGrid } from './heatmap-grid';
import { Legend } from './heatmap-legend';
import { TargetLevelField } from './level-picker';
import { SessionGate } from './session-gate';
import { useHeatmap } from './use-heatmap';
import './views.css';

export function HeatmapView({ sessionId }: { sessionId: string }) {
  const data = useSessionData(sessionId);
  const names = useDisplayNames(data);
  if (!data) return <SessionGate data={data} what="the heatmap" />;
  return <Heatmap data={data} names={names} />;
}

function Heatmap({ data, names }: { data: SessionData; names: BlindNames }) {
  const headingId = useId();
  const { levels, levelId, pick, heatmap, columns, rows, quartersOf, sort, direction, onSort, sortRule, manager, team } = useHeatmap(data, names);

  if (!heatmap || levelId === null) {
    return (
      <EmptyState title="No candidates to map">
        <p>The heatmap puts the candidates aiming at one level against that level’s criteria. None of this session’s candidates has a target level yet; set one on the candidate, then come back.</p>
      </EmptyState>
    );
  }
  const level = levels.find((l) => l.level.id === levelId);

  return (
    <section className="cv-view cv-heatmap" aria-labelledby={headingId}>
      <h2 id={headingId}>
        Heatmap: candidates against the {level?.level.code ?? ''} criteria
      </h2>
      <div className="cv-toolbar">
        <TargetLevelField levels={levels} levelId={levelId} onPick={pick} />
        <FilterSelect className="cv-field" label="Manager" any="All managers" value={manager.value} options={manager.options} onChange={manager.set} />
        <FilterSelect className="cv-field" label="Team" any="All teams" value={team.value} options={team.options} onChange={team.set} />
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
