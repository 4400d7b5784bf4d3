/**
 * The editor's Undo names what it takes back: each edit in words, named from
 * the document before it (a removed criterion keeps its code).
 */
import { describe, expect, it } from 'vitest';
import { applyEdit, createBlankFramework } from '../../../shared/frameworks/edit-ops';
import { describeEdit } from '../../../shared/frameworks/edit-label';

const T0 = '2026-01-01T00:00:00.000Z';
let f = createBlankFramework('fw', 'lin', 'Ladder', T0);
f = applyEdit(f, { type: 'add-track', track: { id: 'ic', name: 'Individual contributor', kind: 'ic' } }, T0);
f = applyEdit(f, { type: 'add-level', level: { id: 'ic1', trackId: 'ic', code: 'IC1', title: 'Engineer' } }, T0);
f = applyEdit(f, { type: 'add-level', level: { id: 'ic2', trackId: 'ic', code: 'IC2', title: 'Senior' } }, T0);
f = applyEdit(f, { type: 'add-track', track: { id: 'm', name: 'Manager', kind: 'manager' } }, T0);
f = applyEdit(f, { type: 'add-level', level: { id: 'm1', trackId: 'm', code: 'M1', title: 'Manager' } }, T0);
for (const id of ['a', 'b', 'c']) f = applyEdit(f, { type: 'add-criterion', criterion: { id, levelId: 'ic2', text: `Criterion ${id}` } }, T0);
f = applyEdit(f, { type: 'add-equivalence', equivalence: { id: 'eq', levelIds: ['ic2', 'm1'] } }, T0);
f = applyEdit(f, { type: 'add-competency', competency: { id: 'k', name: 'Delivery' } }, T0);

describe('describeEdit', () => {
  it.each([
    [{ type: 'rename-framework', name: 'X' }, 'the framework’s name'],
    [{ type: 'remove-criterion', criterionId: 'c' }, 'removing criterion IC2.3'],
    [{ type: 'move-criterion', criterionId: 'b', direction: 'up' }, 'moving criterion IC2.2 up'],
    [{ type: 'update-criterion', criterionId: 'a', patch: { text: 'New' } }, 'the text of criterion IC2.1'],
    [{ type: 'add-criterion', criterion: { id: 'd', levelId: 'ic1' } }, 'adding a criterion to level IC1'],
    [{ type: 'update-level', levelId: 'ic1', patch: { title: 'Junior' } }, 'the title of level IC1'],
    [{ type: 'update-level', levelId: 'ic1', patch: { title: 'Junior', code: 'J1' } }, 'a change to level IC1'],
    [{ type: 'remove-level', levelId: 'ic2' }, 'removing level IC2'],
    [{ type: 'remove-track', trackId: 'm' }, 'removing track Manager'],
    [{ type: 'update-track', trackId: 'ic', patch: { name: 'IC' } }, 'the name of track Individual contributor'],
    [{ type: 'add-track', track: { id: 't', name: 'A track whose name runs well past what fits on a button', kind: 'other' } }, 'adding track A track whose name runs well pa…'],
    [{ type: 'remove-equivalence', equivalenceId: 'eq' }, 'removing the equivalence IC2 ≈ M1'],
    [{ type: 'remove-competency', competencyId: 'k' }, 'removing competency Delivery'],
  ] as const)('%j reads "%s"', (edit, words) => {
    expect(describeEdit(f, edit)).toBe(words);
  });
});
