// @vitest-environment jsdom
/** A file's problems name their field once: the framework importers' messages already start with it. */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { IssueList } from '../../../renderer/components/issue-list';
import { parseFrameworkFile } from '../../../shared/frameworks/detect-format';

afterEach(() => cleanup());

describe('IssueList', () => {
  it('says a field once, whether the message names it or not', () => {
    const result = parseFrameworkFile('{"hello": 1}', 'notes.json');
    if (result.ok) throw new Error('expected a refusal');
    render(<IssueList title="Fix these problems" issues={[...result.errors, { message: 'the field to check in the file', field: 'content.packets[3]' }, { message: 'Line-only problem', line: 4 }]} />);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'format: missing; this is not a Levelset framework file (expected "format": "levelset.framework").',
      'content.packets[3] — the field to check in the file',
      'Line 4: Line-only problem',
    ]);
  });
});
