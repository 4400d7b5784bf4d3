/**
 * Parsing is linear in the file size (issue 12: a 1.66 MB progression file
 * with 20,000 topics took 13 s, because every warning's line number was
 * found by rescanning the YAML from its start). Speed itself is measured in
 * scripts/bench-parse.mjs; here the 20,000-topic files must parse, with line
 * numbers that match a hand count, and the line index must agree with the
 * plain scan everywhere.
 */
import { describe, expect, it } from 'vitest';
import { lineAt, lineLocator } from '../../../shared/frameworks/import-result';
import { importProgressionFramework } from '../../../shared/frameworks/progression-format';
import { bigProgressionFile } from '../../support/big-progression';

describe('lineLocator', () => {
  it('gives the same line as lineAt at every offset, before the start and past the end', () => {
    const text = 'a\n\nbc\r\nd\n\n\nlast';
    const locate = lineLocator(text);
    for (let offset = -2; offset <= text.length + 2; offset++) expect(locate(offset)).toBe(lineAt(text, offset));
    expect(lineLocator('')(5)).toBe(1);
  });
});

describe('a 20,000-topic progression file', () => {
  it('parses with one criterion per topic', () => {
    const result = importProgressionFramework(bigProgressionFile(20_000), { at: '2026-01-01T00:00:00.000Z' });
    if (!result.ok) throw new Error(result.errors[0]?.message);
    expect(result.framework.competencies).toHaveLength(20_000);
    expect(result.framework.criteria).toHaveLength(20_000);
    expect(result.framework.criteria.at(-1)?.text).toBe('Does 19999');
  });

  it('with a warning for every topic, each warning names the topic\'s own line', () => {
    // Before the line index this took minutes: 20,000 warnings, each rescanning up to 0.6 MB.
    const result = importProgressionFramework(bigProgressionFile(20_000, { withoutCriteria: true }), { at: '2026-01-01T00:00:00.000Z' });
    if (!result.ok) throw new Error(result.errors[0]?.message);
    const perTopic = result.warnings.filter((w) => w.field?.endsWith('.content'));
    expect(perTopic).toHaveLength(20_000);
    // Topic i starts on line 5 + 2i (four header lines, two lines per topic).
    expect(perTopic[0]).toMatchObject({ field: 'topics[0].content', line: 5 });
    expect(perTopic[19_999]).toMatchObject({ field: 'topics[19999].content', line: 5 + 2 * 19_999 });
  });
});
