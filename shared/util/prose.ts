/**
 * Prose written in Markdown (a framework's description, as the
 * progression-framework files carry it) as plain blocks a view renders as
 * text: headings, list items and paragraphs, with the marks people write
 * around words ("**", "_", backticks, "[text](url)") taken off. Nothing here
 * becomes HTML: a view puts each block's text into an element as text, so
 * markup in the source shows as written, never runs. A link keeps its text
 * and, when it is a web address the text does not already say, the address
 * as text after it, "fair pay (https://…)", so a reader can see where it
 * pointed; it never becomes a link (no user-entered URL does). An image
 * keeps its description.
 */
export type ProseBlock = { kind: 'heading' | 'paragraph'; text: string } | { kind: 'list'; items: string[] };

/** A link's text, with its address after it when that is a web address the text does not already give. */
function linkText(text: string, address: string): string {
  const url = address.trim().split(/\s+/)[0] ?? '';
  if (!/^https?:\/\/\S+$/i.test(url)) return text;
  const bare = url.replace(/^https?:\/\//i, '').replace(/\/$/, '');
  return text.trim() === '' ? url : text.includes(bare) || text === url ? text : `${text} (${url})`;
}

/** Emphasis, code and link marks off; the words stay. */
function plain(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, (_, words: string, address: string) => linkText(words, address))
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])[*_](?=\S)([^*_]+?)(?<=\S)[*_](?![\w*])/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .trim();
}

export function proseBlocks(source: string): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  let paragraph: string[] = [];
  let list: string[] | null = null;
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: plain(paragraph.join(' ')) });
    paragraph = [];
  };
  const endList = () => {
    if (list && list.length > 0) blocks.push({ kind: 'list', items: list });
    list = null;
  };
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trim();
    const heading = /^#{1,6}\s+(.*?)\s*#*$/.exec(line);
    const item = /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (line === '') {
      endParagraph();
      endList();
    } else if (heading) {
      endParagraph();
      endList();
      blocks.push({ kind: 'heading', text: plain(heading[1] ?? '') });
    } else if (item) {
      endParagraph();
      (list ??= []).push(plain(item[1] ?? ''));
    } else if (list && /^\s/.test(raw) && list.length > 0) {
      // An indented line continues the list item above it.
      list[list.length - 1] = plain(`${list[list.length - 1]} ${line}`);
    } else {
      endList();
      paragraph.push(line);
    }
  }
  endParagraph();
  endList();
  return blocks.filter((b) => b.kind === 'list' || b.text !== '');
}
