/**
 * Import a framework file (Levelset JSON or progression-framework Markdown):
 * pick a file, see a preview of what it holds or the problems that stop it,
 * and only then write it. Nothing is stored before the user confirms, and the
 * write is one transaction.
 */
import { plural } from '../../../shared/util/plural';
import { useState, type ReactNode } from 'react';
import type { Framework } from '../../../shared/domain';
import { MAX_FRAMEWORK_FILE_BYTES, type ImportIssue } from '../../../shared/frameworks/import-result';
import { previewOf } from '../../../shared/frameworks/preview';
import { importAsVersionText } from '../../../shared/frameworks/versions';
import { useLineage } from '../../db/framework-hooks';
import { hrefFor } from '../../app/routes';
import { IssueList } from '../../components/issue-list';
import { commands } from '../../db/commands';
import { getPlatform } from '../../platform/bridge';
import { useUiStore } from '../../state/ui-store';
import { parseFrameworkInWorker } from './parse-client';
import { couldNot, errorMessage } from '../../../shared/util/error-message';

type State =
  | { step: 'idle' }
  | { step: 'reading' }
  | { step: 'preview'; fileName: string; framework: Framework; warnings: ImportIssue[] }
  | { step: 'errors'; fileName: string; errors: ImportIssue[] };

/** What the import reads, said on the button and beside a refusal (a trial found no page that said it). */
const FORMATS = 'Levelset imports the progression-framework Markdown format (YAML front matter with levels and topics; each topic lists its criteria by level) and its own JSON export.';

/** The import button (for the page header) and its preview panel (for below it). */
export function useFrameworkImport(): { button: ReactNode; panel: ReactNode } {
  const [state, setState] = useState<State>({ step: 'idle' });
  const announce = useUiStore((s) => s.announce);

  async function pick() {
    setState({ step: 'reading' });
    try {
      const file = await getPlatform().openFile({
        filters: [{ name: 'Framework files', extensions: ['json', 'md', 'markdown'] }],
        maxBytes: MAX_FRAMEWORK_FILE_BYTES,
      });
      if (file.canceled) return setState({ step: 'idle' });
      // Parsed in a worker: a large file would otherwise freeze the page.
      const result = await parseFrameworkInWorker(file.content, file.fileName);
      setState(result.ok ? { step: 'preview', fileName: file.fileName, framework: result.framework, warnings: result.warnings } : { step: 'errors', fileName: file.fileName, errors: result.errors });
    } catch (error) {
      setState({ step: 'errors', fileName: 'The file', errors: [{ message: errorMessage(error) }] });
    }
  }

  async function confirm(framework: Framework) {
    try {
      const outcome = await commands.importFramework(framework, new Date().toISOString());
      setState({ step: 'idle' });
      announce(
        outcome.identical
          ? `Nothing imported: the file is identical to version ${outcome.version} of ${framework.name}.`
          : outcome.newVersion
            ? `Imported ${framework.name} as version ${outcome.version}.`
            : `Imported ${framework.name}.`,
      );
      window.location.hash = hrefFor('frameworks', outcome.id);
    } catch (error) {
      announce(couldNot(`import ${framework.name}`, error, 'Nothing was written.'), 'error');
    }
  }

  const button = (
    <button type="button" className="button button-secondary" onClick={() => void pick()} disabled={state.step === 'reading'} title={FORMATS}>
      {state.step === 'reading' ? 'Reading file…' : 'Import framework…'}
    </button>
  );
  const panel =
    state.step === 'preview' || state.step === 'errors' ? (
      <section className="import-panel" aria-labelledby="import-title">
        <h2 id="import-title">{state.step === 'preview' ? `Import ${state.framework.name}?` : `${state.fileName} cannot be imported`}</h2>
        {state.step === 'errors' ? (
          <>
            <IssueList title="Fix these problems in the file and try again:" issues={state.errors} />
            <p className="muted">{FORMATS} In YAML, put a criterion that contains a colon in quotes.</p>
          </>
        ) : (
          <ImportPreview framework={state.framework} warnings={state.warnings} fileName={state.fileName} />
        )}
        <div className="import-actions">
          {state.step === 'preview' ? (
            <button type="button" className="button button-primary" onClick={() => void confirm(state.framework)}>
              Import
            </button>
          ) : null}
          <button type="button" className="button button-secondary" onClick={() => setState({ step: 'idle' })}>
            {state.step === 'preview' ? 'Cancel' : 'Close'}
          </button>
        </div>
      </section>
    ) : null;
  return { button, panel };
}

function ImportPreview({ framework, warnings, fileName }: { framework: Framework; warnings: ImportIssue[]; fileName: string }) {
  const preview = previewOf(framework);
  // The versions of its lineage already here: an older export imported again becomes the newest version.
  const lineage = useLineage(framework.lineageId);
  const asVersion = lineage ? importAsVersionText(lineage.versions, framework) : null;
  return (
    <>
      <p>
        From <strong>{fileName}</strong>: {plural(preview.tracks.length, 'track')}, {plural(preview.levels.length, 'level')},{' '}
        {plural(preview.competencies.length, 'competency', 'competencies')}, {plural(preview.criteriaCount, 'criterion', 'criteria')}. Nothing is saved until you choose Import.
      </p>
      {asVersion ? (
        <p className="import-as-version" role="note">
          {asVersion}
        </p>
      ) : null}
      <table className="data-table compact">
        <caption>Levels in the file</caption>
        <thead>
          <tr>
            <th scope="col">Track</th>
            <th scope="col">Level</th>
            <th scope="col">Title</th>
            <th scope="col" className="num">Criteria</th>
          </tr>
        </thead>
        <tbody>
          {preview.levels.map((l, i) => (
            <tr key={i}>
              <td>{l.track}</td>
              <td>{l.code}</td>
              <td>{l.title}</td>
              <td className="num">{l.criteria}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <strong>Competencies:</strong> {preview.competencies.join(', ') || 'none'}
      </p>
      {warnings.length > 0 ? <IssueList title="Imported with these notes:" issues={warnings} /> : null}
    </>
  );
}
