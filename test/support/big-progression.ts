/**
 * Generated progression-framework files of any size, for the parsing-speed
 * test and benchmark (issue 12 measured 13 s for a 1.66 MB file with 20,000
 * topics). Each topic has one level with one criterion, like a fork that
 * lists a long flat catalogue of skills; with `withoutCriteria` every topic
 * lists none, so the importer warns once per topic (each warning names a
 * line, which is what used to make parsing quadratic).
 *
 * Layout, for hand-computed line numbers: lines 1–4 are `---`, the title,
 * `levels:` and `topics:`; then each topic takes 5 lines (2 without criteria).
 */
export function bigProgressionFile(topics: number, options: { levels?: number; withoutCriteria?: boolean } = {}): string {
  const levels = options.levels ?? 5;
  const out: string[] = ['---', 'title: "Generated framework"', `levels: ${levels}`, 'topics:'];
  for (let i = 0; i < topics; i++) {
    if (options.withoutCriteria) out.push(`  - name: t${i}`, '    content: []');
    else out.push(`  - name: t${i}`, '    content:', `      - level: ${(i % levels) + 1}`, '        criteria:', `          - Does ${i}`);
  }
  out.push('---', '', 'A generated framework.', '');
  return out.join('\n');
}
