/**
 * Which candidates a new session reviews: target levels by track (with how
 * many eligible candidates each has), narrowed by track, manager and team,
 * drafts in or out, and the resulting review order to check before creating
 * it (pseudonyms only in blind mode). Eligibility and order are the shared
 * rules (shared/rules/session-candidates.ts); the form computes `chosen`.
 */
import type { Dispatch, SetStateAction } from 'react';
import { compareNames } from '../../../../shared/calibration/common';
import type { Candidate, Framework, Packet } from '../../../../shared/domain';
import { levelCodeOf } from '../../../../shared/domain/level-lookup';
import { FilterSelect } from '../../../components/filter-options';
import { hrefFor } from '../../../app/routes';
import { levelsByTrack, plural } from './labels';
import type { FieldProblems } from './session-form-fields';
import type { TakenCandidate } from '../../../../shared/rules/session-candidates';
import { wasSubmitted } from '../../../../shared/rules/current-packet';

/** Reviewed as submitted (a revision reopened since counts, as the session reviews it). */
const isSubmitted = (p: Packet | undefined) => p !== undefined && wasSubmitted(p);

/** Who is left out, and who is on another list too, so a candidate is never decided twice in one cycle without anyone noticing. */
function TakenNote({ taken, chosen }: { taken: ReadonlyMap<string, TakenCandidate>; chosen: readonly Candidate[] }) {
  const counts = (reason: TakenCandidate['reason'], ids: Iterable<string>) => {
    const by = new Map<string, number>();
    for (const id of ids) {
      const t = taken.get(id);
      if (t?.reason === reason) by.set(t.sessionName, (by.get(t.sessionName) ?? 0) + 1);
    }
    return [...by];
  };
  const decided = counts('decided', taken.keys());
  const listed = counts('listed', chosen.map((c) => c.id));
  if (decided.length === 0 && listed.length === 0) return null;
  return (
    <p className="field-hint">
      {decided.length > 0 ? `Not offered: ${decided.map(([s, n]) => `${plural(n, 'candidate')} already decided in ${s}`).join('; ')} (a candidate gets one decision per cycle; one deferred is offered again). ` : ''}
      {listed.length > 0 ? `Also on another list: ${listed.map(([s, n]) => `${plural(n, 'candidate')} of ${s}`).join('; ')}; whichever session decides them first, the other cannot decide them again.` : ''}
    </p>
  );
}

export interface CandidateFilters {
  levelIds: string[];
  trackId: string;
  manager: string;
  team: string;
  includeDrafts: boolean;
}

export const NO_FILTERS: CandidateFilters = { levelIds: [], trackId: '', manager: '', team: '', includeDrafts: false };

/** Whether an eligible candidate passes the chosen levels, track, manager and team (none chosen: all pass). */
export function matchesFilters(c: Candidate, f: CandidateFilters, trackOf: Map<string, string>): boolean {
  if (f.levelIds.length > 0 && !f.levelIds.includes(c.targetLevelId ?? '')) return false;
  if (f.trackId && trackOf.get(c.targetLevelId ?? '') !== f.trackId) return false;
  if (f.manager && c.manager !== f.manager) return false;
  if (f.team && c.team !== f.team) return false;
  return true;
}

/**
 * What to do when no candidate would be reviewed: the cycle has none, none has a submitted packet still to decide,
 * or the levels and filters leave none of those offered. A bare "0 candidates" said nothing of the next step.
 */
function NoneChosen({ inCycle, offered, includeDrafts }: { inCycle: number; offered: number; includeDrafts: boolean }) {
  if (inCycle === 0) {
    return (
      <p className="field-hint">
        This cycle has no candidates yet. Add them in <a href={hrefFor('candidates')}>Candidates</a>, or import the managers’ bundles in <a href={hrefFor('packets')}>Packets</a> (Import bundle…).
      </p>
    );
  }
  if (offered === 0 && includeDrafts) {
    return <p className="field-hint">No candidate of this cycle can be reviewed: each is archived, has no target level, or was decided in a finalized session.</p>;
  }
  if (offered === 0) {
    return (
      <p className="field-hint">
        No candidate of this cycle has a submitted packet still to be decided: a session reviews the case a manager submitted. Managers submit their packets in{' '}
        <a href={hrefFor('packets')}>Packets</a>, or send them as bundles to import there (Import bundle…). To review drafts anyway, tick “Also include candidates whose packet is not submitted yet”.
      </p>
    );
  }
  return <p className="field-hint">None of the {plural(offered, 'candidate')} offered matches these levels and filters: untick a level, or choose any track, manager and team.</p>;
}

interface Props {
  framework: Framework;
  /** How many candidates the cycle has (archived aside), for what to say when none is offered. */
  inCycle: number;
  /** The eligible candidates. */
  pool: Candidate[];
  /** Those the filters keep, in review order. */
  chosen: Candidate[];
  packets: Map<string, Packet>;
  /** Candidates left out: decided in a finalized session, or on another session's list. */
  taken: ReadonlyMap<string, TakenCandidate>;
  filters: CandidateFilters;
  setFilters: Dispatch<SetStateAction<CandidateFilters>>;
  blind: boolean;
  fields: FieldProblems;
}

export function CandidatePicker({ framework, inCycle, pool, chosen, packets, taken, filters, setFilters, blind, fields }: Props) {
  const managers = [...new Set(pool.map((c) => c.manager))].sort(compareNames);
  const teams = [...new Set(pool.map((c) => c.team).filter(Boolean))].sort(compareNames);
  const countByLevel = new Map<string, number>();
  for (const c of pool) countByLevel.set(c.targetLevelId ?? '', (countByLevel.get(c.targetLevelId ?? '') ?? 0) + 1);
  const set = (patch: Partial<CandidateFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const toggleLevel = (levelId: string, on: boolean) => setFilters((f) => ({ ...f, levelIds: on ? [...f.levelIds, levelId] : f.levelIds.filter((id) => id !== levelId) }));

  return (
    <fieldset id={fields.fieldId('candidateIds')} tabIndex={-1} {...fields.fieldset('candidateIds')}>
      <legend>Candidates to review</legend>
      <p className="field-hint">Choose target levels; leave them all unticked to review every level. Narrow by track, manager or team.</p>
      <div className="session-levels">
        {levelsByTrack(framework).map((t) => (
          <fieldset key={t.trackId} className="session-level-group">
            <legend>{t.trackName}</legend>
            {t.levels.map((l) => (
              <label key={l.id} className="checkbox">
                <input type="checkbox" checked={filters.levelIds.includes(l.id)} onChange={(e) => toggleLevel(l.id, e.target.checked)} />
                {l.code} {l.title} <span className="muted">({countByLevel.get(l.id) ?? 0})</span>
              </label>
            ))}
          </fieldset>
        ))}
      </div>
      <div className="session-filters">
        <FilterSelect className="session-filter" label="Track" any="Any track" value={filters.trackId} options={framework.tracks.map((t) => ({ value: t.id, label: t.name }))} onChange={(trackId) => set({ trackId })} />
        <FilterSelect className="session-filter" label="Manager" any="Any manager" value={filters.manager} options={managers.map((m) => ({ value: m, label: m }))} onChange={(manager) => set({ manager })} />
        <FilterSelect className="session-filter" label="Team" any="Any team" value={filters.team} options={teams.map((t) => ({ value: t, label: t }))} onChange={(team) => set({ team })} />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={filters.includeDrafts} onChange={(e) => set({ includeDrafts: e.target.checked })} />
        Also include candidates whose packet is not submitted yet
      </label>
      <p className="session-count" role="status">
        <strong>{plural(chosen.length, 'candidate')}</strong> will be reviewed{filters.includeDrafts ? '' : ' (submitted packets only)'}.
      </p>
      {chosen.length === 0 ? <NoneChosen inCycle={inCycle} offered={pool.length} includeDrafts={filters.includeDrafts} /> : null}
      <TakenNote taken={taken} chosen={chosen} />
      {chosen.length > 0 ? (
        <details className="session-chosen">
          <summary>Show the review order</summary>
          {blind ? <p className="field-hint">Blind session: names are hidden here too; each candidate gets a pseudonym when the session is created.</p> : null}
          <ol>
            {chosen.map((c, i) => (
              <li key={c.id}>
                {blind ? `Candidate ${i + 1}` : c.name} <span className="muted">· {levelCodeOf(framework, c.targetLevelId, '—')}</span>
                {isSubmitted(packets.get(c.id)) ? null : <span className="tag">{packets.get(c.id) ? 'Draft packet' : 'No packet'}</span>}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {fields.error('candidateIds')}
    </fieldset>
  );
}
