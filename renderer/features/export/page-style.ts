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

export function pageRules(header: string, footer: string): string {
  return `@page {
  size: A4;
  margin: 18mm 15mm 18mm 15mm;
  @top-left { content: ${cssString(header)}; font: 9pt system-ui, sans-serif; color: #555; }
  @bottom-left { content: ${cssString(footer)}; font: 9pt system-ui, sans-serif; color: #555; }
  @bottom-right { content: "page " counter(page) " of " counter(pages); font: 9pt system-ui, sans-serif; color: #555; }
}`;
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
