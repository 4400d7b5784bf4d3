/**
 * The framework import preview says what the file does to the versions already here: nothing (identical to the
 * newest), a new newest version undoing later changes (an older export imported again: a trial found out only from
 * the version list afterwards), or a new version with what it changes.
 */
import { describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { importAsVersionText, nextVersion } from '../../../shared/frameworks/versions';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';

const v1 = { ...generateSampleCycle(ic0M3Levels, { candidates: 2 }).framework, version: 1 };
const renamed = (f: typeof v1, title: string) => ({ ...f, levels: f.levels.map((l, i) => (i === 2 ? { ...l, title } : l)) });
const v2 = renamed(nextVersion(v1, '2026-11-01T00:00:00.000Z', 'v2'), 'Senior Software Engineer');

describe('importAsVersionText', () => {
  it('says nothing for a framework new here', () => {
    expect(importAsVersionText([], v1)).toBeNull();
  });

  it('says an identical file writes nothing', () => {
    expect(importAsVersionText([v1, v2], { ...v2, id: 'file', version: 7 })).toBe('This framework is already here, and the file is identical to version 2, the newest: importing writes nothing.');
  });

  it('says an older export becomes the newest version and undoes what changed since', () => {
    expect(importAsVersionText([v1, v2], { ...v1, id: 'file' })).toBe(
      "This framework is already here, and the file is the same as version 1, an older one. Imported, the file becomes version 3, the newest; the versions here are kept as they are. That undoes what changed after version 1; see the versions' differences first if that is not what you want.",
    );
  });

  it('counts what a new file changes against the newest version', () => {
    const file = { ...renamed(v2, 'Staff-ish Engineer'), id: 'file', criteria: v2.criteria.slice(1) };
    expect(importAsVersionText([v2, v1], file)).toBe(
      'This framework is already here (version 2 is the newest). Imported, the file becomes version 3, the newest; the versions here are kept as they are. Compared with version 2, it changes 1 level, 1 criterion.',
    );
  });
});
