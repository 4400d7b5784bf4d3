/** User-facing wording: counts in words, nouns not said twice, no "(s)" plurals anywhere in the app's text. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withRole } from '../../../shared/calibration/pseudonyms';
import { plural } from '../../../shared/util/plural';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The pieces of a source line that are text a person reads. */
function textOf(line: string): string[] {
  const quoted = /`[^`]*`|'[^']*'|"[^"]*"/g;
  const literals = [...line.matchAll(quoted)].map((m) => m[0]);
  // JSX text: between a tag or a brace and the next one, in what is left once literals are out; comparisons are code.
  const jsx = [...line.replace(quoted, '""').matchAll(/[>}][^<>{}]*[<{]/g)].map((m) => m[0]).filter((t) => !/[=&|]/.test(t));
  return [...literals, ...jsx];
}

describe('plural', () => {
  it('says "1 packet" and "2 packets", and irregular plurals when given', () => {
    expect(plural(1, 'packet')).toBe('1 packet');
    expect(plural(2, 'packet')).toBe('2 packets');
    expect(plural(0, 'packet')).toBe('0 packets');
    expect(plural(3, 'evidence item')).toBe('3 evidence items');
    expect(plural(2, 'summary', 'summaries')).toBe('2 summaries');
    expect(plural(1200, 'candidate')).toBe('1,200 candidates');
  });

  it('is used instead of "(s)" in every piece of the app’s text', () => {
    const root = join(__dirname, '../../..');
    const offenders = ['renderer', 'shared', 'electron'].flatMap((dir) =>
      sourceFiles(join(root, dir)).flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${file.slice(root.length + 1)}:${i + 1}` }))
          // "(s)" after a letter inside text: string and template literals, and JSX text between tags and braces ("{n} packet(s) as").
          .filter(({ line }) => !/^\s*(\/\/|\*|\/\*)/.test(line) && textOf(line).some((text) => /[a-z]\(s\)/.test(text.replace(/http\(s\)/g, ''))))
          .map(({ at }) => at),
      ),
    );
    expect(offenders).toEqual([]);
  });
});

describe('withRole', () => {
  it('does not say the role twice for a pseudonym that already names it', () => {
    expect(withRole('manager', 'Manager Baobab')).toBe('Manager Baobab');
    expect(withRole('team', 'Team Quartz')).toBe('Team Quartz');
    expect(withRole('manager', 'Jo Park')).toBe('manager Jo Park');
    expect(withRole('team', 'Growth')).toBe('team Growth');
  });
});
