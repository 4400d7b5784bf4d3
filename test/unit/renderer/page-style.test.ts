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
});
