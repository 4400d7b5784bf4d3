/**
 * About → The record: the two checks that make a decision defensible later,
 * for whoever keeps the data (a chair, HR). Verify replays the whole trail
 * against the records; comparing with an earlier export shows a trail that
 * was cut or rewritten since that file was made.
 */
import { useId } from 'react';
import { CompareWithExport, CompareWithPrinted, VerifyRecord } from '../audit/compare-export';
import { RestoresOnRecord } from '../audit/restores-on-record';

export function RecordPanel() {
  const id = useId();
  return (
    <section className="form-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>The record</h2>
      <p>
        Every change is kept in a hash-chained audit trail with the name of the person who made it. Verify checks the chain and replays the trail against every record. Each backup, bundle and decision book
        records the trail's head (its entry count and last hash): compare an earlier backup or bundle file, or the head printed on a decision book's cover, to see whether anything was removed or rewritten since.
      </p>
      <div className="record-checks">
        <VerifyRecord />
        <CompareWithExport />
        <CompareWithPrinted />
      </div>
      <RestoresOnRecord />
    </section>
  );
}
