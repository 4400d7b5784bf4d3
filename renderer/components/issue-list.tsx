import type { ImportIssue } from '../../shared/frameworks/import-result';

/** Whether the message already names its field, as the framework importers' do ("format: missing; …"): said once, not "format — format: missing". */
function named(issue: ImportIssue): boolean {
  return !issue.field || issue.message.startsWith(`${issue.field}:`);
}

/** Problems found in a file, each naming the line or field to fix. */
export function IssueList({ issues, title }: { issues: ImportIssue[]; title: string }) {
  return (
    <div className="issue-list" role="alert">
      <h3>{title}</h3>
      <ul>
        {issues.map((issue, i) => (
          <li key={i}>
            {issue.line !== undefined ? <strong>Line {issue.line}: </strong> : null}
            {named(issue) ? null : (
              <>
                <code>{issue.field}</code> —{' '}
              </>
            )}
            {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
