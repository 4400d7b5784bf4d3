/**
 * The one selection every view of a session makes (sessionView): a
 * finalized session with a record is read from the record, anything else
 * live; and the record takes the current packet of each reviewed candidate,
 * snapshotting a draft.
 */
import { describe, expect, it } from 'vitest';
import { chairWhenNotActor, chairWhenNotRecorder, finalizedBy, reopenHistory, sessionView, takeSessionRecord } from '../../../shared/calibration/session-record';
import type { Session } from '../../../shared/domain';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';

const AT = '2026-11-20T10:00:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { candidates: 10 });
const ids = sample.candidates.slice(0, 3).map((c) => c.id);
const base: Session = { ...sample.sessions[1]!, candidateIds: ids, status: 'live', record: null, history: [] };
const live = {
  candidates: sample.candidates,
  packets: sample.packets,
  evidence: sample.evidence,
  coverage: [],
  votes: [],
  decisions: [],
  frameworkVersionId: 'live-version',
};

describe('session record', () => {
  const record = takeSessionRecord({ session: base, framework: sample.framework, cycle: sample.cycle, candidates: sample.candidates, packets: sample.packets, evidence: sample.evidence, votes: [], decisions: [], at: AT, by: 'Morgan Ellis' });

  it('keeps the reviewed candidates and one packet each, a draft with a snapshot taken at finalization', () => {
    expect(record.candidates.map((c) => c.id)).toEqual(ids);
    expect(record.packets.map((p) => p.candidateId).sort()).toEqual([...ids].sort());
    for (const p of record.packets) expect(p.snapshot).not.toBeNull();
    const draft = record.packets.find((p) => p.status === 'draft');
    if (draft) expect(draft.snapshot?.takenAt).toBe(AT);
    expect(record.evidence.every((e) => ids.includes(e.candidateId))).toBe(true);
  });

  it('reads a finalized session from its record, and a live one (or one finalized before records existed) live', () => {
    expect(sessionView(base, live).record).toBeNull();
    expect(sessionView(base, live).frameworkVersionId).toBe('live-version');
    const finalized: Session = { ...base, status: 'finalized', finalizedAt: AT, record, history: [{ action: 'finalized', at: AT, by: 'Morgan Ellis', reason: '' }] };
    const view = sessionView(finalized, live);
    expect(view.record).toBe(record);
    expect(view.evidence).toBe(record.evidence);
    expect(view.frameworkVersionId).toBe(sample.framework.id);
    expect(finalizedBy(finalized)).toEqual({ at: AT, by: 'Morgan Ellis' });
    const legacy: Session = { ...base, status: 'finalized', finalizedAt: AT, record: null };
    expect(sessionView(legacy, live).evidence).toBe(live.evidence);
    expect(finalizedBy(legacy)).toEqual({ at: AT, by: null });
    // A record left on a reopened session is not read.
    expect(sessionView({ ...finalized, status: 'live' }, live).record).toBeNull();
    expect(reopenHistory({ history: [...(finalized.history ?? []), { action: 'reopened', at: AT, by: 'Helen', reason: 'late packet' }] })).toEqual([{ action: 'reopened', at: AT, by: 'Helen', reason: 'late packet' }]);
  });
});

describe('chairWhenNotRecorder: the dialogs say when someone other than the chair reveals, finalizes or reopens', () => {
  const members = [
    { name: 'Morgan  Ellis', role: 'chair' as const },
    { name: 'Dana Reyes', role: 'hr-partner' as const },
  ];
  it('names the chair when another profile records', () => {
    expect(chairWhenNotRecorder(members, 'Dana Reyes')).toBe('Morgan Ellis');
  });
  it('says nothing when the chair records, whatever the spacing and case of the name', () => {
    expect(chairWhenNotRecorder(members, ' morgan ellis ')).toBeNull();
  });
  it('reads an audit actor, "name (role)", as its name: the chair with a role is the chair', () => {
    expect(chairWhenNotActor(members, 'Morgan Ellis (Committee chair)')).toBeNull();
    expect(chairWhenNotActor(members, 'Dana Whitfield (Committee chair)')).toBe('Morgan Ellis');
    expect(chairWhenNotActor([{ name: 'Morgan Ellis (she/her)', role: 'chair' }], 'Morgan Ellis (she/her)')).toBeNull();
    expect(chairWhenNotActor(members, null)).toBeNull();
  });
  it('says nothing when the committee has no chair or no one is recording', () => {
    expect(chairWhenNotRecorder([{ name: 'Dana Reyes', role: 'hr-partner' }], 'Sam Lee')).toBeNull();
    expect(chairWhenNotRecorder(members, null)).toBeNull();
  });
});
