/** The fairness view's sections beyond promotion by group: nomination and tracks. */
import type { SessionData } from '../use-session-data';
import { NominationSection } from './nomination-section';
import { TrackSection } from './track-section';

export function FairnessMoreSections({ data }: { data: SessionData }) {
  return (
    <>
      <NominationSection data={data} />
      <TrackSection data={data} />
    </>
  );
}
