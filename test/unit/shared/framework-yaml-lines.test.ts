/**
 * The YAML reader behind the progression import (shared/frameworks/yaml-lines.ts):
 * plain values, the line of any path (counted by hand below), and aliases
 * that can neither share objects with zod nor expand without bound.
 */
import { describe, expect, it } from 'vitest';
import { MAX_ALIAS_EXPANSION, readYaml } from '../../../shared/frameworks/yaml-lines';
import { importProgressionFramework } from '../../../shared/frameworks/progression-format';

function read(text: string) {
  const result = readYaml(text);
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

describe('readYaml lines', () => {
  const text = [
    'title: Backend', // 1
    'levels: 3', // 2
    'topics:', // 3
    '  # a comment before the first topic', // 4
    '  - name: impact', // 5
    '    content:', // 6
    '      - level: 1', // 7
    '        criteria:', // 8
    '          - Ships', // 9
    '          -', // 10
    '          - ""', // 11
    '  - name: mastery', // 12
    '    title:', // 13
    '    content: [{ level: 2, criteria: [a, b] }]', // 14
  ].join('\n');

  it('names the line where each value starts', () => {
    const { lineOf } = read(text);
    expect(lineOf([])).toBe(1);
    expect(lineOf(['levels'])).toBe(2);
    expect(lineOf(['topics'])).toBe(5);
    expect(lineOf(['topics', 0])).toBe(5);
    expect(lineOf(['topics', 0, 'content', 0, 'level'])).toBe(7);
    expect(lineOf(['topics', 0, 'content', 0, 'criteria', 0])).toBe(9);
    expect(lineOf(['topics', 1, 'content', 0, 'criteria', 1])).toBe(14);
  });

  it('places an empty entry or value on its own line, not the next one', () => {
    const { lineOf, value } = read(text);
    expect((value as { topics: Array<{ content: Array<{ criteria: unknown[] }> }> }).topics[0]?.content[0]?.criteria).toEqual(['Ships', null, '']);
    expect(lineOf(['topics', 0, 'content', 0, 'criteria', 1])).toBe(10);
    expect(lineOf(['topics', 0, 'content', 0, 'criteria', 2])).toBe(11);
    expect(lineOf(['topics', 1, 'title'])).toBe(13);
  });

  it('falls back to the nearest parent for a path that is not there', () => {
    expect(read(text).lineOf(['topics', 1, 'content', 0, 'nothing', 3])).toBe(14);
  });
});

describe('readYaml values', () => {
  it('reads the YAML 1.2 core schema: dates stay text and << is an ordinary key', () => {
    expect(read('a: 2024-01-01\n<<: x\nb: 0x10\nc: ~\n').value).toEqual({ a: '2024-01-01', '<<': 'x', b: 16, c: null });
  });

  it('expands aliases into separate copies', () => {
    const { value } = read('a: &a { x: [1] }\nb: *a\n');
    const v = value as { a: { x: number[] }; b: { x: number[] } };
    expect(v.b).toEqual({ x: [1] });
    expect(v.b).not.toBe(v.a);
    expect(v.b.x).not.toBe(v.a.x);
  });

  it('refuses aliases that expand without bound, and an alias inside its own anchor', () => {
    // Each line holds nine of the one before: 9^6 × 2 ≈ a million entries from 7 short lines.
    const lines = ['a: &a [1, 2]'];
    for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f']] as const) lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    expect(9 ** 6 * 2).toBeGreaterThan(MAX_ALIAS_EXPANSION);
    const laughs = readYaml(lines.join('\n'));
    expect(laughs.ok ? 'read' : laughs.error.message).toMatch(/expand to too many entries/);
    const cycle = readYaml('x: &x [1, *x]\n');
    expect(cycle.ok ? 'read' : cycle.error.message).toMatch(/refers to an entry that contains it/);
  });

  it('says what is malformed, on which line', () => {
    const bad = readYaml('a: 1\nb: [1, 2\nc: 3\n');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.line).toBeGreaterThanOrEqual(2);
    const dup = readYaml('a: 1\nb: 2\na: 3\n');
    expect(dup.ok ? null : dup.error).toEqual({ message: 'the key "a" appears twice in the same mapping; keys must be unique.', line: 3 });
  });
});

describe('progression import through readYaml', () => {
  it('imports a file that reuses a topic list through an alias', () => {
    const text = ['---', 'levels: 1', 'shared: &t', '  - name: impact', '    content: [{ level: 1, criteria: [Ships] }]', 'topics: *t', '---'].join('\n');
    const result = importProgressionFramework(text, { lineageId: 'al', at: '2026-01-01T00:00:00.000Z' });
    if (!result.ok) throw new Error(result.errors[0]?.message);
    expect(result.framework.criteria.map((c) => c.text)).toEqual(['Ships']);
  });

  it('names the file line of an empty criterion written as a bare dash', () => {
    const text = ['---', 'levels: 1', 'topics:', '  - name: impact', '    content:', '      - level: 1', '        criteria:', '          - Ships', '          -', '---'].join('\n');
    const result = importProgressionFramework(text, { lineageId: 'd', at: '2026-01-01T00:00:00.000Z' });
    if (!result.ok) throw new Error(result.errors[0]?.message);
    expect(result.warnings.find((w) => w.field === 'topics[0].content[0].criteria[1]')?.line).toBe(9);
  });
});
