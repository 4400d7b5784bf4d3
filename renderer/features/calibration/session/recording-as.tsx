/**
 * A quiet line by the session's actions naming who the audit trail records
 * for reveal, finalize and reopen, so the chair can check it is them before
 * acting on a shared machine.
 */
import { hrefFor } from '../../../app/routes';
import { useProfile } from '../../../db/profile-read';

export function RecordingAs() {
  const profile = useProfile();
  if (!profile) return null;
  return (
    <p className="field-hint session-recording-as">
      Recording as <strong>{profile.role ? `${profile.name} (${profile.role})` : profile.name}</strong> — on a shared committee machine this is the chair’s profile.{' '}
      <a href={hrefFor('about')}>Change in About</a>
    </p>
  );
}
