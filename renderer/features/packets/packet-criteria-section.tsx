/**
 * The criteria section of the builder: the table of the target level's
 * criteria, or why there is none (no target level, a level without
 * criteria), and a pointer to the evidence log when nothing is logged.
 */
import { useMemo } from 'react';
import type { Framework } from '../../../shared/domain/framework';
import type { AssessmentRating, Packet } from '../../../shared/domain/packet';
import { gapSummary, type CriterionCoverage, type EvidenceWindow } from '../../../shared/packets/coverage';
import { hrefFor } from '../../app/routes';
import { levelLabel } from '../../db/use-cycle-context';
import { CriteriaTable } from './packet-criteria';

interface Props {
  viewed: Packet;
  framework: Framework;
  levelById: Map<string, Framework['levels'][number]>;
  coverage: readonly CriterionCoverage[];
  window: EvidenceWindow;
  readOnly: boolean;
  candidateHref: string;
  /** The candidate's name when the revision shows no evidence at all; null otherwise. */
  noEvidence: string | null;
  onRate: (criterionId: string, rating: AssessmentRating | null) => Promise<unknown>;
  onNote: (criterionId: string, note: string) => Promise<unknown>;
}

export function CriteriaSection({ viewed, framework, levelById, coverage, window, readOnly, candidateHref, noEvidence, onRate, onNote }: Props) {
  const competencyNames = useMemo(() => new Map(framework.competencies.map((c) => [c.id, c.name])), [framework]);
  const notes = useMemo(() => Object.fromEntries(Object.entries(viewed.assessments).map(([id, a]) => [id, a.note])), [viewed.assessments]);
  const targetLevel = viewed.targetLevelId ? levelById.get(viewed.targetLevelId) : undefined;
  const levelName = levelLabel(levelById, viewed.targetLevelId);
  return (
    <section className="packet-section" aria-labelledby="packet-criteria-heading">
      <h2 id="packet-criteria-heading">
        Criteria of {levelName}
        {coverage.length > 0 ? <span className="packet-heading-note"> · {gapSummary(coverage)}</span> : null}
      </h2>
      {!targetLevel ? (
        <div className="packet-notice packet-notice-blocker">
          <p>
            <strong>✕ No target level.</strong>{' '}
            {viewed.targetLevelId === null
              ? 'The packet does not name the level the candidate is being considered for, so there are no criteria to assess and nothing to compare against.'
              : `The target level “${viewed.targetLevelId}” is not in ${framework.name} (version ${framework.version}), the framework this cycle is judged against.`}{' '}
            This blocks submission.
          </p>
          <a href={candidateHref}>Set the target level on the candidate page</a>
        </div>
      ) : coverage.length === 0 ? (
        <div className="packet-notice">
          <p>
            {levelName} has no criteria in {framework.name} (version {framework.version}), so there is nothing to assess and readiness cannot be computed. The
            version is pinned by the cycle; criteria are added in a new framework version.
          </p>
          <a href={hrefFor('frameworks', framework.id)}>Open the framework</a>
        </div>
      ) : (
        <CriteriaTable
          key={viewed.id}
          packetId={viewed.id}
          levelName={levelName}
          coverage={coverage}
          notes={notes}
          competencyNames={competencyNames}
          window={window}
          readOnly={readOnly}
          candidateHref={candidateHref}
          onRate={onRate}
          onNote={onNote}
        />
      )}
      {noEvidence !== null ? (
        readOnly ? (
          <p className="packet-none">This revision cites no evidence.</p>
        ) : (
          <p className="packet-none">
            No evidence is logged for {noEvidence} yet. <a href={candidateHref}>Log evidence on the candidate page</a>
          </p>
        )
      ) : null}
    </section>
  );
}
