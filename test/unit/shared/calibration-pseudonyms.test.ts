/**
 * Blind-mode pseudonyms: stable (same salt and ids → same names, in any
 * input order), distinct within a set (1,000 candidates), different per
 * salt, with deterministic overflow when a set outgrows its word space.
 */
import { describe, expect, it } from 'vitest';
import {
  blindNames,
  fallbackPseudonym,
  hash32,
  pseudonyms,
  pseudonymsAsync,
} from '../../../shared/calibration/pseudonyms';
import { CANDIDATE_FIRST_WORDS, CANDIDATE_SECOND_WORDS, GROUP_WORDS, MANAGER_WORDS, TEAM_WORDS } from '../../../shared/calibration/pseudonym-words';

const ids = (n: number, prefix = 'cand-') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('word lists', () => {
  it('have the expected sizes and share no words', () => {
    expect(CANDIDATE_FIRST_WORDS).toHaveLength(64);
    expect(CANDIDATE_SECOND_WORDS).toHaveLength(64);
    expect(GROUP_WORDS).toHaveLength(90);
    expect(new Set(GROUP_WORDS).size).toBe(90);
    expect(GROUP_WORDS.every((w) => /^[1-9]\d$/.test(w))).toBe(true);
    const all = [...CANDIDATE_FIRST_WORDS, ...CANDIDATE_SECOND_WORDS, ...MANAGER_WORDS, ...TEAM_WORDS];
    expect(new Set(all.map((w) => w.toLowerCase())).size).toBe(all.length);
    expect(all.every((w) => /^[A-Z][a-z]+$/.test(w))).toBe(true);
  });
});

describe('hash32', () => {
  it('is FNV-1a with a final mix, pinned so pseudonyms survive releases', () => {
    expect(hash32('')).toBe(hash32(''));
    expect(hash32('a')).not.toBe(hash32('b'));
    // Pinned values: changing the hash would rename every candidate of every stored session.
    expect([hash32(''), hash32('candidate\u0000session-1\u0000cand-1')]).toEqual(PINNED_HASHES);
  });
});

describe('pseudonyms', () => {
  it('are stable: same salt and ids give the same names, whatever the input order', () => {
    const a = pseudonyms('candidate', 'session-1', ids(50));
    const b = pseudonyms('candidate', 'session-1', [...ids(50)].reverse());
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
    expect(pseudonyms('candidate', 'session-1', ['cand-1']).get('cand-1')).toBe(PINNED_NAME);
  });

  it('are distinct across 1,000 candidate ids and look like “Word Bird”', () => {
    const map = pseudonyms('candidate', 'session-1', ids(1000));
    expect(map.size).toBe(1000);
    expect(new Set(map.values()).size).toBe(1000);
    for (const name of map.values()) {
      const [first, second, extra] = name.split(' ');
      expect(CANDIDATE_FIRST_WORDS).toContain(first);
      expect(CANDIDATE_SECOND_WORDS).toContain(second);
      expect(extra).toBeUndefined();
    }
  });

  it('share no word within a session of up to 64 candidates, over many sessions and sizes', () => {
    // 64 is the shorter word list: the most candidates that can each have their own two words.
    for (let session = 0; session < 60; session++) {
      for (const size of [2, 5, 12, 30, 47, 63, 64]) {
        const names = [...pseudonyms('candidate', `session-${session}`, ids(size, `s${session}-`)).values()];
        const firsts = names.map((n) => n.split(' ')[0]);
        const seconds = names.map((n) => n.split(' ')[1]);
        expect(new Set(firsts).size, `session ${session}, ${size} candidates`).toBe(size);
        expect(new Set(seconds).size, `session ${session}, ${size} candidates`).toBe(size);
      }
    }
  });

  it('past 64 candidates repeat words but never a whole pseudonym', () => {
    const names = [...pseudonyms('candidate', 'session-big', ids(200)).values()];
    expect(new Set(names).size).toBe(200);
    expect(new Set(names.map((n) => n.split(' ')[0])).size).toBe(64);
  });

  it('change with the salt', () => {
    const a = pseudonyms('candidate', 'session-1', ids(1000));
    const b = pseudonyms('candidate', 'session-2', ids(1000));
    const same = [...a].filter(([id, name]) => b.get(id) === name).length;
    // By chance about 1,000/4,096 ≈ 0.25 ids keep their name; allow a handful.
    expect(same).toBeLessThan(10);
  });

  it('differ by scope, so a manager and a team of the same name get unrelated labels', () => {
    expect(pseudonyms('manager', 's', ['Kim']).get('Kim')).toMatch(/^Manager [A-Z][a-z]+$/);
    expect(pseudonyms('team', 's', ['Kim']).get('Kim')).toMatch(/^Team [A-Z][a-z]+$/);
    // Named by the attribute: "Group X" stood for a gender in one table and a location in the next.
    expect(pseudonyms({ group: 'location' }, 's', ['Berlin']).get('Berlin')).toMatch(/^Location [1-9]\d$/);
    expect(pseudonyms({ group: 'gender' }, 's', ['Woman']).get('Woman')).toMatch(/^Gender [1-9]\d$/);
    // Not a letter, which reads as an initial: "Gender M" stood for women and "Location B" for Toronto (a trial).
    const genders = pseudonyms({ group: 'gender' }, 's', ['Woman', 'Man', 'Non-binary', 'W', 'M']);
    for (const label of genders.values()) expect(label).not.toMatch(/^Gender [A-Z]( \d+)?$/);
  });

  it('never contain the id or name they stand for', () => {
    const map = pseudonyms('manager', 'session-1', ['Priya Raman', 'Tom Berg']);
    for (const [name, label] of map) expect(label).not.toContain(name.split(' ')[0]);
  });

  it('probe past collisions and number further rounds when the words run out', () => {
    // 90 group values fill the 90 numbers exactly: every number once.
    const full = pseudonyms({ group: 'g' }, 'salt', ids(GROUP_WORDS.length, 'v'));
    expect([...full.values()].sort()).toEqual(GROUP_WORDS.map((l) => `G ${l}`).sort());
    // One more value: twice the slots, still all distinct, some with a round number.
    const over = pseudonyms({ group: 'g' }, 'salt', ids(GROUP_WORDS.length + 1, 'v'));
    expect(new Set(over.values()).size).toBe(GROUP_WORDS.length + 1);
    expect([...over.values()].every((v) => /^[A-Z][a-z]* [1-9]\d( 2)?$/.test(v))).toBe(true);
    // Managers beyond the 40 trees.
    const managers = pseudonyms('manager', 'salt', ids(100, 'm'));
    expect(new Set(managers.values()).size).toBe(100);
  });

  it('has an asynchronous SHA-256 variant that is stable and distinct', async () => {
    const a = await pseudonymsAsync('candidate', 'session-1', ids(1000));
    const b = await pseudonymsAsync('candidate', 'session-1', [...ids(1000)].reverse());
    expect(new Set(a.values()).size).toBe(1000);
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
    const sync = pseudonyms('candidate', 'session-1', ids(1000));
    expect([...a].filter(([id, name]) => sync.get(id) === name).length).toBeLessThan(10);
  });
});

describe('blindNames', () => {
  const names = blindNames('session-9', {
    candidateIds: ['c1', 'c2'],
    managers: ['Priya', 'Tom'],
    teams: ['Payments'],
    groups: { location: ['Berlin', 'Lisbon'] },
  });

  it('looks names up from one mapping per session, the same on every call', () => {
    expect(names.candidate('c1')).toBe(pseudonyms('candidate', 'session-9', ['c1', 'c2']).get('c1'));
    expect(names.candidate('c1')).toBe(blindNames('session-9', { candidateIds: ['c2', 'c1'] }).candidate('c1'));
    expect(names.candidate('c1')).not.toBe(names.candidate('c2'));
    expect(names.manager('Priya')).not.toBe(names.manager('Tom'));
    expect(names.team('Payments')).toMatch(/^Team /);
    expect(names.group('location', 'Berlin')).not.toBe(names.group('location', 'Lisbon'));
  });

  it('falls back to a hash-based pseudonym for ids outside the mapping, never the name', () => {
    expect(names.candidate('late')).toBe(fallbackPseudonym('candidate', 'session-9', 'late'));
    expect(names.manager('Someone New')).toMatch(/^Manager [A-Z][a-z]+$/);
  });
});

// Checked against an independent FNV-1a + murmur3 fmix32 implementation:
// fmix32(0x811c9dc5) = 2872998923. 3177515978 mod 4096 = 3018 = 47 × 64 + 10 → CANDIDATE_FIRST_WORDS[47], CANDIDATE_SECOND_WORDS[10].
const PINNED_HASHES = [2872998923, 3177515978];
const PINNED_NAME = 'Kelp Lark';
