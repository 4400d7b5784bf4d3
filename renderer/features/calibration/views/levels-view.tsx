/**
 * Levels: how many of the session's candidates hold each level before and
 * after the committee's decisions, track by track. A table (the accessible
 * form, and the one to read numbers from) and a grouped bar chart per track
 * (Okabe-Ito: blue before, vermillion after), loaded lazily.
 */
import { useId, useMemo } from 'react';
import { latestDecisions } from '../../../../shared/calibration/common';
import { levelDistribution, type LevelPoint } from '../../../../shared/calibration/levels';
import type { BlindNames } from '../../../../shared/calibration/pseudonyms';
import { EmptyState } from '../../../components/empty-state';
import { useDisplayNames, useSessionData, type SessionData } from '../use-session-data';
import { ChartFigure, LevelsChart } from './chart-figure';
import { signedCount } from './format';
import { OKABE_ITO } from './palette';
import { SessionGate } from './session-gate';
import './views.css';

export function LevelsView({ sessionId }: { sessionId: string }) {
  const data = useSessionData(sessionId);
  const names = useDisplayNames(data);
  if (!data) return <SessionGate data={data} what="the level distribution" />;
  return <Levels data={data} names={names} />;
}

const LEGEND = [
  { label: 'Before the decisions', color: OKABE_ITO.blue },
  { label: 'After the decisions', color: OKABE_ITO.vermillion },
];

function Levels({ data, names }: { data: SessionData; names: BlindNames }) {
  const headingId = useId();
  const distribution = useMemo(() => levelDistribution({ framework: data.framework, candidates: data.candidates, decisions: data.decisions }), [data]);
  const tracks = useMemo(() => {
    const out: { trackId: string; track: string; points: LevelPoint[] }[] = [];
    for (const p of distribution.series) {
      let t = out.find((x) => x.trackId === p.trackId);
      if (!t) out.push((t = { trackId: p.trackId, track: p.track, points: [] }));
      t.points.push(p);
    }
    return out;
  }, [distribution]);
  const titleOf = useMemo(() => new Map(data.framework.levels.map((l) => [l.id, l.title])), [data.framework]);
  const candidates = data.candidates.filter((c) => !c.archived).length;
  const decided = latestDecisions(data.decisions).size;

  if (candidates === 0) {
    return (
      <EmptyState title="No candidates in this session">
        <p>This view counts the session’s candidates at each level before and after the committee’s decisions. Add candidates to the session to see it.</p>
      </EmptyState>
    );
  }
  // Tracks where nobody is, before or after, add nothing to the charts; the table keeps every level.
  const charted = tracks.filter((t) => t.points.some((p) => p.before > 0 || p.after > 0));

  return (
    <section className="cv-view cv-levels" aria-labelledby={headingId}>
      <h2 id={headingId}>Levels before and after the decisions</h2>
      <p className="cv-lede">
        {decided} of {candidates} candidates decided; {distribution.moved} {distribution.moved === 1 ? 'changes' : 'change'} level.
      </p>
      <div className="cv-rules">
        <h3>How this is counted</h3>
        <p>{distribution.rule}</p>
        {distribution.outsideFramework.before + distribution.outsideFramework.after > 0 ? (
          <p>
            At a level this framework version does not have: {distribution.outsideFramework.before} before, {distribution.outsideFramework.after} after (not in the
            table).
          </p>
        ) : null}
        {distribution.unresolved.length > 0 ? (
          <p>Promoted without a level, so counted where they were: {distribution.unresolved.map((id) => names.candidate(id)).join(', ')}.</p>
        ) : null}
      </div>
      <div className="cv-table-wrap">
        <table className="data-table cv-table">
          <caption>Candidates per level, before and after the decisions</caption>
          <thead>
            <tr>
              <th scope="col">Track</th>
              <th scope="col">Level</th>
              <th scope="col" className="num">
                Before
              </th>
              <th scope="col" className="num">
                After
              </th>
              <th scope="col" className="num">
                Change
              </th>
            </tr>
          </thead>
          {tracks.map((t) => (
            <tbody key={t.trackId}>
              {t.points.map((p, i) => (
                <tr key={p.levelId}>
                  {i === 0 ? (
                    <th scope="rowgroup" rowSpan={t.points.length}>
                      {t.track}
                    </th>
                  ) : null}
                  <th scope="row">
                    {p.code} <span className="muted">{titleOf.get(p.levelId) ?? ''}</span>
                  </th>
                  <td className="num">{p.before}</td>
                  <td className="num">{p.after}</td>
                  <td className="num">{signedCount(p.after - p.before)}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      <div className="cv-chart-row">
        {charted.map((t) => (
          <ChartFigure
            key={t.trackId}
            caption={`${t.track}: candidates per level`}
            summary={`Grouped bar chart, before and after, per level of the ${t.track} track: ${t.points.map((p) => `${p.code} ${p.before} before, ${p.after} after`).join('; ')}.`}
            legend={LEGEND}
          >
            <LevelsChart data={t.points.map((p) => ({ code: p.code, before: p.before, after: p.after }))} />
          </ChartFigure>
        ))}
      </div>
    </section>
  );
}
