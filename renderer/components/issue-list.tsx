import type { ImportIssue } from '../../shared/frameworks/import-result';

/** Problems found in a file, each naming the line or field to fix. */
export function IssueList({ issues, title }: { issues: ImportIssue[]; title: string }) {
  return (
    <div className="issue-list" role="alert">
      <h3>{title}</h3>
      <ul>
        {issues.map((issue, i) => (
          <li key={i}>
            {issue.line !== undefined ? <strong>Line {issue.line}: </strong> : null}
            {issue.field ? <code>{issue.field}</code> : null}
            {issue.field ? ' — ' : null}
            {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
