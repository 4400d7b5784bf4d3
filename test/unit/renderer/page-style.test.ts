import { describe, expect, it } from 'vitest';
import { cssString, pageRules } from '../../../renderer/features/export/page-style';

describe('print page rules', () => {
  it('escapes user text so it cannot end the CSS string or add rules', () => {
    const hostile = 'Q4 "} body { display:none } @import url(x); \\ \n </style>';
    const css = cssString(hostile);
    expect(css.startsWith('"') && css.endsWith('"')).toBe(true);
    expect(css.slice(1, -1)).not.toMatch(/["{};@\n<>]/);
    // The escapes decode back to the original text.
    const decoded = css.slice(1, -1).replace(/\\([0-9a-f]+) /g, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
    expect(decoded).toBe(hostile);
  });

  it('puts the header, the confidentiality footer and page N of M in the page margins', () => {
    const rules = pageRules('2026 H2 cycle · Week 1', 'Confidential · 2026-11-23');
    expect(rules).toContain('size: A4');
    expect(rules).toContain('@top-left');
    expect(rules).toContain('"page " counter(page) " of " counter(pages)');
  });

  it('names each candidate at the top of their own pages, with the name escaped like the header', () => {
    const rules = pageRules('Cycle · Week 1', 'Confidential', ['Lars Karimi', 'Q "} @page {']);
    expect(rules).toContain(`@page candidate-0 { @top-right { content: ${cssString('Lars Karimi')};`);
    expect(rules).toContain('.print-candidate[data-print-page="0"] { page: candidate-0; }');
    expect(rules).toContain(`@page candidate-1 { @top-right { content: ${cssString('Q "} @page {')};`);
    expect(rules.match(/@page candidate-/g)).toHaveLength(2);
    // Without candidates (a packet), no named page.
    expect(pageRules('a', 'b')).not.toContain('candidate-');
  });
});
