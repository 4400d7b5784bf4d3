/** Brag-document parsing: dates in every accepted form, headings, nesting, links, kinds and limits. */
import { describe, expect, it } from 'vitest';
import { MAX_BRAG_DOC_BYTES, MAX_BRAG_DOC_ITEMS, guessEvidenceKind, parseBragDocument, type BragItem } from '../../../shared/packets/brag-doc';

/** A date as a screen in an en-GB locale shows it, standing in for the renderer's formatDate. */
const SHOW_DATE = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
const DEFAULT = { defaultDate: '2026-09-15', showDate: SHOW_DATE };

function parse(text: string): { items: BragItem[]; warnings: Array<{ line: number; message: string }> } {
  const result = parseBragDocument(text, DEFAULT);
  if (!result.ok) throw new Error(result.error);
  return result;
}

function one(text: string): BragItem {
  const { items } = parse(text);
  expect(items).toHaveLength(1);
  const [item] = items;
  if (!item) throw new Error('no item');
  return item;
}

describe('parseBragDocument: bullets', () => {
  it('makes one item per bullet of every marker, with line numbers, ignoring other lines', () => {
    const text = ['My brag doc', '', '- dash item', '* star item', '+ plus item', '1. numbered item', '2) other numbered item', 'A paragraph line.', '-not a bullet', '---', '- [x] ticked task item'].join('\n');
    const { items } = parse(text);
    expect(items.map((i) => [i.line, i.title])).toEqual([
      [3, 'dash item'],
      [4, 'star item'],
      [5, 'plus item'],
      [6, 'numbered item'],
      [7, 'other numbered item'],
      [11, 'ticked task item'],
    ]);
  });

  it('appends nested bullets and continuation lines to the parent’s description', () => {
    const text = ['- Shipped checkout v2', '  - cut abandonment from 15% to 10%', '    - measured over 6 weeks', '  wrapped detail line', '- Second item', '\t- tab-nested child'].join('\r\n');
    const { items } = parse(text);
    expect(items).toHaveLength(2);
    expect(items[0]?.description).toBe('- cut abandonment from 15% to 10%\n- measured over 6 weeks\nwrapped detail line');
    expect(items[1]?.description).toBe('- tab-nested child');
  });

  it('ignores bullets inside code fences and empty bullets', () => {
    const { items } = parse(['```', '- not evidence', '```', '- ', '- real'].join('\n'));
    expect(items.map((i) => i.title)).toEqual(['real']);
  });

  it('returns no items for text without bullets', () => {
    expect(parse('Just a paragraph.\n\nAnother.').items).toEqual([]);
    expect(parse('').items).toEqual([]);
  });

  it('clips a long bullet to a 300-character title and keeps the full text in the description', () => {
    const long = 'Shipped '.padEnd(400, 'x');
    const item = one(`- ${long}`);
    expect(item.title).toHaveLength(300);
    expect(item.title.endsWith('…')).toBe(true);
    expect(item.description).toBe(long);
  });

  it('strips emphasis markers from titles', () => {
    expect(one('- **Led** the `billing` redesign').title).toBe('Led the billing redesign');
    expect(one('- Shipped _search_ and *ranking* (with __Ana__)').title).toBe('Shipped search and ranking (with Ana)');
  });

  it('keeps markers that are part of a word', () => {
    expect(one('- Renamed user_id_field to account_id').title).toBe('Renamed user_id_field to account_id');
    expect(one('- Cut p99 by 2*3 ms').title).toBe('Cut p99 by 2*3 ms');
  });
});

describe('parseBragDocument: dates', () => {
  it.each([
    ['2026-03-14: Shipped search', '2026-03-14', 'Shipped search'],
    ['Shipped search (2026-03-14)', '2026-03-14', 'Shipped search'],
    ['14 Mar 2026 — Shipped search', '2026-03-14', 'Shipped search'],
    ['Shipped search, 3rd March 2026', '2026-03-03', 'Shipped search'],
    ['Mar 14, 2026: Shipped search', '2026-03-14', 'Shipped search'],
    ['March 2026: Shipped search', '2026-03-01', 'Shipped search'],
    ['Shipped search in Sept 2025', '2025-09-01', 'Shipped search'],
    ['Planned roadmap item for 2026-12-20', '2026-12-20', 'Planned roadmap item'],
    ['Shipped search, due 2026-03-14', '2026-03-14', 'Shipped search'],
    ['2026-03: Shipped search', '2026-03-01', 'Shipped search'],
    ['Q2 2026: Shipped search', '2026-04-01', 'Shipped search'],
    ['2026 Q2 - Shipped search', '2026-04-01', 'Shipped search'],
    ['Shipped search 2025-Q4', '2025-10-01', 'Shipped search'],
    // Numbers with slashes, dots or dashes: the one over 12 is the day, whichever comes first.
    ['3/28/2026: Shipped search', '2026-03-28', 'Shipped search'],
    ['Shipped search (14/03/2026)', '2026-03-14', 'Shipped search'],
    ['28.03.2026 Shipped search', '2026-03-28', 'Shipped search'],
    ['Shipped search 28-3-2026', '2026-03-28', 'Shipped search'],
    ['2026/07/08: Shipped search', '2026-07-08', 'Shipped search'],
    ['5/5/2026: Shipped search', '2026-05-05', 'Shipped search'],
    // The words after a leading date start the title.
    ['3/28/2026: ran the first team retro', '2026-03-28', 'Ran the first team retro'],
    ['2026-03-14 — *shipped* search', '2026-03-14', 'Shipped search'],
    ['2026-03-14: iOS release train', '2026-03-14', 'iOS release train'],
  ])('reads the date in "%s"', (bullet, date, title) => {
    const item = one(`- ${bullet}`);
    expect(item.date).toBe(date);
    expect(item.dateSource).toBe('bullet');
    expect(item.title).toBe(title);
  });

  it('leaves a date in the middle of a bullet in the title', () => {
    const item = one('- Shipped search on 2026-03-14 for the EU region');
    expect(item.date).toBe('2026-03-14');
    expect(item.title).toBe('Shipped search on 2026-03-14 for the EU region');
  });

  it('takes the date from the nearest dated heading, and the default otherwise', () => {
    const text = [
      '- before any heading',
      '## March 2026',
      '- under March',
      '### Projects',
      '- under Projects, still March',
      '- with its own date 2026-03-20',
      '## Q3 2026',
      '- under Q3',
      '## Other things',
      '- under an undated heading',
    ].join('\n');
    const { items } = parse(text);
    expect(items.map((i) => [i.title, i.date, i.dateSource])).toEqual([
      ['before any heading', '2026-09-15', 'default'],
      ['under March', '2026-03-01', 'heading'],
      ['under Projects, still March', '2026-03-01', 'heading'],
      ['with its own date', '2026-03-20', 'bullet'],
      ['under Q3', '2026-07-01', 'heading'],
      ['under an undated heading', '2026-09-15', 'default'],
    ]);
  });

  it('reads month-only headings under a year heading', () => {
    const { items } = parse(['# 2025', '- year only is not a date', '## November', '- in November', '## May', '- in May'].join('\n'));
    expect(items.map((i) => [i.date, i.dateSource])).toEqual([
      ['2026-09-15', 'default'],
      ['2025-11-01', 'heading'],
      ['2025-05-01', 'heading'],
    ]);
  });

  it('warns about an impossible date and falls back', () => {
    const { items, warnings } = parse('## April 2026\n- Shipped on 2026-02-30');
    expect(items[0]?.date).toBe('2026-04-01');
    expect(items[0]?.dateSource).toBe('heading');
    expect(warnings).toEqual([{ line: 2, message: expect.stringContaining('2026-02-30') }]);
  });

  it('warns about a YYYY-MM-DD date with no such month (2026-13-45), which took the default date in silence, and reads 1234-56 as a number', () => {
    const { items, warnings } = parse('## April 2026\n- 2026-13-45 Invalid date item\n- Ticket 1234-56 closed');
    expect(items[0]).toMatchObject({ date: '2026-04-01', dateSource: 'heading' });
    expect(warnings).toEqual([
      { line: 2, message: 'The date "2026-13-45" was not used: “2026-13-45” is not a real calendar date. Type it as YYYY-MM-DD, for example 2026-03-14. The item takes the heading’s or the default date instead; correct it below.' },
    ]);
    expect(items[1]).toMatchObject({ date: '2026-04-01', dateSource: 'heading' });
  });

  it('does not guess "3/4/2026" (3 April or March 4): it warns, names both, and falls back', () => {
    // The slash dates used to be passed over in silence: the bullet took today's date, in a quarter of its own.
    const { items, warnings } = parse('## April 2026\n- 3/4/2026: ran the first team retro');
    expect(items[0]).toMatchObject({ date: '2026-04-01', dateSource: 'heading' });
    expect(warnings).toEqual([{ line: 2, message: 'The date "3/4/2026" was not used: it could be 3 April or March 4. Write it as YYYY-MM-DD. The item takes the heading’s or the default date instead; correct it below.' }]);
  });

  it('warns about a slash date that is no date (31/2/2026) and reads no date in 13/14/2026', () => {
    expect(parse('- 31/2/2026 shipped').warnings).toEqual([
      { line: 1, message: expect.stringContaining('2026-02-31') },
      { line: 1, message: expect.stringContaining('no date of its own') },
    ]);
    const { items, warnings } = parse('- Ticket 13/14/2026 closed');
    expect(items[0]?.dateSource).toBe('default');
    expect(warnings).toEqual([{ line: 1, message: 'This bullet has no date of its own or from a heading above: it takes 15 Sept 2026, which puts it in that quarter. Set the date below, or leave it out.' }]);
  });

  it('says once which bullets took the default date, since that date puts them in a quarter', () => {
    // Lines 2 and 4 have no date; line 3 has its own; the ones under "## May 2026" (line 6) take the heading's.
    const { items, warnings } = parse(['# Brag', '- Ran the retro', '- 2026-03-02 shipped search', '- Mentored Ada', '', '## May 2026', '- Led the incident review'].join('\n'));
    expect(items.map((i) => i.dateSource)).toEqual(['default', 'bullet', 'default', 'heading']);
    expect(warnings).toEqual([
      { line: 2, message: '2 bullets (lines 2, 4) have no date of their own or from a heading above: they take 15 Sept 2026, which puts them in that quarter. Set the date below, or leave them out.' },
    ]);
    expect(parse('- 2026-03-02 shipped search').warnings).toEqual([]);
  });

  it('names the default date as the app shows dates (showDate), not as stored', () => {
    const result = parseBragDocument('- Ran the retro', { defaultDate: '2026-09-15', showDate: (date) => `<${date}>` });
    expect(result.ok && result.warnings.map((w) => w.message)).toEqual([expect.stringContaining('it takes <2026-09-15>, which puts it in that quarter')]);
    for (const w of parse('- Ran the retro\n- Mentored Ada').warnings) expect(w.message).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('does not take a date out of a URL', () => {
    const item = one('- Wrote the post https://blog.example.com/2024-01-05/post');
    expect(item.dateSource).toBe('default');
    expect(item.links).toEqual(['https://blog.example.com/2024-01-05/post']);
  });

  it('refuses a default date that is not a date', () => {
    expect(parseBragDocument('- x', { ...DEFAULT, defaultDate: '2026-02-30' })).toEqual({ ok: false, error: expect.stringContaining('2026-02-30') });
  });
});

describe('parseBragDocument: links', () => {
  it('keeps http(s) links, bare, in Markdown or in angle brackets, deduplicated, including nested ones', () => {
    const text = [
      '- Shipped [search](https://github.com/acme/search/pull/12) and see https://docs.example.com/search. Also <http://wiki.example.com/s>',
      '  - follow-up [again](https://github.com/acme/search/pull/12) and https://github.com/acme/search/pull/13',
    ].join('\n');
    const item = one(text);
    expect(item.title).toBe('Shipped search and see. Also');
    expect(item.links).toEqual([
      'https://github.com/acme/search/pull/12',
      'https://docs.example.com/search',
      'http://wiki.example.com/s',
      'https://github.com/acme/search/pull/13',
    ]);
  });

  it('refuses javascript:, data: and file: links with a warning, keeping the label', () => {
    const { items, warnings } = parse(['- Click [here](javascript:alert(1)) now', '- [doc](data:text/html,hi) and [f](file:///etc/passwd) and <javascript:alert(2)>'].join('\n'));
    expect(items.map((i) => i.links)).toEqual([[], []]);
    expect(items[0]?.title).toContain('here');
    const refused = warnings.filter((w) => !w.message.includes('no date of'));
    expect(refused.map((w) => w.line)).toEqual([1, 2, 2, 2]);
    expect(refused[0]?.message).toMatch(/only http and https/);
  });

  it('refuses look-alike links with credentials', () => {
    const { items, warnings } = parse('- [pr](https://github.com@evil.test/x)');
    expect(items[0]?.links).toEqual([]);
    expect(warnings.filter((w) => !w.message.includes('no date of'))).toHaveLength(1);
  });

  // A manager's trial: these links were cut at their first ")" and the rest left in the title, without a word.
  it('keeps parentheses inside a link, bare or in Markdown, and leaves no brackets behind in the title', () => {
    const bare = one('- Wrote the RFC (https://en.wikipedia.org/wiki/Consensus_(computer_science)) for leader election');
    expect(bare.links).toEqual(['https://en.wikipedia.org/wiki/Consensus_(computer_science)']);
    expect(bare.title).toBe('Wrote the RFC for leader election');
    const md = one('- See [design](https://example.com/a_(b)) and more');
    expect(md.links).toEqual(['https://example.com/a_(b)']);
    expect(md.title).toBe('See design and more');
    // A sentence's own closing bracket after a bare URL is not part of it.
    expect(one('- Shipped it (see https://example.com/x).').links).toEqual(['https://example.com/x']);
  });

  it('refuses a javascript: link with parentheses whole, and keeps its label clean', () => {
    const { items, warnings } = parse('- Read the outage [notes](javascript:alert(1)) here');
    expect(items[0]?.links).toEqual([]);
    expect(items[0]?.title).toBe('Read the outage notes here');
    expect(warnings.find((w) => w.message.startsWith('Left out'))?.message).toBe('Left out the link "javascript:alert(1)": only http and https links are kept.');
  });

  it('uses the link as the title when the bullet is only a link', () => {
    expect(one('- https://github.com/acme/search/pull/12').title).toBe('https://github.com/acme/search/pull/12');
  });
});

describe('parseBragDocument: kind guess', () => {
  it.each([
    ['Led the postmortem for the checkout outage', 'incident'],
    ['Was on-call and fixed the sev-1', 'incident'],
    ['Mentored Ana through her first design doc', 'mentoring'],
    ['Onboarded two new hires', 'mentoring'],
    ['Got kudos from the payments team', 'feedback'],
    ['Wrote the RFC for the event bus', 'design'],
    ['Design doc for sharding', 'design'],
    ['Shipped checkout v2', 'project'],
    ['Migrated billing to Postgres', 'project'],
    ['Gave a talk at the company meetup', 'other'],
  ])('guesses "%s" as %s', (text, kind) => {
    expect(guessEvidenceKind(text)).toBe(kind);
    expect(one(`- ${text}`).kind).toBe(kind);
  });

  it('looks at nested bullets too but not at words inside URLs', () => {
    expect(one('- Q1 highlights\n  - mentored two engineers').kind).toBe('mentoring');
    expect(one('- See https://tools.example.com/incident-tracker').kind).toBe('other');
  });
});

describe('parseBragDocument: limits', () => {
  it(`accepts ${MAX_BRAG_DOC_ITEMS} items and refuses one more with a clear error`, () => {
    const bullets = (n: number) => Array.from({ length: n }, (_, i) => `- item ${i + 1}`).join('\n');
    const ok = parseBragDocument(bullets(MAX_BRAG_DOC_ITEMS), DEFAULT);
    expect(ok.ok && ok.items.length).toBe(500);
    const tooMany = parseBragDocument(bullets(MAX_BRAG_DOC_ITEMS + 1), DEFAULT);
    expect(tooMany).toEqual({ ok: false, error: expect.stringMatching(/more than 500 bullets.*line 501.*in parts/) });
  });

  it('does not count nested bullets towards the item limit', () => {
    const text = Array.from({ length: 300 }, (_, i) => `- item ${i}\n  - detail`).join('\n');
    expect(parse(text).items).toHaveLength(300);
  });

  // Each of these takes minutes with a backtracking pattern and milliseconds with a linear one;
  // the test runner's default timeout is the guard, not a measured time.
  it.each([
    ['unclosed Markdown links', '- ' + '[a]('.repeat(150_000)],
    ['unclosed brackets', '- ' + '['.repeat(600_000)],
    ['unclosed autolinks', '- ' + '<a:'.repeat(200_000)],
    ['URLs inside URLs', '- ' + 'http://a=http://a?'.repeat(40_000)],
    ['a URL of unclosed brackets', '- http://a/' + '(a'.repeat(300_000)],
    ['a URL of bracket pairs ending in a full stop', '- http://a/' + '(a)'.repeat(200_000) + '.'],
    ['a Markdown target of unclosed brackets', '- [a](http://a/' + '(a'.repeat(300_000)],
    ['a long run of separators', '- a' + ' -'.repeat(300_000) + 'b'],
    ['a heading of hashes', '# ' + '# '.repeat(300_000) + 'x'],
    // A security trial: 128 KB froze the page for 12 s, the two runs of spaces around an empty link target each backtracking.
    ['spaces in an unclosed Markdown link', '- 2026-03-01 [design](' + ' '.repeat(400_000) + 'x'],
  ])('stays linear on hostile input: %s', (_name, text) => {
    expect(parseBragDocument(text, DEFAULT).ok).toBe(true);
  });

  it('reads a dated heading written with closing hashes', () => {
    const { items } = parse(['## March 2026 ##', '- a', '## Learning C#', '- b'].join('\n'));
    expect(items.map((i) => i.dateSource)).toEqual(['heading', 'default']);
  });

  it('refuses text over 1 MB before reading it', () => {
    expect(MAX_BRAG_DOC_BYTES).toBe(1024 * 1024);
    const big = `- one\n${'x'.repeat(MAX_BRAG_DOC_BYTES)}`;
    expect(parseBragDocument(big, DEFAULT)).toEqual({ ok: false, error: expect.stringMatching(/too long.*limit is 1\.0 MB/) });
    // Multi-byte text is measured in UTF-8 bytes, not characters: 400k "é" is 800 KB, 600k is 1.2 MB.
    expect(parseBragDocument(`- ${'é'.repeat(400_000)}`, DEFAULT).ok).toBe(true);
    expect(parseBragDocument(`- ${'é'.repeat(600_000)}`, DEFAULT).ok).toBe(false);
  });
});
