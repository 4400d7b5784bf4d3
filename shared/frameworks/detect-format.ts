/**
 * One entry point for "the user picked a framework file": decides whether it
 * is Levelset's JSON or progression-framework Markdown and runs the matching
 * importer. The import dialog and `scripts/framework-cli.mjs` both call this,
 * so the CLI checks a file exactly as the app would read it.
 *
 * The content decides first (a JSON object vs a `---` front matter line),
 * because files get renamed; the extension only breaks ties for content that
 * looks like neither, so the error speaks about the format the user meant.
 */
import { importFrameworkJson } from './json-format';
import { fail, sizeLimitError, stripBom, type FrameworkImportResult } from './import-result';
import { importProgressionFramework, nameFromFileName, type ProgressionImportOptions } from './progression-format';

export { previewOf, type FrameworkPreview, type FrameworkPreviewLevel } from './preview';
export { MAX_FRAMEWORK_FILE_BYTES, type FrameworkImportResult, type ImportIssue } from './import-result';

export type FrameworkFileFormat = 'levelset-json' | 'progression-markdown';

/** Options passed on to the progression importer (the JSON format carries its own ids). */
export type ParseFrameworkOptions = Omit<ProgressionImportOptions, 'fileName' | 'fallbackName'>;

export function detectFrameworkFormat(text: string, fileName: string): FrameworkFileFormat | null {
  const start = stripBom(text).trimStart();
  if (start.startsWith('{')) return 'levelset-json';
  if (/^---[ \t]*(\r?\n|$)/.test(start)) return 'progression-markdown';
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'json') return 'levelset-json';
  if (ext === 'md' || ext === 'markdown' || ext === 'mdx') return 'progression-markdown';
  return null;
}

export function parseFrameworkFile(text: string, fileName: string, options: ParseFrameworkOptions = {}): FrameworkImportResult {
  const tooLarge = sizeLimitError(text);
  if (tooLarge) return fail([tooLarge]);
  switch (detectFrameworkFormat(text, fileName)) {
    case 'levelset-json':
      return importFrameworkJson(text);
    case 'progression-markdown':
      return importProgressionFramework(text, { ...options, fileName, fallbackName: nameFromFileName(fileName) });
    default:
      return fail([
        {
          message: `${fileName || 'This file'} is neither a Levelset framework (.json) nor a progression-framework Markdown file (.md starting with --- front matter).`,
          line: 1,
        },
      ]);
  }
}
