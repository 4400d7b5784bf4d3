import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { levelsOfTrack, type Framework } from '../../../shared/domain/framework';
import { ic0M3Levels, streamsEngineeringArchitectureManagement } from '../../../shared/frameworks/builtin';
import { detectFrameworkFormat, parseFrameworkFile, previewOf, type FrameworkImportResult } from '../../../shared/frameworks/detect-format';
import { exportFrameworkJson } from '../../../shared/frameworks/json-format';
import { frameworkToMarkdown } from '../../../shared/frameworks/markdown-export';
import { materializeBuiltIn } from '../../../shared/frameworks/materialize';

const AT = '2025-01-01T00:00:00.000Z';
const monzo = readFileSync(fileURLToPath(new URL('../../fixtures/frameworks/monzo-backend.md', import.meta.url)), 'utf8');

function frameworkOf(result: FrameworkImportResult): Framework {
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.framework;
}

describe('parseFrameworkFile', () => {
  const builtIn = materializeBuiltIn(ic0M3Levels, AT);
  const json = exportFrameworkJson(builtIn, AT);

  it('detects the format by content first, then by extension', () => {
    expect(detectFrameworkFormat(json, 'framework.json')).toBe('levelset-json');
    expect(detectFrameworkFormat(json, 'renamed.md')).toBe('levelset-json');
    expect(detectFrameworkFormat(monzo, 'backend.md')).toBe('progression-markdown');
    expect(detectFrameworkFormat(monzo, 'backend.txt')).toBe('progression-markdown');
    expect(detectFrameworkFormat('not json', 'broken.json')).toBe('levelset-json');
    expect(detectFrameworkFormat('# Prose only', 'notes.md')).toBe('progression-markdown');
    expect(detectFrameworkFormat('hello', 'notes.txt')).toBeNull();
  });

  it('imports both formats through one entry point', () => {
    expect(frameworkOf(parseFrameworkFile(json, 'framework.json'))).toEqual(builtIn);
    const fromMarkdown = frameworkOf(parseFrameworkFile(monzo, 'backend.md', { at: AT }));
    expect(previewOf(fromMarkdown).levels).toHaveLength(6);
    expect(fromMarkdown.source).toContain('backend.md');
  });

  it('uses the file name when the Markdown has no title', () => {
    const untitled = monzo.replace(/^title: .*$/m, '').replace(/^sidebarTitle: .*$/m, '');
    expect(frameworkOf(parseFrameworkFile(untitled, 'platform-engineering.md', { at: AT })).name).toBe('Platform engineering');
  });

  it('explains what it expected when the file is neither', () => {
    const result = parseFrameworkFile('hello', 'notes.txt');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/neither a Levelset framework/);
    const md = parseFrameworkFile('# Prose only', 'notes.md');
    if (md.ok) throw new Error('expected an error');
    expect(md.errors[0]?.message).toMatch(/No front matter/);
  });

  it('says to import the JSON export when given a Markdown export of its own', () => {
    const exported = parseFrameworkFile(frameworkToMarkdown(builtIn), 'ladder.md');
    if (exported.ok) throw new Error('expected an error');
    expect(exported.errors[0]?.message).toContain('A Markdown file exported from Levelset is for reading and does not import back: import the same framework’s JSON export instead.');
  });
});

describe('frameworkToMarkdown', () => {
  it('writes every track with its levels in ladder order and their parts', () => {
    const framework = materializeBuiltIn(ic0M3Levels, AT);
    const md = frameworkToMarkdown(framework);
    expect(md.startsWith(`# ${framework.name}\n`)).toBe(true);
    for (const track of framework.tracks) {
      expect(md).toContain(`## ${track.name} track`);
      const headings = levelsOfTrack(framework, track.id).map((l) => md.indexOf(`### ${l.code}: ${l.title}`));
      expect(headings.every((i) => i > 0)).toBe(true);
      expect([...headings].sort((a, b) => a - b)).toEqual(headings);
    }
    const ic3 = framework.levels.find((l) => l.code === 'IC3');
    if (!ic3) throw new Error('IC3 missing');
    expect(md).toContain(ic3.summary);
    expect(md).toContain(`**Scope:** ${ic3.scope?.charAt(0).toUpperCase()}`);
    expect(md).toContain(`**Defining shift:** ${ic3.definingShift}`);
    for (const notYet of ic3.notYet) expect(md).toContain(`- ${notYet}`);
    for (const c of framework.criteria) expect(md).toContain(`- ${c.text}`);
    expect(md).toContain('#### Not yet doing');
    expect(md).toContain('## Equivalences');
    expect(md).toContain('- IC4 ≈ M2');
  });

  it('groups criteria under their competency and keeps examples', () => {
    const framework = frameworkOf(parseFrameworkFile(monzo, 'backend.md', { at: AT }));
    const md = frameworkToMarkdown(framework);
    const level4 = md.slice(md.indexOf('### L4: Level 4'), md.indexOf('### L5: Level 5'));
    expect(level4.indexOf('**Communication**')).toBeLessThan(level4.indexOf('**Mastery**'));
    expect(level4).toContain('- Implements services or libraries that require a deep level of domain knowledge\n  - Example: Mastercard message parsing');
  });

  it('lists roles with the levels they are held at', () => {
    const framework = materializeBuiltIn(streamsEngineeringArchitectureManagement, AT);
    const md = frameworkToMarkdown(framework);
    expect(md).toContain('## Roles');
    for (const role of framework.roles) expect(md).toContain(`### ${role.name}`);
  });

  it('keeps user text from becoming Markdown structure', () => {
    const framework = materializeBuiltIn(ic0M3Levels, AT);
    const edited: Framework = {
      ...framework,
      criteria: framework.criteria.map((c, i) => (i === 0 ? { ...c, text: '# not a heading\n<script>x</script>' } : c)),
    };
    const md = frameworkToMarkdown(edited);
    expect(md).toContain('- \\# not a heading &lt;script&gt;x&lt;/script&gt;');
    expect(md).not.toContain('<script>');
  });

  it('keeps the description’s Markdown but none of its HTML, as every other text', () => {
    const framework = { ...materializeBuiltIn(ic0M3Levels, AT), description: '## About\n- <img src=x onerror=alert(1)> first\nPlain <b>bold</b>.' };
    const md = frameworkToMarkdown(framework);
    expect(md).toContain('## About\n- &lt;img src=x onerror=alert(1)&gt; first\nPlain &lt;b&gt;bold&lt;/b&gt;.');
    expect(md).not.toMatch(/<img|<b>/);
  });
});
