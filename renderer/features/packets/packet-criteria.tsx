/**
 * The criteria of the target level, one row each (criterion-row.tsx): the
 * criterion, the evidence linked to it, whether it is sustained, why it is a
 * gap, whether it counts toward readiness, and the manager's assessment.
 */
import type { CriterionCoverage, EvidenceWindow } from '../../../shared/packets/coverage';
import { CriterionRow, type RowProps } from './criterion-row';

export interface CriteriaTableProps {
  packetId: string;
  levelName: string;
  coverage: readonly CriterionCoverage[];
  competencyNames: ReadonlyMap<string, string>;
  window: EvidenceWindow;
  readOnly: boolean;
  candidateHref: string;
  onRate: RowProps['onRate'];
  onNote: RowProps['onNote'];
  /** The notes beside the assessments, by criterion id. */
  notes: Readonly<Record<string, string>>;
}

export function CriteriaTable({ packetId, levelName, coverage, notes, competencyNames, window, readOnly, candidateHref, onRate, onNote }: CriteriaTableProps) {
  return (
    <table className="data-table packet-criteria">
      <caption className="visually-hidden">Criteria of {levelName}: evidence, coverage and the manager’s assessment</caption>
      <thead>
        <tr>
          <th scope="col" className="packet-col-criterion">
            Criterion
          </th>
          <th scope="col" className="packet-col-evidence">
            Linked evidence
          </th>
          <th scope="col" className="packet-col-coverage">
            Sustained and gaps
          </th>
          <th scope="col" className="packet-col-assessment">
            Assessment
          </th>
        </tr>
      </thead>
      <tbody>
        {coverage.map((c, i) => (
          <CriterionRow
            key={c.criterion.id}
            number={i + 1}
            coverage={c}
            note={notes[c.criterion.id] ?? ''}
            competency={c.criterion.competencyId ? competencyNames.get(c.criterion.competencyId) : undefined}
            window={window}
            packetId={packetId}
            readOnly={readOnly}
            candidateHref={candidateHref}
            onRate={onRate}
            onNote={onNote}
          />
        ))}
      </tbody>
    </table>
  );
}

