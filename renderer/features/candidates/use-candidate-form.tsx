/**
 * The candidate form's state (candidate-form.tsx): the draft, which problems
 * show (all after a first Save; a target that is not a promotion at once),
 * the props that tie each field to its problem, and the save.
 */
import { useId, useState, type FormEvent } from 'react';
import type { Candidate, Cycle, Framework } from '../../../shared/domain';
import { hrefFor, navigateTo } from '../../app/routes';
import { fieldProblems, type FieldProblems } from '../../components/field-problems';
import { CandidateInvalidError, type CandidateProblems } from '../../db/candidates';
import { commands } from '../../db/commands';
import { queries } from '../../db/queries';
import { useUiStore } from '../../state/ui-store';
import { useKeptDraft } from '../../state/kept-draft';
import { ORDER, candidateDraftKey, draftOf, draftProblems, nextLevel, restoreCandidateDraft, toInput, type Draft } from './candidate-draft';
import { groupRowNameField, groupsFromRows } from './group-attributes';
import { couldNot } from '../../../shared/util/error-message';

export type CandidateFields = FieldProblems<keyof Draft>;

/** `manager`: a new candidate's starting manager (ownManagerName). */
export function useCandidateForm(cycle: Cycle, framework: Framework | null, candidate: Candidate | null, manager = '') {
  const formId = useId();
  const announce = useUiStore((s) => s.announce);
  // Kept through a reload or a visit elsewhere until it is saved or cancelled (state/kept-draft.ts).
  const { draft, kept, setDraft, clear } = useKeptDraft<Draft>(candidateDraftKey(cycle.id, candidate), () => draftOf(candidate, manager), restoreCandidateDraft);
  const [targetTouched, setTargetTouched] = useState(candidate !== null || kept);
  const [showErrors, setShowErrors] = useState(false);
  const [refused, setRefused] = useState<CandidateProblems>({});
  const [busy, setBusy] = useState(false);
  // Others already in the cycle with the name being added; a second Add with the same name adds anyway.
  const [namesake, setNamesake] = useState<{ name: string; others: Candidate[] } | null>(null);

  const problems = draftProblems(draft, framework, refused);
  // A target that is not a promotion from the current level is said at once (changing the current level can make it so).
  const shown = (key: keyof Draft) => (showErrors || (key === 'targetLevelId' && draft.targetLevelId && draft.currentLevelId) ? problems[key] : undefined);

  function update<K extends keyof Draft>(key: K, value: Draft[K]) {
    setRefused({});
    setDraft((d) => {
      const next = { ...d, [key]: value };
      // The target follows the current level (one up, same track) until the user picks it.
      if (key === 'currentLevelId' && !targetTouched) next.targetLevelId = nextLevel(framework, String(value)) ?? '';
      return next;
    });
  }
  function chooseTarget(levelId: string) {
    setTargetTouched(true);
    update('targetLevelId', levelId);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const blocking = ORDER.filter((k) => problems[k]);
    if (blocking.length > 0 || problems.groups) {
      setShowErrors(true);
      const first = blocking[0];
      const groupRow = groupsFromRows(draft.groups).problemKey;
      (first ? document.getElementById(`${formId}-${first}`) : ((groupRow === null ? null : groupRowNameField(groupRow)) ?? document.querySelector<HTMLElement>('.group-attributes input')))?.focus();
      return;
    }
    setBusy(true);
    try {
      if (!candidate) {
        const name = draft.name.trim();
        const others = namesake?.name === name ? [] : await queries.namesakes(cycle.id, name);
        if (others.length > 0) {
          setNamesake({ name, others });
          return;
        }
      }
      const saved = await commands.saveCandidate({ ...toInput(draft), id: candidate?.id, cycleId: cycle.id }, new Date().toISOString());
      clear();
      announce(candidate ? `Saved ${saved.name}.` : `Added ${saved.name}. Their draft packet is started; log their evidence below.`);
      navigateTo(hrefFor('candidates', saved.id));
    } catch (error) {
      if (error instanceof CandidateInvalidError) {
        setRefused(error.problems);
        setShowErrors(true);
      } else {
        announce(couldNot('save the candidate', error), 'error');
      }
    } finally {
      setBusy(false);
    }
  }

  const { field, error, shows } = fieldProblems<keyof Draft>(formId, shown);

  // Said while the name is the one it was found for.
  const shownNamesake = namesake && namesake.name === draft.name.trim() ? namesake.others : null;
  return { formId, draft, kept, discard: clear, update, chooseTarget, submit, busy, field, error, shows, namesakes: shownNamesake, groupsProblem: showErrors ? (problems.groups ?? null) : null, groupsProblemKey: showErrors ? groupsFromRows(draft.groups).problemKey : null };
}
