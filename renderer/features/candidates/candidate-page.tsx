/**
 * `#/candidates/<id>`: one candidate, for their manager. Who they are,
 * where they are and where they are going (current → target level), a way
 * into their packet, the cycle's evidence window (what counts), and their
 * evidence log. The facts (levels, window, packet) are candidate-facts.tsx. Group attributes are not shown
 * here or anywhere a single candidate is shown.
 */
import { useEffect, useRef } from 'react';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { hrefFor } from '../../app/routes';
import { evidenceChangeNotice } from '../../../shared/packets/evidence-notice';
import { useCandidatePage } from '../../db/candidate-hooks';
import { commands } from '../../db/commands';
import { useUiStore } from '../../state/ui-store';
import { EvidenceLog } from '../evidence/evidence-log';
import { CandidateFacts } from './candidate-facts';
import { EvidenceChangesNotice } from './evidence-changes-notice';
import './candidates.css';
import { couldNot } from '../../../shared/util/error-message';

export function CandidatePage({ id }: { id: string }) {
  const data = useCandidatePage(id);
  const announce = useUiStore((s) => s.announce);
  const focused = useRef<string | null>(null);

  // Arriving from a form or a link that is gone, focus would be lost on <body>: land on the heading instead.
  useEffect(() => {
    if (!data || focused.current === id) return;
    focused.current = id;
    const active = document.activeElement;
    if (!active || active === document.body) document.getElementById('page-title')?.focus();
  }, [data, id]);

  if (data === undefined) return <Loading what="the candidate" />;
  if (data === null) {
    return (
      <>
        <PageHeader title="Candidate not found" />
        <p>
          This candidate is not in the database; they may have been in a bundle that was not imported. <a href={hrefFor('candidates')}>Back to candidates</a>
        </p>
      </>
    );
  }
  const { candidate, framework, packet } = data;
  // The committee reads a submitted revision as frozen; say when the log has moved on from it.
  const notice = evidenceChangeNotice(packet, framework, data.evidence);

  async function setArchived(archived: boolean) {
    const at = new Date().toISOString();
    try {
      if (archived) {
        await commands.archiveCandidate(candidate.id, at);
        announce(`Archived ${candidate.name}. They are hidden from lists; restore them here or from “Show archived”.`);
      } else {
        await commands.restoreCandidate(candidate.id, at);
        announce(`Restored ${candidate.name} to the lists.`);
      }
    } catch (error) {
      announce(couldNot(archived ? 'archive' : 'restore', error), 'error');
    }
  }

  const facts = [candidate.role, candidate.team].filter(Boolean).join(' · ');
  return (
    <div className="candidate-page">
      <p className="breadcrumb">
        <a href={hrefFor('candidates')}>Candidates</a>
        {data.cycle ? <span className="muted"> · {data.cycle.name}</span> : null}
      </p>
      <PageHeader
        title={candidate.name}
        subtitle={
          <>
            {facts ? <>{facts} · </> : null}Manager: {candidate.manager}
          </>
        }
        actions={
          <>
            <a className="button button-secondary" href={hrefFor('packets', candidate.id)}>
              Open packet
            </a>
            <a className="button button-secondary" href={hrefFor('candidates', candidate.id, 'edit')}>
              Edit
            </a>
            {candidate.archived ? (
              <button type="button" className="button button-secondary" onClick={() => void setArchived(false)}>
                Restore
              </button>
            ) : (
              <button type="button" className="button button-secondary" onClick={() => void setArchived(true)} aria-describedby="archive-hint">
                Archive
              </button>
            )}
          </>
        }
      />
      <span id="archive-hint" className="visually-hidden">
        Hides the candidate from lists. Nothing is deleted and you can restore them.
      </span>
      {candidate.archived ? (
        <div className="candidate-archived" role="note">
          <strong>Archived.</strong> {candidate.name} is hidden from lists and nothing has been deleted. Restore them to bring them back.
        </div>
      ) : null}
      <CandidateFacts candidate={candidate} cycle={data.cycle} framework={framework} packet={packet} />
      {!framework ? <p className="issue-list">This cycle’s framework version is missing, so criteria cannot be shown. Import it or move the cycle to another version.</p> : null}
      {notice && packet ? <EvidenceChangesNotice notice={notice} packetId={packet.id} candidateId={candidate.id} /> : null}
      <EvidenceLog data={data} notice={notice} />
    </div>
  );
}
