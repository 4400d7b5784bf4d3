// @vitest-environment jsdom
/**
 * Moving a cycle to another version of its framework: the confirmation says which criteria the new version drops
 * that the cycle's evidence links to, before anything moves (a trial moved a cycle and lost a criterion's evidence
 * without a word: the items then showed "A criterion no longer in the framework", and the code had moved to another).
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Evidence, Framework } from '../../../shared/domain';
import { criterionCodes } from '../../../shared/domain/framework';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { criteriaLeftBehind } from '../../../shared/frameworks/versions';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { commandRegistry as commands } from '../../../renderer/db/commands';
import { db } from '../../../renderer/db/database';
import { MoveCycleConfirm } from '../../../renderer/features/frameworks/move-cycle-confirm';
import { criterionIndex } from '../../../renderer/features/evidence/criteria';

// Nothing submitted: a cycle moves only then (cycleMoveRefusal).
const sample = generateSampleCycle(ic0M3Levels, { candidates: 20, seed: 4, submitNone: true });
beforeEach(async () => {
  await db.delete();
  await db.open();
  await commands.loadSampleCycle(db, sample, '2026-11-19T10:00:00.000Z');
});
afterEach(() => cleanup());

/** The criterion most evidence links to, and those items, counted here. */
function mostLinked(evidence: readonly Evidence[]) {
  const counts = new Map<string, number>();
  for (const e of evidence) for (const id of e.criterionIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const [id] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  const items = evidence.filter((e) => e.criterionIds.includes(id));
  return { id, items, candidates: new Set(items.map((e) => e.candidateId)).size };
}

describe('criteriaLeftBehind', () => {
  it('lists the dropped criteria that evidence links to, with the items and candidates, in ladder order', () => {
    const f = sample.framework;
    const [a, b, c] = f.criteria;
    const to: Pick<Framework, 'criteria'> = { criteria: f.criteria.filter((x) => x.id !== a!.id && x.id !== b!.id) };
    const evidence = [
      { candidateId: 'x', criterionIds: [b!.id, b!.id] },
      { candidateId: 'y', criterionIds: [b!.id, c!.id] },
      { candidateId: 'x', criterionIds: ['gone-long-ago'] },
    ];
    const codes = criterionCodes(f);
    // a has no evidence: not listed; b has two items (one listed twice counts once) of two candidates.
    expect(criteriaLeftBehind(f, to, evidence)).toEqual([{ code: codes.get(b!.id), text: b!.text, evidence: 2, candidates: 2 }]);
    expect(criteriaLeftBehind(f, f, evidence)).toEqual([]);
  });
});

describe('the move’s confirmation', () => {
  it('names the criterion the new version drops and how much evidence links to it', async () => {
    const linked = mostLinked(sample.evidence);
    const next = await commands.startNextFrameworkVersion(db, sample.framework.id, '2026-11-20T10:00:00.000Z');
    await commands.editFramework(db, next.id, { type: 'remove-criterion', criterionId: linked.id }, { at: '2026-11-20T10:01:00.000Z' });
    const to = (await db.frameworks.get(next.id))!;
    const code = criterionCodes(sample.framework).get(linked.id)!;
    const text = sample.framework.criteria.find((c) => c.id === linked.id)!.text;
    render(<MoveCycleConfirm cycle={sample.cycle} from={sample.framework} to={to} onMove={() => {}} onCancel={() => {}} />);
    const note = await screen.findByRole('note');
    expect(note.textContent).toContain(`v${to.version} drops 1 criterion that evidence in this cycle links to.`);
    const items = linked.items.length;
    expect(note.textContent).toContain(`${code} (in v${sample.framework.version}) “${text}”: ${items} evidence item${items === 1 ? '' : 's'} of ${linked.candidates} candidate${linked.candidates === 1 ? '' : 's'}`);
    expect((screen.getByRole('button', { name: 'Move cycle' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('says why a cycle with a submitted packet stays on its version, and offers no move', async () => {
    // The same cycle as the sample makes it: some packets submitted, and the pilot session's decisions.
    const judged = generateSampleCycle(ic0M3Levels, { candidates: 20, seed: 4 });
    const submitted = new Set(judged.packets.filter((p) => p.status === 'submitted').map((p) => p.candidateId)).size;
    await db.delete();
    await db.open();
    await commands.loadSampleCycle(db, judged, '2026-11-19T10:00:00.000Z');
    const next = await commands.startNextFrameworkVersion(db, judged.framework.id, '2026-11-20T10:00:00.000Z');
    const to = (await db.frameworks.get(next.id))!;
    render(<MoveCycleConfirm cycle={judged.cycle} from={judged.framework} to={to} onMove={() => {}} onCancel={() => {}} />);
    expect((await screen.findByRole('alert')).textContent).toBe(
      `${judged.cycle.name} stays on v1: it has submitted packets of ${submitted} candidates and ${judged.decisions.length} decisions judged against v1’s criteria, and moving would change what they were judged against. A cycle can move only before any packet of it is submitted; use this version for the next cycle.`,
    );
    expect(screen.queryByRole('button', { name: 'Move cycle' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Keep v1' })).toBeTruthy();
  });
});

describe('an item linked to a criterion the cycle’s version dropped', () => {
  it('is named from the newest earlier version that has it, marked with that version', async () => {
    const linked = mostLinked(sample.evidence);
    const next = await commands.startNextFrameworkVersion(db, sample.framework.id, '2026-11-20T10:00:00.000Z');
    await commands.editFramework(db, next.id, { type: 'remove-criterion', criterionId: linked.id }, { at: '2026-11-20T10:01:00.000Z' });
    const to = (await db.frameworks.get(next.id))!;
    // Before, only "A criterion no longer in the framework": no code, no text.
    expect(criterionIndex(to).get(linked.id)).toBeUndefined();
    const named = criterionIndex(to, [sample.framework, to]).get(linked.id)!;
    expect(named).toMatchObject({ code: criterionCodes(sample.framework).get(linked.id), text: sample.framework.criteria.find((c) => c.id === linked.id)!.text, version: sample.framework.version });
    // A criterion the version keeps is its own, unmarked.
    const kept = to.criteria[0]!;
    expect(criterionIndex(to, [sample.framework, to]).get(kept.id)?.version).toBeUndefined();
  });
});
