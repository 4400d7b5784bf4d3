/**
 * What can be done with one framework version: export it, start a new
 * version of a pinned one, see its other versions and which cycles pin
 * them, and move a cycle to this version deliberately (with a confirmation).
 */
import { useEffect, useRef, useState } from 'react';
import type { Framework } from '../../../shared/domain';
import { exportFrameworkJson } from '../../../shared/frameworks/json-format';
import { frameworkToMarkdown } from '../../../shared/frameworks/markdown-export';
import { hrefFor } from '../../app/routes';
import { commands } from '../../db/commands';
import { useFramework, useLineage } from '../../db/framework-hooks';
import { getPlatform } from '../../platform/bridge';
import { useUiStore } from '../../state/ui-store';
import { couldNot } from '../../../shared/util/error-message';
import { savedText } from '../../platform/saved-text';
import { fileNameSlug } from '../../../shared/util/file-name';
import { MoveCycleConfirm } from './move-cycle-confirm';

const fileSlug = (name: string) => fileNameSlug(name, 'framework');

export function ExportButtons({ framework }: { framework: Framework }) {
  const announce = useUiStore((s) => s.announce);
  async function save(kind: 'json' | 'md') {
    const content = kind === 'json' ? exportFrameworkJson(framework, new Date().toISOString()) : frameworkToMarkdown(framework);
    try {
      const result = await getPlatform().saveFile({
        suggestedName: `${fileSlug(framework.name)}-v${framework.version}.${kind}`,
        content,
        filters: [kind === 'json' ? { name: 'Levelset framework', extensions: ['json'] } : { name: 'Markdown', extensions: ['md'] }],
      });
      if (!result.canceled) announce(`${savedText(result)}.`);
    } catch (error) {
      announce(couldNot('save the file', error), 'error');
    }
  }
  return (
    <>
      <button type="button" className="button button-secondary" onClick={() => void save('json')}>
        Export JSON
      </button>
      <button type="button" className="button button-secondary" onClick={() => void save('md')}>
        Export Markdown
      </button>
    </>
  );
}

export function NewVersionButton({ framework }: { framework: Framework }) {
  const announce = useUiStore((s) => s.announce);
  async function create() {
    try {
      const next = await commands.startNextFrameworkVersion(framework.id, new Date().toISOString());
      announce(`Created version ${next.version}. Cycles keep the version they pinned until you move them.`);
      window.location.hash = hrefFor('frameworks', next.id, 'edit');
    } catch (error) {
      announce(couldNot('create a new version', error), 'error');
    }
  }
  return (
    <button type="button" className="button button-primary" onClick={() => void create()}>
      Create a new version to edit
    </button>
  );
}

export function VersionsPanel({ framework }: { framework: Framework }) {
  const data = useLineage(framework.lineageId);
  const [confirming, setConfirming] = useState<string | null>(null);
  // The confirmation replaces a cycle's Move button and gives it back: the focus goes back to it (it fell to the page).
  const [returned, setReturned] = useState<string | null>(null);
  const moveButtons = useRef(new Map<string, HTMLButtonElement>());
  useEffect(() => {
    const active = document.activeElement;
    if (returned && confirming === null && (!active || active === document.body)) moveButtons.current.get(returned)?.focus();
  }, [returned, confirming]);
  const announce = useUiStore((s) => s.announce);
  if (!data) return null;
  const close = (cycleId: string) => {
    setReturned(cycleId);
    setConfirming(null);
  };
  const pinnedHere = data.cycles.filter((c) => c.version.id === framework.id);
  const pinnedElsewhere = data.cycles.filter((c) => c.version.id !== framework.id);

  async function move(cycleId: string, name: string) {
    try {
      await commands.moveCycleToVersion(cycleId, framework.id, new Date().toISOString());
      announce(`${name} now uses version ${framework.version}. This version is now frozen.`);
    } catch (error) {
      announce(couldNot('move the cycle', error), 'error');
    } finally {
      close(cycleId);
    }
  }

  return (
    <section className="versions-panel" aria-labelledby="versions-title">
      <h2 id="versions-title">Versions</h2>
      <ul className="version-list">
        {data.versions.map((v) => (
          <li key={v.id}>
            {v.id === framework.id ? <strong>v{v.version} (this one)</strong> : <a href={hrefFor('frameworks', v.id)}>v{v.version}</a>}
            {v.frozen ? <span className="tag">Frozen</span> : null}
            {data.cycles
              .filter((c) => c.version.id === v.id)
              .map((c) => (
                <span key={c.cycle.id} className="tag">
                  Pinned by {c.cycle.name}
                </span>
              ))}
            {v.id !== framework.id ? (
              <a className="version-diff-link" href={hrefFor('frameworks', framework.id, 'diff', v.id)}>
                What changed between v{Math.min(v.version, framework.version)} and v{Math.max(v.version, framework.version)}
              </a>
            ) : null}
          </li>
        ))}
      </ul>
      {pinnedHere.length === 0 && pinnedElsewhere.length === 0 ? <p className="muted">No cycle uses this framework yet.</p> : null}
      {pinnedElsewhere.map(({ cycle, version }) =>
        confirming === cycle.id ? (
          <MoveCycleConfirm key={cycle.id} cycle={cycle} from={version} to={framework} onMove={() => void move(cycle.id, cycle.name)} onCancel={() => close(cycle.id)} />
        ) : (
          <p key={cycle.id}>
            {cycle.name} uses v{version.version}.{' '}
            <button
              type="button"
              className="button button-secondary"
              ref={(el) => {
                if (el) moveButtons.current.set(cycle.id, el);
                else moveButtons.current.delete(cycle.id);
              }}
              onClick={() => setConfirming(cycle.id)}
            >
              Move {cycle.name} to v{framework.version}…
            </button>
          </p>
        ),
      )}
    </section>
  );
}

/** The new-version button for a framework known only by id (the editor's read-only notice). */
export function NewVersionButtonFor({ id }: { id: string }) {
  const framework = useFramework(id);
  return framework && framework.frozen ? <NewVersionButton framework={framework} /> : null;
}
