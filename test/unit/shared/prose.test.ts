/** A framework description written in Markdown, as plain blocks (shared/util/prose.ts), hand-checked. */
import { describe, expect, it } from 'vitest';
import { proseBlocks } from '../../../shared/util/prose';

describe('proseBlocks', () => {
  it('turns headings, lists and paragraphs into blocks, marks off and line breaks inside a paragraph joined', () => {
    const source = [
      '### About our **engineering** frameworks',
      'The framework is a tool that helps',
      'engineers and managers:',
      '- make _development_ plans',
      '* talk about `levels` consistently',
      '  across teams',
      '1. set [fair pay](https://example.invalid/pay).',
      '',
      'The framework is a compass, not a GPS.',
    ].join('\n');
    expect(proseBlocks(source)).toEqual([
      { kind: 'heading', text: 'About our engineering frameworks' },
      { kind: 'paragraph', text: 'The framework is a tool that helps engineers and managers:' },
      { kind: 'list', items: ['make development plans', 'talk about levels consistently across teams', 'set fair pay (https://example.invalid/pay).'] },
      { kind: 'paragraph', text: 'The framework is a compass, not a GPS.' },
    ]);
  });

  it('keeps markup as text and words that merely contain underscores or stars', () => {
    expect(proseBlocks('<script>alert(1)</script> snake_case_name and 2*3*4')).toEqual([{ kind: 'paragraph', text: '<script>alert(1)</script> snake_case_name and 2*3*4' }]);
  });

  it('gives a link its web address as text after it (not a link), unless the text already says it; other addresses and images give their words only', () => {
    expect(proseBlocks('See [the guide](https://example.invalid/guide "Guide") and [example.invalid](https://example.invalid/).')).toEqual([
      { kind: 'paragraph', text: 'See the guide (https://example.invalid/guide) and example.invalid.' },
    ]);
    expect(proseBlocks('[run it](javascript:void) [mail](mailto:a@example.invalid) ![a ladder](https://example.invalid/l.png) [](https://example.invalid/x)')).toEqual([
      { kind: 'paragraph', text: 'run it mail a ladder https://example.invalid/x' },
    ]);
  });

  it('gives nothing for blank prose', () => {
    expect(proseBlocks('\n  \n')).toEqual([]);
  });
});
