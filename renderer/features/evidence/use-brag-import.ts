/**
 * The brag import's state: the pasted text, the rows parsed from it as the
 * manager reviews them, and the save. Nothing is saved before "Add N items";
 * a refused save keeps every row and ties each problem to its row (the
 * first problem's title gets the focus).
 */
import { useState } from 'react';
import type { EvidenceSource } from '../../../shared/domain';
import { bragDuplicates, parseBragDocument, type BragWarning } from '../../../shared/packets/brag-doc';
import { formatDate } from '../../components/dates';
import { EvidenceInvalidError, evidenceProblems, type EvidenceInput, type EvidenceProblems } from '../../db/evidence';
import type { ReviewRow } from './brag-review-row';
import { errorMessage } from '../../../shared/util/error-message';

/** `id` is the panel's useId(): the rows' title fields are `${id}-title-${key}`. */
export function useBragImport({ id, today, recorded, onSave }: { id: string; today: string; recorded: readonly { title: string; date: string }[]; onSave: (inputs: EvidenceInput[]) => Promise<void> }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [rows, setRows] = useState<ReviewRow[] | null>(null);
  const [warnings, setWarnings] = useState<BragWarning[]>([]);
  const [source, setSource] = useState<EvidenceSource>('self');
  const [bulkCriterion, setBulkCriterion] = useState('');
  const [rowProblems, setRowProblems] = useState<Map<number, EvidenceProblems>>(new Map());
  const [busy, setBusy] = useState(false);

  function parse() {
    const result = parseBragDocument(text, { defaultDate: today, showDate: formatDate });
    setRowProblems(new Map());
    if (!result.ok) {
      setError(result.error);
      setRows(null);
      setWarnings([]);
      return;
    }
    setError(result.items.length === 0 ? 'No bullets found. Each item of a brag document starts a line with "-", "*" or "1."' : null);
    setWarnings(result.warnings);
    // A bullet repeating an earlier one, or evidence already on record, starts left out (bragDuplicates).
    const duplicates = bragDuplicates(result.items, recorded);
    setRows(
      result.items.length === 0
        ? null
        : result.items.map((item, i) => {
            const duplicate = duplicates.get(i);
            return { ...item, key: i, include: duplicate === undefined, criterionIds: [], ...(duplicate ? { duplicate } : {}) };
          }),
    );
  }

  function updateRow(key: number, patch: Partial<ReviewRow>) {
    setRows((all) => all?.map((r) => (r.key === key ? { ...r, ...patch } : r)) ?? null);
    if (rowProblems.has(key)) {
      setRowProblems((m) => {
        const next = new Map(m);
        next.delete(key);
        return next;
      });
    }
  }

  const included = rows?.filter((r) => r.include) ?? [];

  function linkAll() {
    if (!bulkCriterion) return;
    setRows((all) => all?.map((r) => (r.include && !r.criterionIds.includes(bulkCriterion) ? { ...r, criterionIds: [...r.criterionIds, bulkCriterion] } : r)) ?? null);
  }

  function toInput(r: ReviewRow): EvidenceInput {
    return { title: r.title, description: r.description, date: r.date, kind: r.kind, source, links: r.links, criterionIds: r.criterionIds };
  }

  async function save() {
    if (busy || included.length === 0) return;
    const problems = new Map<number, EvidenceProblems>();
    for (const r of included) {
      const p = evidenceProblems(toInput(r));
      if (Object.keys(p).length > 0) problems.set(r.key, p);
    }
    setRowProblems(problems);
    if (problems.size > 0) {
      document.getElementById(`${id}-title-${[...problems.keys()][0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await onSave(included.map(toInput));
    } catch (e) {
      if (e instanceof EvidenceInvalidError) {
        setRowProblems(new Map([...e.itemProblems].map(([index, p]) => [included[index]?.key ?? -1, p])));
      } else {
        setError(`Nothing was added: ${errorMessage(e)}`);
      }
    } finally {
      setBusy(false);
    }
  }

  return { text, setText, error, rows, warnings, source, setSource, bulkCriterion, setBulkCriterion, rowProblems, busy, included, parse, updateRow, linkAll, save };
}
