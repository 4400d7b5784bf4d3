/** The print of one candidate's current packet: the case, the criteria with their assessments, and the evidence. */
import { useState } from 'react';
import { CONFIDENTIALITY } from '../../../shared/export/decision-book';
import { levelOf } from '../../../shared/domain/level-lookup';
import { criterionCoverage } from '../../../shared/packets/coverage';
import { packetEvidence } from '../../../shared/packets/snapshot';
import { ratingWord } from '../../../shared/packets/rating-words';
import { readiness, readinessText } from '../../../shared/rules/readiness';
import { shownQuarter } from '../../../shared/util/dates';
import { formatDate } from '../../components/dates';
import { usePacketWorkspace } from '../../db/packet-hooks';
import { Block } from './candidate-page';
import { usePrintReady } from './print-ready';

export function PacketPrint({ candidateId }: { candidateId: string }) {
  const ws = usePacketWorkspace(candidateId);
  const [printedAt] = useState(() => new Date().toISOString());
  const ready = !!ws?.current && !!ws.cycle && !!ws.framework;
  usePrintReady(ready, ws?.cycle ? `${ws.cycle.name} · Packet` : '', `Confidential · printed ${formatDate(printedAt)}`, ws ? `Packet · ${ws.candidate.name}` : 'Levelset');
  if (ws === undefined) return <p className="print-loading">Preparing the document…</p>;
  if (!ws || !ws.current || !ws.cycle || !ws.framework) return <p className="print-missing">There is no packet to print for this candidate.</p>;
  const { candidate, current, framework, cycle, evidence } = ws;
  const window = { from: cycle.evidenceFrom, to: cycle.evidenceTo };
  // A submitted revision prints with the evidence frozen at submission, as the committee reads it.
  const coverage = criterionCoverage(framework, current, packetEvidence(current, evidence), window);
  const r = readiness(coverage);
  const level = (id: string | null) => levelOf(framework, id);
  return (
    <article className="print-doc">
      <section className="print-candidate print-candidate-first">
        <p className="print-kicker">Promotion packet · revision {current.revision} · {current.status === 'submitted' ? `submitted ${current.submittedAt ? formatDate(current.submittedAt) : ''}` : current.status}</p>
        <h1>{candidate.name}</h1>
        <p className="print-outcome">
          {level(candidate.currentLevelId)?.code} {level(candidate.currentLevelId)?.title} → {level(current.targetLevelId)?.code} {level(current.targetLevelId)?.title}
        </p>
        <dl className="print-facts">
          <dt>Manager</dt>
          <dd>{candidate.manager}</dd>
          <dt>Team</dt>
          <dd>{candidate.team || '—'}</dd>
          <dt>Readiness</dt>
          <dd>
            {readinessText(r)} — {r.rule}
          </dd>
          <dt>Evidence window</dt>
          <dd>
            {formatDate(cycle.evidenceFrom)} to {formatDate(cycle.evidenceTo)}
          </dd>
        </dl>
        <Block title="Summary">{current.summary ? <p className="print-text">{current.summary}</p> : <p className="print-muted">No summary written.</p>}</Block>
        <Block title="Not yet doing">{current.notYetDoing ? <p className="print-text">{current.notYetDoing}</p> : <p className="print-muted">Nothing noted.</p>}</Block>
        <Block title="Criteria" flow>
          <table className="print-table">
            <thead>
              <tr>
                <th scope="col">Criterion</th>
                <th scope="col">Assessment</th>
                <th scope="col">Evidence</th>
              </tr>
            </thead>
            <tbody>
              {coverage.map((c) => (
                <tr key={c.criterion.id}>
                  <td className="print-free">{c.criterion.text}</td>
                  <td>
                    {ratingWord(c.rating)}
                    {c.sustained ? ' · sustained' : ''}
                  </td>
                  <td className="print-free">{c.evidence.length ? c.evidence.map((e) => `${e.title} (${shownQuarter(e.date)})`).join('; ') : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Block>
        <p className="print-confidential">{CONFIDENTIALITY}</p>
      </section>
    </article>
  );
}
