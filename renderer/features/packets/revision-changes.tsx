/**
 * "What changed since revision N" on a packet's page. Read by a manager who
 * reopened a submission and wants to see what the next one will change, and
 * by a committee member who saw revision 1 and now has revision 2 in front
 * of them: which ratings moved, which paragraphs of the case are new or gone,
 * which cited evidence came, went or was edited. Each revision is read as it
 * was sent (revisionDiff, shared/packets/revision-diff.ts).
 */
import { useMemo } from 'react';
import type { Evidence, Framework, Packet } from '../../../shared/domain';
import type { EvidenceWindow } from '../../../shared/packets/coverage';
import { readinessText } from '../../../shared/rules/readiness';
import { comparedRevision, revisionDiff, type RevisionDiff, type TextChange } from '../../../shared/packets/revision-diff';
import { ratingWord } from '../../../shared/packets/rating-words';
import { packetEvidence } from '../../../shared/packets/snapshot';
import { plural } from '../../../shared/util/plural';
import { levelLabel } from '../../db/use-cycle-context';
import { formatDate } from '../../components/dates';
import './revision-changes.css';

interface Props {
  framework: Framework;
  packets: readonly Packet[];
  /** The revision on screen and the evidence it is read with (packetEvidence). */
  viewed: Packet;
  shown: readonly Evidence[];
  /** The candidate's evidence log as it is, for an earlier revision stored without a snapshot. */
  evidence: readonly Evidence[];
  levelById: Map<string, Framework['levels'][number]>;
  /** The cycle's evidence window, for each revision's readiness figure. */
  window: EvidenceWindow;
}

const TEXT_LABEL: Record<TextChange['field'], string> = { summary: 'The case', notYetDoing: 'What they are not yet doing' };

/** One line that counts the changes, for the section's first sentence. */
export function countLine(diff: RevisionDiff): string {
  const parts: string[] = [];
  if (diff.targetLevel) parts.push('the target level');
  if (diff.ratings.length > 0) parts.push(plural(diff.ratings.length, 'criterion', 'criteria'));
  for (const t of diff.texts) parts.push(TEXT_LABEL[t.field].toLowerCase());
  const items = diff.evidence.added.length + diff.evidence.removed.length + diff.evidence.edited.length;
  if (items > 0) parts.push(plural(items, 'evidence item'));
  return parts.join(', ');
}

function TextParagraphs({ change, from, to }: { change: TextChange; from: number; to: number }) {
  return (
    <details className="revision-text-change">
      <summary>
        {TEXT_LABEL[change.field]}: {change.added.length > 0 ? `${plural(change.added.length, 'paragraph')} new` : null}
        {change.added.length > 0 && change.removed.length > 0 ? ', ' : null}
        {change.removed.length > 0 ? `${plural(change.removed.length, 'paragraph')} no longer there` : null}
      </summary>
      {change.steps.map((step, i) =>
        step.kind === 'added' ? (
          <blockquote key={i} className="revision-added">
            <span className="revision-mark">New in revision {to}</span>
            {step.text}
          </blockquote>
        ) : (
          <blockquote key={i} className="revision-removed">
            <span className="revision-mark">Only in revision {from}</span>
            {step.text}
          </blockquote>
        ),
      )}
    </details>
  );
}

/**
 * The changes of `diff` as a list and the texts' paragraphs, or the sentence
 * that nothing changed. `levelName` names a level the way the screen does.
 */
export function RevisionChangeList({ diff, levelName, counted = true }: { diff: RevisionDiff; levelName: (id: string | null) => string; counted?: boolean }) {
  const { added, removed, edited } = diff.evidence;
  if (diff.same) return <p className="muted">Nothing a committee reads: the same target level, ratings, notes, case and cited evidence as revision {diff.from}.</p>;
  return (
    <>
      {counted ? <p className="muted">Changed: {countLine(diff)}.</p> : null}
      <ul className="revision-change-list">
        {diff.readiness ? (
          <li>
            Readiness: {readinessText(diff.readiness.from)} → <strong>{readinessText(diff.readiness.to)}</strong>
          </li>
        ) : null}
        {diff.targetLevel ? (
          <li>
            Target level: {levelName(diff.targetLevel.from)} → <strong>{levelName(diff.targetLevel.to)}</strong>
          </li>
        ) : null}
        {diff.ratings.map((r) => (
          <li key={r.criterionId}>
            <span className="criterion-code">{r.code}</span>{' '}
            {r.from === r.to ? ratingWord(r.to) : <>{ratingWord(r.from)} → <strong>{ratingWord(r.to)}</strong></>}
            {r.noteChanged ? `, note ${r.from === r.to ? '' : 'also '}changed` : null}
            {r.text ? <span className="muted"> · {r.text}</span> : null}
          </li>
        ))}
        {added.map((e) => (
          <li key={`add-${e.id}`}>
            Evidence cited now: <strong>{e.title}</strong> <span className="muted">({formatDate(e.date)})</span>
          </li>
        ))}
        {removed.map((e) => (
          <li key={`rm-${e.id}`}>
            Evidence no longer cited: <strong>{e.title}</strong> <span className="muted">({formatDate(e.date)})</span>
          </li>
        ))}
        {edited.map((e) => (
          <li key={`ed-${e.id}`}>
            Evidence edited: <strong>{e.title}</strong>: {e.fields.join(', ')}
          </li>
        ))}
      </ul>
      {diff.texts.map((t) => (
        <TextParagraphs key={t.field} change={t} from={diff.from} to={diff.to} />
      ))}
    </>
  );
}

/** Said under the changes when the earlier revision has no frozen evidence (stored before snapshots). */
export function NoSnapshotNote({ earlier, readAs }: { earlier: Pick<Packet, 'snapshot' | 'status' | 'revision'>; readAs: string }) {
  if (earlier.snapshot || earlier.status === 'draft') return null;
  return <p className="muted packet-footnote">Revision {earlier.revision} was stored without a copy of its evidence, so its evidence is read {readAs}.</p>;
}

/** On a packet's page: the revision on screen against the one before it (or a kept copy against the revision it was kept beside). */
export function RevisionChanges({ framework, packets, viewed, shown, evidence, levelById, window }: Props) {
  const compared = useMemo(() => comparedRevision(packets, viewed), [packets, viewed]);
  const diff = useMemo(
    () => (compared ? revisionDiff(framework, compared.packet, packetEvidence(compared.packet, evidence), viewed, shown, { showDate: formatDate, window }) : null),
    [compared, framework, evidence, viewed, shown, window],
  );
  if (!compared || !diff) return null;
  const heading = compared.keptBeside ? `How this copy differs from revision ${diff.from}` : `What changed since revision ${diff.from}`;
  return (
    <section className="packet-section revision-changes" aria-labelledby="revision-changes-heading">
      <h2 id="revision-changes-heading">{heading}</h2>
      <RevisionChangeList diff={diff} levelName={(id) => levelLabel(levelById, id)} />
      {diff.same ? null : <p className="muted">Revision {diff.from} is kept as it was{compared.packet.submittedAt ? ' submitted' : ''}; pick it under Revisions to read it whole.</p>}
      <NoSnapshotNote earlier={compared.packet} readAs="as it is today" />
    </section>
  );
}
