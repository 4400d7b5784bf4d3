/** "The case in words": what the candidate is not yet doing, and the summary for the committee, each saved as typed. */
import type { Packet } from '../../../shared/domain/packet';
import { SUMMARY_FIELD_ID } from './packet-checks';
import { SummaryFindings } from './packet-readiness';
import { PacketTextField } from './packet-text-field';

export function PacketCaseTexts({
  viewed,
  levelName,
  gapCount,
  readOnly,
  onSave,
}: {
  viewed: Packet;
  levelName: string;
  /** Criteria with gaps, named in the first field's hint. */
  gapCount: number;
  readOnly: boolean;
  onSave(patch: { notYetDoing?: string; summary?: string }): Promise<unknown>;
}) {
  return (
    <section className="packet-section packet-texts" aria-labelledby="packet-texts-heading">
      <h2 id="packet-texts-heading">The case in words</h2>
      <PacketTextField
        key={`not-yet-${viewed.id}`}
        id="packet-not-yet"
        rescueKey={`${viewed.id}:notYetDoing`}
        label="What they are not yet doing"
        hint={`Say, in observable terms, which parts of ${levelName} they do not do yet.${gapCount > 0 ? ` The criteria table shows ${gapCount} with gaps.` : ''}`}
        value={viewed.notYetDoing}
        readOnly={readOnly}
        rows={4}
        onSave={(text) => onSave({ notYetDoing: text })}
      />
      <PacketTextField
        key={`summary-${viewed.id}`}
        id={SUMMARY_FIELD_ID}
        rescueKey={`${viewed.id}:summary`}
        label="Summary"
        hint="The case for the committee: what they did, at what scope, citing the evidence. Avoid vague praise and time served."
        value={viewed.summary}
        readOnly={readOnly}
        rows={7}
        onSave={(text) => onSave({ summary: text })}
        below={(text) => <SummaryFindings text={text} />}
      />
    </section>
  );
}
