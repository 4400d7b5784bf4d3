/**
 * Page header and footer for printing: CSS page margin boxes (Chromium
 * prints them in window.print, page.pdf and Electron's printToPDF alike)
 * with the cycle and session on top and "Confidential · date · page N of M"
 * below. The text is user data, so every character outside a small safe set
 * is written as a CSS escape: nothing in a name can end the string.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const ch of text) out += /[A-Za-z0-9 .,:()–-]/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `;
  return `${out}"`;
}

export function pageRules(header: string, footer: string, candidates: readonly string[] = []): string {
  return [
    `@page {
  size: A4;
  margin: 18mm 15mm 18mm 15mm;
  @top-left { content: ${cssString(header)}; font: 9pt system-ui, sans-serif; color: #555; }
  @bottom-left { content: ${cssString(footer)}; font: 9pt system-ui, sans-serif; color: #555; }
  @bottom-right { content: "page " counter(page) " of " counter(pages); font: 9pt system-ui, sans-serif; color: #555; }
}`,
    ...candidates.map((name, i) => candidatePageRule(name, i)),
  ].join('\n');
}

/**
 * Each candidate's pages name the candidate at the top right (a named page per candidate, CSS Paged Media): a page a
 * candidate's next steps ran onto said only the cycle and session, so a loose sheet could not be told apart (a trial).
 * The section carries `data-print-page` (candidate-page.tsx).
 */
function candidatePageRule(name: string, index: number): string {
  return `@page candidate-${index} { @top-right { content: ${cssString(name)}; font: 9pt system-ui, sans-serif; color: #555; } }
.print-candidate[data-print-page="${index}"] { page: candidate-${index}; }`;
}

/**
 * Applies the rules through a constructed stylesheet: the app's CSP allows
 * no inline <style>, and the sheet is removed when the print view closes.
 */
export function applyPageRules(rules: string): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(rules);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}
