/**
 * Labels are stored without direction controls (shared/domain/label-text.ts): an override left open in a name
 * reversed the app's text after it ("Audit trail for Lars Karimi (seirtne 0)"), so every way a name arrives (a row's
 * schema, a bundle's compiled row check) stores it without them, and right-to-left names stay as they were.
 */
import { describe, expect, it } from 'vitest';
import { CandidateSchema, CycleSchema, EvidenceSchema, FrameworkSchema, ProfileSchema, SessionSchema, withoutDirectionControls } from '../../../shared/domain';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { createBundle, openBundle } from '../../../shared/exchange/bundle-format';

const RLO = '\u202E';
const CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const sample = generateSampleCycle(ic0M3Levels, { candidates: 2 });
const candidate = sample.candidates[0]!;

describe('labels', () => {
  it('lose every embedding, override and isolate control, and nothing else', () => {
    expect(withoutDirectionControls(`a${CONTROLS.join('')}b`)).toBe('ab');
    // Hebrew and Arabic names, and the marks that change no order beyond themselves, are kept as typed.
    for (const name of ['דנה כהן', 'ليلى حداد', 'Dana\u200F Cohen\u200E', 'Zoë O’Neil']) expect(withoutDirectionControls(name)).toBe(name);
  });

  it('are stored without them by the record schemas, and a label of only controls is an empty one', () => {
    const parsed = CandidateSchema.parse({ ...candidate, name: `Lars Karimi ${RLO}`, manager: `${RLO}Casey`, team: `Pay${'\u2067'}ments`, groups: { [`Gen${RLO}der`]: `Wo${RLO}man` }, formerly: { name: [`Lars${RLO}`], manager: [], team: [] } });
    expect(parsed).toMatchObject({ name: 'Lars Karimi ', manager: 'Casey', team: 'Payments', groups: { Gender: 'Woman' }, formerly: { name: ['Lars'] } });
    expect(CandidateSchema.safeParse({ ...candidate, name: RLO }).error?.issues[0]?.message).toBe('a candidate needs a name');
    expect(CycleSchema.parse({ ...sample.cycle, name: `Cycle${RLO}` }).name).toBe('Cycle');
    expect(EvidenceSchema.parse({ ...sample.evidence[0]!, title: `${RLO}Title` }).title).toBe('Title');
    expect(SessionSchema.parse({ ...sample.sessions[0]!, name: `S${RLO}` }).name).toBe('S');
    const framework = sample.framework;
    const renamed = FrameworkSchema.parse({ ...framework, name: `F${RLO}`, levels: framework.levels.map((l, i) => (i === 0 ? { ...l, title: `T${RLO}` } : l)), criteria: framework.criteria.map((c, i) => (i === 0 ? { ...c, text: `Ships${RLO} features` } : c)) });
    expect([renamed.name, renamed.levels[0]!.title, renamed.criteria[0]!.text]).toEqual(['F', 'T', 'Ships features']);
    expect(ProfileSchema.parse({ name: ` Ana${RLO} ` }).name).toBe('Ana');
  });

  it('are stored without them when a bundle brings them (its rows go through the compiled checks)', async () => {
    const hostile = { ...candidate, name: `Lars Karimi ${RLO}`, manager: `Casey${'\u202D'}` };
    const text = await createBundle({ cycle: sample.cycle, frameworks: [sample.framework], candidates: [hostile], evidence: [], packets: [] }, { createdAt: '2026-11-20T12:00:00.000Z', appVersion: 'test' });
    const opened = await openBundle(text);
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.content.candidates[0]).toMatchObject({ name: 'Lars Karimi ', manager: 'Casey' });
  });
});
