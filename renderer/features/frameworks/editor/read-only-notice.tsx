/**
 * What the framework editor shows for a built-in or pinned framework: why it
 * cannot be edited here, and the way to an editable copy or version.
 */
import type { ReactNode } from 'react';
import type { Framework } from '../../../../shared/domain/framework';
import { hrefFor } from '../../../app/routes';
import { PageHeader } from '../../../components/page-header';
import { DuplicateFrameworkButton } from './framework-buttons';

export function ReadOnlyNotice({ framework, actions }: { framework: Framework; actions?: ReactNode }) {
  return (
    <>
      <PageHeader
        title={framework.name}
        subtitle={
          <>
            <a href={hrefFor('frameworks')}>Frameworks</a> · v{framework.version} · read-only
          </>
        }
      />
      <section className="editor-readonly" aria-labelledby="readonly-title">
        <h2 id="readonly-title">{framework.builtIn ? 'Built-in frameworks cannot be edited' : 'This version is pinned by a cycle'}</h2>
        {framework.builtIn ? (
          <p>
            {framework.name} ships with Levelset and stays as published. Duplicate it to get your own copy with every track, level and criterion, and edit
            that.
          </p>
        ) : (
          <p>
            A cycle judges candidates against version {framework.version} exactly as it is, so it cannot change. To edit, create a new version of this
            framework (the cycle keeps this one until you move it), or duplicate it into a separate framework.
          </p>
        )}
        {framework.builtIn && framework.frozen ? <p className="muted">A cycle also pins this framework.</p> : null}
        <div className="editor-readonly-actions">
          <DuplicateFrameworkButton framework={framework} label="Duplicate to edit" variant="primary" />
          {actions}
        </div>
        <p>
          <a href={hrefFor('frameworks', framework.id)}>View {framework.name}</a>
        </p>
      </section>
    </>
  );
}
