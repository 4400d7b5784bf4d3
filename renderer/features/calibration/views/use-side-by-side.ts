/**
 * What side by side shows: the picked level's candidates (by display name),
 * the ones picked in the order picked, their evidence (loaded for them only)
 * and sideBySide()'s comparison or the message it refuses the pick with.
 */
import { useMemo, useState } from 'react';
import { compareNames } from '../../../../shared/calibration/common';
import type { BlindNames } from '../../../../shared/calibration/pseudonyms';
import { sideBySide } from '../../../../shared/calibration/side-by-side';
import type { Candidate } from '../../../../shared/domain';
import { useEvidenceOf, type SessionData } from '../use-session-data';
import { usePickedLevel } from './level-picker';
import { quartersIndex } from './rating';

export function useSideBySide(data: SessionData, names: BlindNames) {
  const { levels, levelId, pick } = usePickedLevel(data);
  const [selected, setSelected] = useState<string[]>([]);

  const pool = useMemo(
    () =>
      data.candidates
        .filter((c) => !c.archived && c.targetLevelId === levelId)
        .map((c) => ({ candidate: c, name: names.candidate(c.id) }))
        .sort((a, b) => compareNames(a.name, b.name)),
    [data.candidates, levelId, names],
  );
  const byId = useMemo(() => new Map(pool.map((p) => [p.candidate.id, p.candidate])), [pool]);
  // In the order picked; a pick from another level drops out when the level changes.
  const chosen = useMemo(() => selected.map((id) => byId.get(id)).filter((c): c is Candidate => !!c), [selected, byId]);
  const evidence = useEvidenceOf(data, chosen.map((c) => c.id));
  const quartersOf = useMemo(() => quartersIndex(data.coverage), [data.coverage]);
  const result = useMemo(
    () =>
      sideBySide({
        framework: data.framework,
        candidates: chosen,
        coverage: data.coverage,
        evidenceByCandidate: evidence ?? new Map(),
        window: { from: data.cycle.evidenceFrom, to: data.cycle.evidenceTo },
        displayName: (c) => names.candidate(c.id),
      }),
    [data.framework, data.coverage, data.cycle, chosen, evidence, names],
  );
  const toggle = (id: string, on: boolean) => setSelected((prev) => (on ? [...prev.filter((x) => x !== id), id] : prev.filter((x) => x !== id)));

  return { levels, levelId, pick, pool, chosen, loading: chosen.some((c) => !evidence?.has(c.id)), quartersOf, result, toggle };
}
