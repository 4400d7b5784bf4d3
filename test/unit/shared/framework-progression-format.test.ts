import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import type { Framework } from '../../../shared/domain/framework';
import { FrameworkSchema } from '../../../shared/domain/framework';
import {
  MAX_FRAMEWORK_FILE_BYTES,
  importProgressionFramework,
  nameFromFileName,
  previewOf,
  prettifyTopicName,
  stripDecoration,
  type FrameworkImportResult,
  type ImportIssue,
} from '../../../shared/frameworks/progression-format';

const AT = '2025-01-01T00:00:00.000Z';

function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/frameworks/${name}`, import.meta.url)), 'utf8');
}

function ok(result: FrameworkImportResult): { framework: Framework; warnings: ImportIssue[] } {
  if (!result.ok) throw new Error(`expected a framework, got errors:\n${result.errors.map((e) => e.message).join('\n')}`);
  return result;
}

function errorsOf(result: FrameworkImportResult): ImportIssue[] {
  if (result.ok) throw new Error('expected errors, got a framework');
  return result.errors;
}

/** 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not in text`);
  return index + 1;
}

/**
 * Counts criteria straight from the file's lines, independently of the YAML
 * parser: a `- "…"` item under `criteria:` is one criterion, a
 * `- criteria:` item under `exampleCriteria:` is one example criterion, and
 * `- "…"` items under `examples:` are its examples.
 */
function scanCounts(text: string) {
  const lines = text.split('\n');
  const end = lines.indexOf('---', 1);
  let topic = '';
  let level = 0;
  let mode: 'criteria' | 'exampleCriteria' | 'examples' | null = null;
  const perLevel = new Map<number, number>();
  const perTopicLevel = new Map<string, number>();
  const topics: string[] = [];
  let exampleCriteria = 0;
  let examples = 0;
  const bump = () => {
    perLevel.set(level, (perLevel.get(level) ?? 0) + 1);
    perTopicLevel.set(`${topic}/${level}`, (perTopicLevel.get(`${topic}/${level}`) ?? 0) + 1);
  };
  for (const line of lines.slice(1, end)) {
    const name = /^\s*- name:\s*"(.*)"\s*$/.exec(line);
    const lvl = /^\s*- level:\s*(\d+)\s*$/.exec(line);
    if (name) {
      topic = name[1] ?? '';
      topics.push(topic);
      level = 0;
      mode = null;
    } else if (lvl) {
      level = Number(lvl[1]);
      mode = null;
    } else if (/^\s*criteria:\s*$/.test(line)) mode = 'criteria';
    else if (/^\s*exampleCriteria:\s*$/.test(line)) mode = 'exampleCriteria';
    else if (/^\s*- criteria:\s*"/.test(line)) {
      mode = 'exampleCriteria';
      exampleCriteria++;
      bump();
    } else if (/^\s*examples:\s*$/.test(line)) mode = 'examples';
    else if (/^\s*- "/.test(line)) {
      if (mode === 'criteria') bump();
      else if (mode === 'examples') examples++;
    }
  }
  const declared = Number(/^levels:\s*(\d+)/m.exec(text)?.[1]);
  return { perLevel, perTopicLevel, topics, exampleCriteria, examples, declared };
}

describe('progression-framework import: the Monzo backend framework', () => {
  const text = fixture('monzo-backend.md');
  const scan = scanCounts(text);
  const { framework, warnings } = ok(importProgressionFramework(text, { fileName: 'monzo-backend.md', fallbackName: 'Monzo backend', at: AT }));

  it('is a valid framework with no warnings', () => {
    expect(FrameworkSchema.safeParse(framework).success).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('has the six declared levels on one IC track, coded L1..L6', () => {
    expect(scan.declared).toBe(6);
    expect(framework.tracks).toHaveLength(1);
    expect(framework.tracks[0]?.kind).toBe('ic');
    expect(framework.levels.map((l) => l.code)).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', 'L6']);
    expect(framework.levels.map((l) => l.title)).toEqual(['Level 1', 'Level 2', 'Level 3', 'Level 4', 'Level 5', 'Level 6']);
    expect(framework.levels.map((l) => l.order)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('takes its name from the title without the emoji', () => {
    expect(framework.name).toBe('Backend Engineering Framework');
    expect(framework.description).toContain('The framework is a compass, not a GPS.');
    expect(framework.source).toContain('monzo-backend.md');
  });

  it('turns the five topics into competencies named from `name`', () => {
    expect(scan.topics).toEqual(['communication', 'impact', 'leadership', 'influence', 'mastery']);
    expect(framework.competencies.map((c) => c.name)).toEqual(['Communication', 'Impact', 'Leadership', 'Influence', 'Mastery']);
  });

  it('has as many criteria per level as the file lists (counted line by line)', () => {
    const perLevel = framework.levels.map((l) => framework.criteria.filter((c) => c.levelId === l.id).length);
    expect(perLevel).toEqual([1, 2, 3, 4, 5, 6].map((n) => scan.perLevel.get(n) ?? 0));
    expect(framework.criteria).toHaveLength([...scan.perLevel.values()].reduce((a, b) => a + b, 0));
  });

  it('has as many criteria per topic and level as the file lists', () => {
    const levelNumber = new Map(framework.levels.map((l) => [l.id, l.order + 1]));
    const topicName = new Map(framework.competencies.map((c, i) => [c.id, scan.topics[i]]));
    const counted = new Map<string, number>();
    for (const c of framework.criteria) {
      const key = `${topicName.get(c.competencyId ?? '')}/${levelNumber.get(c.levelId)}`;
      counted.set(key, (counted.get(key) ?? 0) + 1);
    }
    expect(Object.fromEntries(counted)).toEqual(Object.fromEntries(scan.perTopicLevel));
  });

  it('keeps the examples of example criteria', () => {
    const withExamples = framework.criteria.filter((c) => c.examples.length > 0);
    expect(withExamples).toHaveLength(scan.exampleCriteria);
    expect(withExamples.reduce((n, c) => n + c.examples.length, 0)).toBe(scan.examples);
    const security = framework.criteria.find((c) => c.text === 'Proactively considers security implications of their work');
    expect(security?.examples).toHaveLength(5);
    expect(security?.examples[3]).toBe('"There\'s a risk here of X, Y but given Z, I think this is OK"');
    expect(security?.levelId).toBe(framework.levels[2]?.id);
    expect(security?.competencyId).toBe(framework.competencies.find((c) => c.name === 'Mastery')?.id);
  });

  it('gives every row a unique id derived from lineage, topic, level and position', () => {
    const ids = [framework.id, ...framework.tracks.map((t) => t.id), ...framework.levels.map((l) => l.id), ...framework.competencies.map((c) => c.id), ...framework.criteria.map((c) => c.id)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(framework.lineageId).toBe('pf-engineering-backend');
    expect(framework.criteria[0]?.id).toBe('pf-engineering-backend-crit-communication-l1-01');
    expect(framework.criteria.find((c) => c.text.startsWith('Provides helpful and actionable feedback'))?.id).toBe('pf-engineering-backend-crit-communication-l2-x01');
  });

  it('gives the same ids when the same file is imported again', () => {
    const again = ok(importProgressionFramework(text, { fileName: 'renamed.md', at: '2026-06-01T00:00:00.000Z' })).framework;
    expect(again.criteria.map((c) => c.id)).toEqual(framework.criteria.map((c) => c.id));
    expect(again.levels.map((l) => l.id)).toEqual(framework.levels.map((l) => l.id));
    expect(again.competencies.map((c) => c.id)).toEqual(framework.competencies.map((c) => c.id));
  });

  it('uses the lineage and version ids the caller gives', () => {
    const fw = ok(importProgressionFramework(text, { lineageId: 'lin-42', frameworkId: 'fw-42-v3', version: 3, at: AT })).framework;
    expect(fw.id).toBe('fw-42-v3');
    expect(fw.version).toBe(3);
    expect(fw.lineageId).toBe('lin-42');
    for (const row of [...fw.tracks, ...fw.levels, ...fw.competencies, ...fw.criteria]) expect(row.id.startsWith('lin-42-')).toBe(true);
  });

  it('summarises for the preview', () => {
    const preview = previewOf(framework);
    expect(preview.name).toBe('Backend Engineering Framework');
    expect(preview.tracks).toEqual(['Backend']);
    expect(preview.competencies).toHaveLength(5);
    expect(preview.levels.map((l) => l.criteria)).toEqual([1, 2, 3, 4, 5, 6].map((n) => scan.perLevel.get(n) ?? 0));
    expect(preview.levels[0]).toEqual({ code: 'L1', title: 'Level 1', track: 'Backend', criteria: scan.perLevel.get(1) });
    expect(preview.criteriaCount).toBe(framework.criteria.length);
  });

  it('reads the same file with Windows line endings and a byte-order mark', () => {
    const crlf = ok(importProgressionFramework(`\uFEFF${text.replace(/\n/g, '\r\n')}`, { at: AT })).framework;
    expect(previewOf(crlf)).toEqual(previewOf(framework));
    expect(crlf.criteria.map((c) => c.id)).toEqual(framework.criteria.map((c) => c.id));
  });
});

describe('progression-framework import: other frameworks in the format', () => {
  it('keeps punctuation in topic names, handles empty titles, empty levels and topics without content', () => {
    const { framework, warnings } = ok(importProgressionFramework(fixture('punctuation-topics.md'), { fileName: 'punctuation-topics.md', at: AT }));
    expect(framework.name).toBe('Platform & SRE (v2)');
    expect(framework.competencies.map((c) => c.name)).toEqual(['Comms & feedback', 'C++/go: mastery!', 'On-call (ops)']);
    expect(framework.competencies[1]?.description).toBe('Mastery');
    expect(framework.competencies[0]?.description).toBe('');
    expect(framework.levels).toHaveLength(4);
    const perLevel = framework.levels.map((l) => framework.criteria.filter((c) => c.levelId === l.id).length);
    expect(perLevel).toEqual([2, 2, 0, 1]);
    expect(framework.criteria.find((c) => c.text.startsWith('Writes incident summaries'))?.examples).toHaveLength(2);
    expect(warnings.map((w) => w.message).join('\n')).toMatch(/Level 3 has no criteria/);
    expect(warnings.find((w) => w.field === 'topics[2].content')?.message).toMatch(/On-call \(ops\)/);
    const ids = framework.competencies.map((c) => c.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids.every((id) => /^[a-z0-9-]+$/.test(id))).toBe(true);
  });

  it('names a topic by its title when the title spells its name in words, keeping the id from the name', () => {
    const file = (title: string) =>
      ['---', 'title: "Eng"', 'levels: 1', 'topics:', '  - name: "technical-skills"', `    title: "${title}"`, '    content:', '      - level: 1', '        criteria:', '          - "Writes tested code"', '---', ''].join('\n');
    const spelled = ok(importProgressionFramework(file('Technical skills'), { fileName: 'eng.md', at: AT })).framework.competencies[0];
    expect(spelled).toMatchObject({ name: 'Technical skills', description: '' });
    const other = ok(importProgressionFramework(file('How well you build'), { fileName: 'eng.md', at: AT })).framework.competencies[0];
    expect(other).toMatchObject({ name: 'Technical-skills', description: 'How well you build' });
    expect(spelled?.id).toBe(other?.id);
    // "&" for "and", and a title that starts with the name (a trial's Lattice-style file showed "Scope-and-complexity").
    const ampersand = (name: string, title: string) =>
      ok(importProgressionFramework(file(title).replace('"technical-skills"', `"${name}"`), { fileName: 'eng.md', at: AT })).framework.competencies[0];
    expect(ampersand('scope-and-complexity', 'Scope & Complexity')).toMatchObject({ name: 'Scope & Complexity', description: '' });
    expect(ampersand('expertise', 'Expertise & mentoring')).toMatchObject({ name: 'Expertise & mentoring', description: '' });
    expect(ampersand('expert', 'Expertise & mentoring')).toMatchObject({ name: 'Expert', description: 'Expertise & mentoring' });
  });

  it('parses a generated framework with 15 levels and 30 topics', () => {
    const topics = Array.from({ length: 30 }, (_, t) => {
      const content = Array.from({ length: 15 }, (_, l) =>
        [
          `      - level: ${l + 1}`,
          '        criteria:',
          `          - "Topic ${t} level ${l + 1}: ships change A"`,
          `          - "Topic ${t} level ${l + 1}: ships change B"`,
          '        exampleCriteria:',
          `          - criteria: "Topic ${t} level ${l + 1}: leads project C"`,
          '            examples:',
          '              - "An example"',
        ].join('\n'),
      ).join('\n');
      return `  - name: "topic ${t}: area/${t}"\n    title: ""\n    content:\n${content}`;
    });
    const text = `---\ntitle: Big\nlevels: 15\ntopics:\n${topics.join('\n')}\n---\n`;
    const { framework, warnings } = ok(importProgressionFramework(text, { at: AT }));
    expect(warnings).toEqual([]);
    expect(framework.levels).toHaveLength(15);
    expect(framework.levels.at(-1)?.code).toBe('L15');
    expect(framework.competencies).toHaveLength(30);
    expect(framework.criteria).toHaveLength(15 * 30 * 3);
    expect(new Set(framework.criteria.map((c) => c.id)).size).toBe(15 * 30 * 3);
  });

  it('keeps a level with no criteria, with a warning', () => {
    const text = ['---', 'levels: 2', 'topics:', '  - name: impact', '    content:', '      - level: 1', '        criteria:', '          - "Ships small features with tests"', '      - level: 2', '        criteria: []', '---', ''].join('\n');
    const { framework, warnings } = ok(importProgressionFramework(text, { at: AT }));
    expect(framework.levels).toHaveLength(2);
    expect(framework.criteria.filter((c) => c.levelId === framework.levels[1]?.id)).toEqual([]);
    expect(warnings.some((w) => /Level 2 has no criteria/.test(w.message))).toBe(true);
  });

  it('accepts an empty topic title and a topic named only by its title', () => {
    const text = ['---', 'levels: 1', 'topics:', '  - name: "delivery"', '    title: ""', '    content:', '      - level: 1', '        criteria: ["Ships small features with tests"]', '  - title: "🧭 Direction"', '---'].join('\n');
    const { framework } = ok(importProgressionFramework(text, { at: AT }));
    expect(framework.competencies.map((c) => c.name)).toEqual(['Delivery', 'Direction']);
  });

  it('merges a level listed twice in one topic, with a warning', () => {
    const text = [
      '---',
      'levels: 2',
      'topics:',
      '  - name: impact',
      '    content:',
      '      - level: 1',
      '        criteria: ["First criterion at level one", "Second criterion at level one"]',
      '      - level: 1',
      '        criteria: ["Third criterion at level one"]',
      '---',
    ].join('\n');
    const { framework, warnings } = ok(importProgressionFramework(text, { lineageId: 'x', at: AT }));
    const level1 = framework.criteria.filter((c) => c.levelId === 'x-level-1');
    expect(level1.map((c) => c.text)).toEqual(['First criterion at level one', 'Second criterion at level one', 'Third criterion at level one']);
    expect(level1.map((c) => c.id)).toEqual(['x-crit-impact-l1-01', 'x-crit-impact-l1-02', 'x-crit-impact-l1-03']);
    const warning = warnings.find((w) => w.field === 'topics[0].content[1].level');
    expect(warning?.message).toMatch(/merged/);
    expect(warning?.line).toBe(8);
  });

  it('infers the level count when `levels` is missing, with a warning', () => {
    const text = ['---', 'topics:', '  - name: impact', '    content:', '      - level: 3', '        criteria: ["Leads a project from design to launch"]', '---'].join('\n');
    const { framework, warnings } = ok(importProgressionFramework(text, { at: AT }));
    expect(framework.levels).toHaveLength(3);
    expect(warnings[0]?.field).toBe('levels');
  });

  it('skips empty criteria with a warning naming the field', () => {
    const text = ['---', 'levels: 1', 'topics:', '  - name: impact', '    content:', '      - level: 1', '        criteria:', '          - ""', '          -', '          - "Ships small features with tests"', '---'].join('\n');
    const { framework, warnings } = ok(importProgressionFramework(text, { lineageId: 'x', at: AT }));
    expect(framework.criteria.map((c) => c.id)).toEqual(['x-crit-impact-l1-03']);
    expect(warnings.map((w) => w.field)).toEqual(['topics[0].content[0].criteria[0]', 'topics[0].content[0].criteria[1]']);
  });

  it('reads quoted level numbers', () => {
    const text = ['---', 'levels: "2"', 'topics:', '  - name: impact', '    content:', '      - level: "2"', '        criteria: ["Leads a project from design to launch"]', '---'].join('\n');
    const { framework } = ok(importProgressionFramework(text, { lineageId: 'q', at: AT }));
    expect(framework.levels).toHaveLength(2);
    expect(framework.criteria[0]?.levelId).toBe('q-level-2');
  });

  it('falls back to the caller’s name when there is no title', () => {
    const text = ['---', 'levels: 1', 'topics: []', '---'].join('\n');
    expect(ok(importProgressionFramework(text, { fallbackName: 'Data science', at: AT })).framework.name).toBe('Data science');
    expect(ok(importProgressionFramework(text, { at: AT })).framework.name).toBe('Imported framework');
  });
});

describe('progression-framework import: errors', () => {
  it('reports malformed YAML with its line in the file', () => {
    const text = fixture('malformed-yaml.md');
    const errors = errorsOf(importProgressionFramework(text));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(lineOf(text, 'Note: this line breaks'));
    expect(errors[0]?.line).toBe(10);
    // The line is shown once, by the issue list ("Line 10: …"), not again inside the message.
    expect(errors[0]?.message).toMatch(/^Malformed YAML: /);
    expect(errors[0]?.message).not.toMatch(/line 10/i);
  });

  it('reports duplicate keys with their line', () => {
    const text = ['---', 'levels: 2', 'levels: 3', 'topics: []', '---'].join('\n');
    const errors = errorsOf(importProgressionFramework(text));
    expect(errors[0]?.line).toBe(3);
    expect(errors[0]?.message).toMatch(/unique/i);
  });

  it('says so when there is no front matter', () => {
    const errors = errorsOf(importProgressionFramework('# Backend\n\nJust prose.\n'));
    expect(errors[0]?.message).toMatch(/No front matter/);
    expect(errors[0]?.line).toBe(1);
  });

  it('says so when the front matter is never closed, or empty', () => {
    expect(errorsOf(importProgressionFramework('---\nlevels: 2\ntopics: []\n'))[0]?.message).toMatch(/never closed/);
    expect(errorsOf(importProgressionFramework('---\n---\nprose'))[0]?.message).toMatch(/empty/);
    expect(errorsOf(importProgressionFramework('---\n- a\n- b\n---\n'))[0]?.message).toMatch(/mapping/);
  });

  it('names the field when topics are missing', () => {
    const errors = errorsOf(importProgressionFramework('---\ntitle: x\nlevels: 2\n---\n'));
    expect(errors[0]?.field).toBe('topics');
    expect(errors[0]?.message).toMatch(/missing/);
  });

  it('names the field path and line of a wrong type', () => {
    const text = ['---', 'levels: 2', 'topics:', '  - name: impact', '  - name: mastery', '  - name: influence', '    content:', '      - level: two', '        criteria: "not a list"', '---'].join('\n');
    const errors = errorsOf(importProgressionFramework(text));
    const level = errors.find((e) => e.field === 'topics[2].content[0].level');
    expect(level?.message).toBe('topics[2].content[0].level: expected a level number, got "two"');
    expect(level?.line).toBe(8);
    expect(errors.find((e) => e.field === 'topics[2].content[0].criteria')?.line).toBe(9);
  });

  it('imports levels beyond the declared count with a warning, taking the levels from the content', () => {
    // Real files do this: a public framework declares `levels: 5` and uses levels 2 to 6.
    const text = fixture('level-beyond-count.md');
    const result = ok(importProgressionFramework(text, { at: AT }));
    expect(result.framework.levels.map((l) => l.code)).toEqual(['L1', 'L2', 'L3', 'L4']);
    const l4 = result.framework.levels.find((l) => l.code === 'L4')!;
    expect(result.framework.criteria.filter((c) => c.levelId === l4.id).map((c) => c.text)).toEqual(['Leads the design of a new payments system']);
    const warning = result.warnings.find((w) => w.field === 'levels');
    expect(warning?.message).toBe('levels: the front matter declares 3 levels but the topics use levels up to 4; imported 4 levels, taken from the content. Check the levels in the preview.');
    expect(warning?.line).toBe(lineOf(text, 'levels: 3'));
  });

  it('refuses a topic with neither name nor title, and a topic listed twice', () => {
    const text = ['---', 'levels: 1', 'topics:', '  - name: ""', '    title:', '  - name: impact', '  - name: Impact', '---'].join('\n');
    const errors = errorsOf(importProgressionFramework(text));
    expect(errors.map((e) => e.field)).toEqual(['topics[0].name', 'topics[2].name']);
    expect(errors[1]?.message).toMatch(/listed twice/);
  });

  it('refuses a huge input before parsing it', () => {
    const huge = `---\nlevels: 1\ntopics: []\n---\n${'x'.repeat(MAX_FRAMEWORK_FILE_BYTES)}`;
    // Speed is the benchmark's business; here: refused with the size message, not a parse error.
    const errors = errorsOf(importProgressionFramework(huge));
    expect(errors[0]?.message).toMatch(/too large/);
    expect(errors).toHaveLength(1);
    // Counted in UTF-8 bytes, not characters.
    const wide = `---\nlevels: 1\ntopics: []\n---\n${'é'.repeat(MAX_FRAMEWORK_FILE_BYTES / 2 + 1)}`;
    expect(wide.length).toBeLessThan(MAX_FRAMEWORK_FILE_BYTES);
    expect(errorsOf(importProgressionFramework(wide))[0]?.message).toMatch(/too large/);
  });

  it('refuses level numbers that are not positive whole numbers', () => {
    const text = ['---', 'levels: 3', 'topics:', '  - name: impact', '    content:', '      - level: 0', '      - level: 1.5', '---'].join('\n');
    const fields = errorsOf(importProgressionFramework(text)).map((e) => e.field);
    expect(fields).toEqual(['topics[0].content[0].level', 'topics[0].content[1].level']);
  });
});

describe('progression-framework names', () => {
  it('strips emoji decoration from titles but keeps the words', () => {
    expect(stripDecoration('🛠️ Backend Engineering Framework')).toBe('Backend Engineering Framework');
    expect(stripDecoration('👩‍💼 Leadership')).toBe('Leadership');
    expect(stripDecoration('  ✨ Influence ✨ ')).toBe('Influence');
    expect(stripDecoration('C# & .NET')).toBe('C# & .NET');
    expect(stripDecoration('1st line support')).toBe('1st line support');
  });

  it('prettifies topic names and file names', () => {
    expect(prettifyTopicName('communication')).toBe('Communication');
    expect(prettifyTopicName('comms & feedback')).toBe('Comms & feedback');
    expect(prettifyTopicName('éthique')).toBe('Éthique');
    expect(nameFromFileName('frameworks/engineering/backend-engineering.md')).toBe('Backend engineering');
  });
});
