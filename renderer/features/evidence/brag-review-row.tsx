/**
 * One row of the brag document's review table (renderer/features/evidence/brag-import.tsx):
 * include or not, title (with where its date came from), date and quarter, kind, and the
 * criteria it is linked to; its problems beside the title once a save was refused.
 */
import { EVIDENCE_LIMITS, type EvidenceKind } from '../../../shared/domain';
import { DATE_NOTE_TAG, evidenceDateNotes } from '../../../shared/packets/evidence-dates';
import type { EvidenceWindow } from '../../../shared/packets/coverage';
import type { BragDateSource, BragDuplicate, BragItem } from '../../../shared/packets/brag-doc';
import { DATE_INPUT_RANGE } from '../../../shared/util/dates';
import { CharCount } from '../../components/char-count';
import type { EvidenceProblems } from '../../db/evidence';
import type { CriterionGroup, NamedCriterion } from './criteria';
import { quarterText } from '../../components/dates';
import { KIND_LABELS, KINDS } from './labels';
import { inOrderOf } from '../../../shared/domain/framework';

/** A parsed bullet as the manager reviews it: whether to add it, and the criteria it is linked to. */
export interface ReviewRow extends BragItem {
  key: number;
  include: boolean;
  criterionIds: string[];
  /** Why it started left out: it repeats an earlier bullet or evidence on record. */
  duplicate?: BragDuplicate;
}

const DATE_SOURCE_TEXT: Record<BragDateSource, string> = {
  bullet: 'date from the bullet',
  heading: 'date from the heading above',
  default: 'no date found: today',
};

export function CriteriaOptions({ groups, exclude }: { groups: CriterionGroup[]; exclude?: ReadonlySet<string> }) {
  return (
    <>
      {groups.map((g) => (
        <optgroup key={g.role} label={g.label}>
          {g.criteria
            .filter((c) => !exclude?.has(c.id))
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.code} {c.text.length > 70 ? `${c.text.slice(0, 69)}…` : c.text}
              </option>
            ))}
        </optgroup>
      ))}
    </>
  );
}

interface RowProps {
  /** The form's id, for the row's field ids. */
  id: string;
  row: ReviewRow;
  /** Its place in the table, from 1. */
  n: number;
  problems: EvidenceProblems | undefined;
  groups: CriterionGroup[];
  criteria: Map<string, NamedCriterion>;
  /** The cycle's evidence window and today: a row dated outside it or later says so (evidenceDateNotes). */
  window: EvidenceWindow | null;
  today: string;
  updateRow: (key: number, patch: Partial<ReviewRow>) => void;
}

export function BragReviewRow({ id, row: r, n, problems, groups, criteria, window, today, updateRow }: RowProps) {
  const problemText = problems ? Object.values(problems).filter(Boolean).join(' ') : '';
  const linked = new Set(r.criterionIds);
  return (
        <tr key={r.key} className={r.include ? undefined : 'brag-row-excluded'}>
          <td>
            <input type="checkbox" checked={r.include} onChange={(e) => updateRow(r.key, { include: e.target.checked })} aria-label={`Add item ${n}`} />
          </td>
          <td className="brag-title-cell">
            {/* A title wraps to show all of itself in a narrow column (1024 px wide it is about 150 px), but stays one line of text: Enter adds no line break, and a pasted one becomes a space. */}
            <textarea
              rows={1}
              className="brag-title"
              id={`${id}-title-${r.key}`}
              value={r.title}
              onChange={(e) => updateRow(r.key, { title: e.target.value.replace(/\s*[\r\n]+\s*/g, ' ') })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') e.preventDefault();
              }}
              aria-label={`Title of item ${n}`}
              aria-invalid={problems ? true : undefined}
              aria-describedby={problems ? `${id}-problem-${r.key}` : `${id}-meta-${r.key}`}
            />
            <CharCount length={r.title.trim().length} max={EVIDENCE_LIMITS.title} />
            <span className="field-hint" id={`${id}-meta-${r.key}`}>
              Line {r.line} · {DATE_SOURCE_TEXT[r.dateSource]}
              {r.links.length > 0 ? ` · ${r.links.length === 1 ? '1 link' : `${r.links.length} links`}` : ''}
              {r.description ? ' · has details' : ''}
            </span>
            {r.duplicate ? (
              <span className="field-hint brag-duplicate">
                {r.duplicate.of === 'recorded' ? 'Already on record with this title and date' : `Same title and date as line ${r.duplicate.line}`}
                {r.include ? '' : ': left out unless you tick it'}
              </span>
            ) : null}
            {problems ? (
              <span className="field-error" id={`${id}-problem-${r.key}`}>
                {problemText}
              </span>
            ) : null}
          </td>
          <td className="brag-date-cell">
            <input type="date" {...DATE_INPUT_RANGE} value={r.date} onChange={(e) => updateRow(r.key, { date: e.target.value })} aria-label={`Date of item ${n}`} />
            <span className="quarter-badge">{quarterText(r.date) || '—'}</span>
            {evidenceDateNotes(r.date, window, today).map((note) => (
              <span key={note} className="field-hint evidence-outside">
                {DATE_NOTE_TAG[note]}
              </span>
            ))}
          </td>
          <td>
            <select value={r.kind} onChange={(e) => updateRow(r.key, { kind: e.target.value as EvidenceKind })} aria-label={`Kind of item ${n}`}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </td>
          <td className="brag-criteria-cell">
            {r.criterionIds.length > 0 ? (
              <ul className="criterion-chips">
                {inOrderOf(criteria, r.criterionIds).map((cid) => {
                  const named = criteria.get(cid);
                  return (
                    <li key={cid} title={named?.text}>
                      <span className="criterion-code">{named?.code ?? '?'}</span>
                      <button
                        type="button"
                        className="chip-remove"
                        onClick={() => updateRow(r.key, { criterionIds: r.criterionIds.filter((x) => x !== cid) })}
                        aria-label={`Remove ${named?.code ?? 'criterion'} from item ${n}`}
                      >
                        ×
                      </button>
                    </li>
                  );
                })}
              </ul>
            ) : null}
            <select
              value=""
              onChange={(e) => e.target.value && updateRow(r.key, { criterionIds: [...r.criterionIds, e.target.value] })}
              aria-label={`Link item ${n} to a criterion`}
            >
              <option value="">Add a criterion…</option>
              <CriteriaOptions groups={groups} exclude={linked} />
            </select>
          </td>
        </tr>
  );
}
