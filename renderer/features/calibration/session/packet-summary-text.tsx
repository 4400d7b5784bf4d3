/**
 * The packet summary's text in presenter mode (the review and its full-screen
 * form): the session's rows carry each packet's head only, and the text of
 * the one on screen is read when shown (useSessionPacket), so it says it is
 * reading rather than "No summary written" meanwhile.
 */
import type { Packet } from '../../../../shared/domain';
import type { PacketHead } from '../../../../shared/rules/current-packet';

export function PacketSummaryText({ head, packet, blind }: { head: PacketHead | undefined; packet: Packet | null | undefined; blind: boolean }) {
  if (head && packet === undefined) return <p className="muted">Reading the packet…</p>;
  if (head && packet === null) return <p className="muted">This packet could not be read. Reload the window to try again.</p>;
  const summary = packet?.summary.trim() ?? '';
  if (!summary) return <p className="muted">No summary written.</p>;
  return (
    <>
      <p className="presenter-summary">{packet?.summary}</p>
      {blind ? <p className="field-hint">Blind mode: names in free text are replaced with pseudonyms; other details are shown as written.</p> : null}
    </>
  );
}
