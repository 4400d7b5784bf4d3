/**
 * Issues about rows the framework editor does not show (roles, criteria of
 * missing levels, framework fields without an input): listed at the top of
 * the editor so none is hidden.
 */
import type { Framework } from '../../../../shared/domain/framework';
import type { FrameworkIssue } from '../../../../shared/frameworks/criteria-checker';
import type { IssueIndex } from './editor-context';
import { levelName } from './names';
import { levelOf } from '../../../../shared/domain/level-lookup';

/** The framework's fields the editor has an input for. */
const FRAMEWORK_FIELDS = ['name', 'description'];

export function unplacedIssues(framework: Framework, issues: IssueIndex): FrameworkIssue[] {
  const levels = new Set(framework.levels.map((l) => l.id));
  const shown = new Set<string>([
    `framework\u0000${framework.id}`,
    ...framework.tracks.map((t) => `track\u0000${t.id}`),
    ...framework.levels.map((l) => `level\u0000${l.id}`),
    ...framework.criteria.filter((c) => levels.has(c.levelId)).map((c) => `criterion\u0000${c.id}`),
    ...framework.competencies.map((c) => `competency\u0000${c.id}`),
    ...framework.equivalences.map((e) => `equivalence\u0000${e.id}`),
  ]);
  return issues.all
    .filter((i) => !shown.has(`${i.entity}\u0000${i.id}`) || (i.entity === 'framework' && !FRAMEWORK_FIELDS.includes(i.field)))
    .map((i) => (i.entity === 'criterion' ? { ...i, message: `${criterionLabel(framework, i.id)}: ${i.message}` } : i));
}

function criterionLabel(framework: Framework, criterionId: string): string {
  const criterion = framework.criteria.find((c) => c.id === criterionId);
  const level = criterion ? levelOf(framework, criterion.levelId) : undefined;
  return criterion ? `Criterion “${criterion.text.slice(0, 60)}”${level ? ` of ${levelName(level)}` : ''}` : 'A criterion';
}
