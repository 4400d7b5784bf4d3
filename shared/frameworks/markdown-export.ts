/**
 * A framework as readable Markdown: for sharing a ladder with people who do
 * not use Levelset (a wiki page, a pull request, an email). It is a document,
 * not an exchange format: the JSON export is what imports back losslessly.
 *
 * Layout: one section per track, its levels in ladder order, each with the
 * parts a good level description needs (summary, scope, autonomy, defining
 * shift, criteria grouped by competency with their examples, not yet doing,
 * examples), then cross-track equivalences and roles.
 */
import type { Competency, Criterion, Framework, Level } from '../domain/framework';
import { levelsOfTrack } from '../domain/framework';
import { capitalise } from '../util/capitalise';
import { groupBy } from '../util/group-by';

/** `<` and `>` as entities, so user text never becomes HTML where the Markdown is shown. */
function noHtml(text: string): string {
  return text.replace(/[<>]/g, (ch) => (ch === '<' ? '&lt;' : '&gt;'));
}

/** Keeps user text from turning into headings, lists or HTML when it starts a line. */
function inline(text: string): string {
  return noHtml(text.replace(/\s*\r?\n\s*/g, ' '))
    .replace(/^([#>+*-]|\d+\.)(?=\s)/, '\\$1')
    .trim();
}

function bullet(text: string, indent = ''): string {
  return `${indent}- ${inline(text)}`;
}

function levelSection(level: Level, criteria: Criterion[], competencies: Competency[]): string[] {
  const out: string[] = [];
  out.push(`### ${inline(level.code)}: ${inline(level.title)}${level.optional ? ' (optional)' : ''}`, '');
  if (level.summary.trim()) out.push(inline(level.summary), '');

  const facts: string[] = [];
  if (level.scope || level.scopeDetail.trim()) {
    facts.push(`- **Scope:** ${[level.scope ? capitalise(level.scope) : '', inline(level.scopeDetail)].filter(Boolean).join('. ')}`);
  }
  if (level.autonomy || level.autonomyDetail.trim()) {
    facts.push(`- **Autonomy:** ${[level.autonomy ? capitalise(level.autonomy) : '', inline(level.autonomyDetail)].filter(Boolean).join('. ')}`);
  }
  if (level.definingShift.trim()) facts.push(`- **Defining shift:** ${inline(level.definingShift)}`);
  if (facts.length) out.push(...facts, '');

  if (criteria.length) {
    out.push('#### Criteria', '');
    const known = new Set(competencies.map((c) => c.id));
    const groups: Array<{ name: string; items: Criterion[] }> = competencies.map((c) => ({
      name: c.name,
      items: criteria.filter((cr) => cr.competencyId === c.id),
    }));
    groups.push({ name: 'General', items: criteria.filter((cr) => cr.competencyId === null || !known.has(cr.competencyId)) });
    for (const group of groups) {
      if (group.items.length === 0) continue;
      out.push(`**${inline(group.name)}**`, '');
      for (const c of group.items) {
        out.push(bullet(c.text));
        for (const example of c.examples) out.push(bullet(`Example: ${example}`, '  '));
      }
      out.push('');
    }
  }
  if (level.notYet.length) {
    out.push('#### Not yet doing', '', ...level.notYet.map((t) => bullet(t)), '');
  }
  if (level.examples.length) {
    out.push('#### Examples', '', ...level.examples.map((t) => bullet(t)), '');
  }
  return out;
}

export function frameworkToMarkdown(framework: Framework): string {
  const out: string[] = [`# ${inline(framework.name)}`, ''];
  const meta = [`Version ${framework.version}`, framework.frozen ? 'frozen' : '', framework.source.trim() ? inline(framework.source) : ''].filter(Boolean);
  out.push(`_${meta.join(' · ')}_`, '');
  // The description keeps its Markdown (headings, lists), but like every other text no HTML: a wiki would run it.
  if (framework.description.trim()) out.push(...framework.description.trim().split(/\r?\n/).map(noHtml), '');

  const levelById = new Map(framework.levels.map((l) => [l.id, l]));
  const criteriaByLevel = groupBy(framework.criteria, (c) => c.levelId);

  if (framework.competencies.length) {
    out.push('## Competencies', '');
    for (const c of framework.competencies) out.push(bullet(c.description.trim() ? `**${inline(c.name)}**: ${inline(c.description)}` : `**${inline(c.name)}**`));
    out.push('');
  }

  for (const track of framework.tracks) {
    out.push(`## ${inline(track.name)} track`, '');
    if (track.description.trim()) out.push(inline(track.description), '');
    const levels = levelsOfTrack(framework, track.id);
    if (levels.length === 0) out.push('_No levels yet._', '');
    for (const level of levels) out.push(...levelSection(level, criteriaByLevel.get(level.id) ?? [], framework.competencies));
  }

  const trackIds = new Set(framework.tracks.map((t) => t.id));
  const orphans = framework.levels.filter((l) => !trackIds.has(l.trackId)).sort((a, b) => a.order - b.order);
  if (orphans.length) {
    out.push('## Levels without a track', '');
    for (const level of orphans) out.push(...levelSection(level, criteriaByLevel.get(level.id) ?? [], framework.competencies));
  }

  const code = (id: string) => levelById.get(id)?.code ?? `(unknown level ${id})`;
  if (framework.equivalences.length) {
    out.push('## Equivalences', '');
    for (const e of framework.equivalences) {
      out.push(bullet(`${code(e.levelIds[0])} ≈ ${code(e.levelIds[1])}${e.note.trim() ? `: ${e.note}` : ''}`));
    }
    out.push('');
  }

  if (framework.roles.length) {
    out.push('## Roles', '', '_A role is held on top of a level; it is not a level of its own._', '');
    for (const role of framework.roles) {
      out.push(`### ${inline(role.name)}`, '');
      if (role.description.trim()) out.push(inline(role.description), '');
      if (role.levelIds.length) out.push(`Held at: ${role.levelIds.map(code).map(inline).join(', ')}`, '');
    }
  }

  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
