/** The brag review's bulk controls: the source of every item, and one criterion to link every included item to. */
import type { EvidenceSource } from '../../../shared/domain';
import { CriteriaOptions } from './brag-review-row';
import type { CriterionGroup } from './criteria';
import { SOURCE_LABELS, SOURCES } from './labels';

interface Props {
  source: EvidenceSource;
  setSource: (source: EvidenceSource) => void;
  bulkCriterion: string;
  setBulkCriterion: (criterionId: string) => void;
  groups: CriterionGroup[];
  linkAll: () => void;
  /** Nothing included to link. */
  noneIncluded: boolean;
}

export function BragBulkBar({ source, setSource, bulkCriterion, setBulkCriterion, groups, linkAll, noneIncluded }: Props) {
  return (
    <div className="brag-bulk">
      <label>
        <span>Source of these items</span>
        <select value={source} onChange={(e) => setSource(e.target.value as EvidenceSource)}>
          {SOURCES.map((s) => (
            <option key={s} value={s}>
              {SOURCE_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Link every included item to</span>
        <select value={bulkCriterion} onChange={(e) => setBulkCriterion(e.target.value)}>
          <option value="">Choose a criterion…</option>
          <CriteriaOptions groups={groups} />
        </select>
      </label>
      <button type="button" className="button button-small" onClick={linkAll} disabled={!bulkCriterion || noneIncluded}>
        Link
      </button>
    </div>
  );
}
