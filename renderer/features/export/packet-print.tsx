/** The print of one candidate's packet (the revision named, else the current one), drawn from its model (shared/export/packet-print.ts): the case, the criteria with their codes, ratings, notes and evidence, then the evidence cited, whole. */
import { useMemo, useState } from 'react';
import { packetPrintModel, type PacketPrintModel, type PrintedCriterion } from '../../../shared/export/packet-print';
import { formatDate } from '../../components/dates';
import { usePacketWorkspace } from '../../db/packet-hooks';
import { Block } from './candidate-page';
import { usePrintReady } from './print-ready';

export function PacketPrint({ candidateId, packetId }: { candidateId: string; packetId?: string | undefined }) {
  const ws = usePacketWorkspace(candidateId);
  const [printedAt] = useState(() => new Date().toISOString());
  // A revision named by id is printed only if it is this candidate's: never the current one in its place.
  const packet = ws ? (packetId ? ws.packets.find((p) => p.id === packetId) : ws.current) : null;
  const model = useMemo(() => (ws && packet && ws.cycle && ws.framework ? packetPrintModel({ candidate: ws.candidate, packet, cycle: ws.cycle, framework: ws.framework, evidence: ws.evidence, showDate: formatDate }) : null), [ws, packet]);
  usePrintReady(!!model, ws?.cycle ? `${ws.cycle.name} · Packet` : '', `Confidential · printed ${formatDate(printedAt)}`, ws ? `Packet · ${ws.candidate.name}` : 'Levelset');
  if (ws === undefined) return <p className="print-loading">Preparing the document…</p>;
  if (!model) return <p className="print-missing">{packetId && ws && !packet ? 'This revision of the packet is not on this computer.' : 'There is no packet to print for this candidate.'}</p>;
  return <PrintedPacket model={model} />;
}

function PrintedPacket({ model: m }: { model: PacketPrintModel }) {
  return (
    <article className="print-doc">
      <section className="print-candidate print-candidate-first">
        <p className="print-kicker">{m.kicker}</p>
        <h1>{m.name}</h1>
        <p className="print-outcome">
          {m.levels}
          {m.trackSwitch ? ` · ${m.trackSwitch}` : ''}
        </p>
        <dl className="print-facts">
          {m.facts.map((f) => (
            <FactRow key={f.term} term={f.term} detail={f.detail} />
          ))}
        </dl>
        <Block title="Summary">{m.summary ? <p className="print-text">{m.summary}</p> : <p className="print-muted">No summary written.</p>}</Block>
        <Block title="Not yet doing">{m.notYetDoing ? <p className="print-text">{m.notYetDoing}</p> : <p className="print-muted">Nothing noted.</p>}</Block>
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
              {m.criteria.map((c) => (
                <CriterionRow key={c.code || c.text} c={c} />
              ))}
            </tbody>
          </table>
        </Block>
        <Block title="Evidence cited" flow>
          {m.evidence.length === 0 ? (
            <p className="print-muted">No evidence is linked to the target level’s criteria.</p>
          ) : (
            <ul className="print-evidence">
              {m.evidence.map((e) => (
                <li key={e.id}>
                  <strong>{e.title}</strong>
                  <span className={e.outside ? 'print-outside' : 'print-muted'}> — {e.line}</span>
                  {e.criteria.length ? <span className="print-muted"> — for {e.criteria.join(', ')}</span> : null}
                  {e.description ? <p className="print-text">{e.description}</p> : null}
                  {e.links.map((l, i) => (
                    <p key={i} className="print-hash">
                      {l}
                    </p>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </Block>
        <p className="print-confidential">{m.confidentiality}</p>
      </section>
    </article>
  );
}

function FactRow({ term, detail }: { term: string; detail: string }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{detail}</dd>
    </>
  );
}

function CriterionRow({ c }: { c: PrintedCriterion }) {
  return (
    <tr>
      <td className="print-free">
        {c.code ? <strong>{c.code} </strong> : null}
        {c.text}
        {c.competency ? <span className="print-muted"> — {c.competency}</span> : null}
      </td>
      <td>
        {c.rating}
        <span className="print-muted">
          {' '}
          · {c.sustained}
          {c.counts ? ' · counts' : ''}
        </span>
        {c.note ? <p className="print-text">{c.note}</p> : null}
      </td>
      <td className="print-free">
        {c.evidence.length === 0
          ? '—'
          : c.evidence.map((e, i) => (
              <span key={i}>
                {i > 0 ? '; ' : ''}
                {e.title} ({e.when}){e.outside ? <strong className="print-outside"> ⚠ {e.outside}</strong> : null}
              </span>
            ))}
      </td>
    </tr>
  );
}
